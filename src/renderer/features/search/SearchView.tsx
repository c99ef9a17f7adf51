import { useTranslation } from 'react-i18next';
import { formatNumber, formatTimecode } from '../../components/format.ts';
import { useStore } from '../../store/index.ts';
import { useData } from '../../data/index.ts';

export function SearchView({ query }: { query: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useStore((s) => s.navigate);

  const result = useData('search/query', query ? { query, limit: 200 } : null, null);

  return (
    <div className="page page--narrow">
      <div className="page__header">
        <div>
          <h1>{t('search.title')}</h1>
          <p className="muted">{t('search.help')}</p>
        </div>
      </div>
      {!query ? (
        <div className="empty-state">
          <p>{t('search.empty')}</p>
        </div>
      ) : !result ? (
        <p className="muted">{t('common.loading')}</p>
      ) : result.total === 0 ? (
        <div className="empty-state" role="status">
          <strong>{t('search.none', { query })}</strong>
          <p>{t('search.noneHelp')}</p>
        </div>
      ) : (
        <>
          <p role="status" className="search__count">
            {t('search.count', { count: result.total, formatted: formatNumber(result.total, i18n.language), query })}
            {result.hits.length < result.total && ` ${t('search.showing', { shown: result.hits.length })}`}
          </p>
          <ol className="hits">
            {result.hits.map((hit) => (
              <li key={`${hit.documentId}-${hit.turnPosition}`}>
                <button className="hit" onClick={() => navigate({ name: 'document', id: hit.documentId, turn: hit.turnPosition, query })}>
                  <span className="hit__where">
                    <strong>{hit.documentName}</strong>
                    {hit.participantName && <span>{hit.participantName}</span>}
                    {hit.speaker && hit.speaker !== hit.participantName && <span>{t('search.speaker', { speaker: hit.speaker })}</span>}
                    {hit.startMs !== null && <time>{formatTimecode(hit.startMs)}</time>}
                    {hit.page != null && <span>{t('transcript.page', { page: hit.page })}</span>}
                  </span>
                  <span className="hit__snippet">
                    {hit.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
