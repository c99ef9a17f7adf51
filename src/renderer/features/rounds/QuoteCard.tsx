import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../shared/analysis.ts';
import { formatTimecode } from '../../components/format.ts';
import { useStore } from '../../store/index.ts';
import { routeToHash, type Route } from '../../store/route.ts';

export const sourceRoute = (quote: Quote): Route => ({ name: 'document', id: quote.documentId, turn: quote.turnPosition, query: '' });

/** One quote as rounds 2 and 3 show it: who said it, where, the words verbatim, and a way to the source. */
export function QuoteCard({ quote, colour, showParticipant = true, children }: { quote: Quote; colour?: string; showParticipant?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const route = sourceRoute(quote);
  return (
    <article className="quote" style={colour ? ({ '--label': colour } as CSSProperties) : undefined} data-segment-id={quote.segmentId}>
      <div className="quote__meta">
        {showParticipant && (
          <strong className="quote__speaker">
            {quote.participant?.name ?? (quote.speakerRole === 'participant' ? t('rounds.unassigned') : t(`speakers.roles.${quote.speakerRole}`))}
          </strong>
        )}
        {quote.speaker && quote.speaker !== quote.participant?.name && <span>{quote.speaker}</span>}
        {quote.startMs !== null && <span className="quote__time">{formatTimecode(quote.startMs)}</span>}
        <span>{quote.documentName}</span>
        <a
          className="quote__open"
          href={routeToHash(route)}
          aria-label={t('rounds.toSourceLabel', { document: quote.documentName })}
          onClick={(event) => {
            event.preventDefault();
            navigate(route);
          }}
        >
          {t('rounds.toSource')} →
        </a>
      </div>
      <blockquote className="quote__text">{quote.text}</blockquote>
      {children && <div className="quote__actions">{children}</div>}
    </article>
  );
}
