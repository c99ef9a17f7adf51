import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/model.ts';
import { formatNumber } from '../../components/format.ts';
import { useStore } from '../../store/index.ts';

/**
 * The transcript's heading: its name and facts, auto-coding, the coder filter (when more than one
 * coder coded it), and what the page marks (a coder's codings only, a search's terms).
 */
export function ReaderHeader(props: { document: DocumentDetail; turn: number | null; query: string; coders: Array<{ id: string; name: string }>; shown: number; total: number; onAutocode(): void }) {
  const { t, i18n } = useTranslation();
  const coderFilter = useStore((s) => s.coderFilter);
  const setCoderFilter = useStore((s) => s.setCoderFilter);
  const blind = useStore((s) => s.blindCoding);
  const setBlind = useStore((s) => s.setBlindCoding);
  const coderName = useStore((s) => s.coder);
  const navigate = useStore((s) => s.navigate);
  const { document, turn, query, coders } = props;
  return (
    <header className="reader__header">
      <h1>{document.name}</h1>
      <p className="muted">
        {[document.participantName, t(`kind.${document.kind}`), t('documents.wordsCount', { words: formatNumber(document.wordCount, i18n.language) }), t('documents.turnsCount', { turns: formatNumber(document.turns.length, i18n.language) }), t('coding.segmentsCount', { count: props.total })]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <div className="reader__tools">
        <button className="button button--small" onClick={props.onAutocode}>
          {t('coding.autocode')}
        </button>
        <label className={`field field--inline small blind-switch${blind ? ' is-on' : ''}`}>
          <input type="checkbox" role="switch" aria-checked={blind} checked={blind} onChange={(e) => setBlind(e.target.checked)} />
          <span>{t('coding.blind')}</span>
        </label>
        {!blind && (coders.length > 1 || coderFilter) ? (
          <label className="field field--inline small">
            <span>{t('coding.coders')}</span>
            <select value={coderFilter ?? ''} onChange={(e) => setCoderFilter(e.target.value || null)}>
              <option value="">{t('coding.allCoders')}</option>
              {coders.map((c) => (
                <option key={c.id} value={c.id}>{coders.some((o) => o.id !== c.id && o.name === c.name) ? `${c.name} (${c.id.slice(0, 6)})` : c.name}</option>
              ))}
            </select>
          </label>
        ) : null}
        <span className="muted small">{t('coding.hint')}</span>
      </div>
      {blind && (
        <p className="reader__query reader__blind" role="status" data-testid="blind-banner">
          {t('coding.blindOn', { coder: coderName, hidden: props.total - props.shown })}{' '}
          <button className="link-button" onClick={() => setBlind(false)}>
            {t('coding.blindOff')}
          </button>
        </p>
      )}
      {!blind && coderFilter && (
        <p className="reader__query" role="status">
          {t('coding.filtered', { coder: coders.find((c) => c.id === coderFilter)?.name ?? coderFilter, shown: props.shown, total: props.total })}{' '}
          <button className="link-button" onClick={() => setCoderFilter(null)}>
            {t('coding.showAll')}
          </button>
        </p>
      )}
      {query && (
        <p className="reader__query">
          {t('transcript.marked', { query })}{' '}
          <button className="link-button" onClick={() => navigate({ name: 'document', id: document.id, turn, query: '' })}>
            {t('transcript.clearMarks')}
          </button>{' '}
          <button className="link-button" onClick={() => navigate({ name: 'search', query })}>
            {t('transcript.backToResults')}
          </button>
        </p>
      )}
    </header>
  );
}
