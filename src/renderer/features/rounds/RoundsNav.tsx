import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { isScreen, openCount, ROUNDS, roundOf } from './rounds.ts';
import { useRoundStatus } from '../../data/reads.ts';

/** The rounds as the top-level navigation, each with the number of things left to do. */
export function RoundsNav() {
  const { t } = useTranslation();
  const route = useStore((s) => s.route);
  const status = useRoundStatus();
  const navigate = useStore((s) => s.navigate);
  const current = roundOf(route);
  return (
    <nav className="rounds-nav" aria-label={t('rounds.label')}>
      {ROUNDS.map((round, i) => {
        const open = openCount(status, round.id);
        const active = round.id === current;
        return (
          <button
            key={round.key}
            type="button"
            className={`rounds-nav__tab${active ? ' is-active' : ''}`}
            aria-current={active ? 'true' : undefined}
            title={open > 0 ? t('rounds.openCount', { count: open }) : undefined}
            onClick={() => navigate(round.route)}
          >
            {round.id !== 'report' && (
              <span className="rounds-nav__step">
                <span className="visually-hidden">{t('rounds.round')} </span>
                {i + 1}
              </span>
            )}
            <span className="rounds-nav__name">{t(round.key)}</span>
            {open > 0 && (
              <span className="rounds-nav__open">
                <span aria-hidden="true">{open}</span>
                <span className="visually-hidden">{t('rounds.openCount', { count: open })}</span>
              </span>
            )}
          </button>
        );
      })}
    </nav>
  );
}

/** The screens of the current round, under the top bar. */
export function RoundScreens() {
  const { t } = useTranslation();
  const route = useStore((s) => s.route);
  const navigate = useStore((s) => s.navigate);
  const round = ROUNDS.find((r) => r.id === roundOf(route))!;
  if (round.screens.length === 0) return null;
  return (
    <nav className="round-screens" aria-label={t('rounds.screensOf', { round: t(round.key) })}>
      {round.screens.map((screen) => {
        const active = isScreen(screen, route);
        return (
          <button
            key={screen.key}
            type="button"
            className={`tabs__tab${active ? ' is-active' : ''}`}
            aria-current={active ? 'page' : undefined}
            onClick={() => navigate(screen.route)}
          >
            {t(screen.key)}
          </button>
        );
      })}
    </nav>
  );
}
