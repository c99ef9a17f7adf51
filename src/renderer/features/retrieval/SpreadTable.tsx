import { useTranslation } from 'react-i18next';
import type { LabelSpread, Participant } from '../../../shared/model.ts';
import { formatNumber } from '../../components/format.ts';

/** A label's segments per participant (all of them, no filters); participants outside the attribute filter are dimmed. */
export function SpreadTable({ spread, participants, filtered, documentCount }: { spread: LabelSpread | undefined; participants: Participant[]; filtered: (p: Participant) => boolean; documentCount: number }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  if (!spread || participants.length === 0 || (spread.participants.length === 0 && spread.withoutParticipant === 0)) return null;
  const counts = new Map(spread.participants.map((p) => [p.participantId, p.segments]));
  const max = Math.max(1, spread.withoutParticipant, ...spread.participants.map((p) => p.segments));
  const cell = (count: number, dim: boolean, key: string) => (
    <td key={key} className={`num${dim ? ' is-dim' : ''}${count === 0 ? ' is-zero' : ''}`}>
      <span className="spread__count">{count === 0 ? '—' : n(count)}</span>
      <span className="spread__bar" aria-hidden="true">
        <span style={{ width: `${(count / max) * 100}%` }} />
      </span>
    </td>
  );
  return (
    <section className="spread" aria-labelledby="spread-title">
      <div className="spread__head">
        <h2 id="spread-title" className="eyebrow">
          {t('retrieval.spread')}
        </h2>
        <span className="muted small">
          {t('retrieval.spreadDocuments', { count: spread.documents, total: documentCount })} · {t('retrieval.spreadHelp')}
        </span>
      </div>
      <div className="spread__wrap">
        <table className="spread__table">
          <thead>
            <tr>
              <th scope="col">{t('retrieval.participant')}</th>
              {participants.map((p) => (
                <th key={p.id} scope="col" className={filtered(p) ? '' : 'is-dim'}>
                  {p.name}
                </th>
              ))}
              {spread.withoutParticipant > 0 && <th scope="col">{t('retrieval.spreadNoParticipant')}</th>}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('retrieval.spreadSegments')}</th>
              {participants.map((p) => cell(counts.get(p.id) ?? 0, !filtered(p), p.id))}
              {spread.withoutParticipant > 0 && cell(spread.withoutParticipant, false, 'none')}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
