import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/model.ts';
import type { Route } from '../../store/route.ts';

/** The transcripts beside the reader. Memoised: a project can hold a thousand, and coding changes none of them. */
export const DocumentList = memo(function DocumentList({ documents, currentId, navigate }: { documents: DocumentSummary[]; currentId: string; navigate(route: Route): void }) {
  const { t } = useTranslation();
  return (
    <nav className="doclist" aria-label={t('documents.title')}>
      <h2 className="eyebrow">{t('documents.title')}</h2>
      <ul>
        {documents.map((d) => (
          <li key={d.id}>
            <button className={d.id === currentId ? 'is-active' : ''} aria-current={d.id === currentId ? 'page' : undefined} onClick={() => navigate({ name: 'document', id: d.id, turn: null, query: '' })}>
              <span>{d.name}</span>
              <span className="muted small">{d.participantName ?? t('documents.noParticipant')}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});
