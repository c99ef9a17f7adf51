import { useTranslation } from 'react-i18next';
import type { RetrievedSegment } from '../../../shared/model.ts';
import { formatTimecode } from '../../components/format.ts';
import { routeToHash } from '../../store/route.ts';
import { SegmentAnalysisActions } from '../rounds/SegmentAnalysisActions.tsx';
import { labelColour } from './label-colour.ts';

export function RetrievedQuote({ item, colour, showCoders, onOpen, onLabel }: { item: RetrievedSegment; colour: string; showCoders: boolean; onOpen(): void; onLabel(id: string): void }) {
  const { t } = useTranslation();
  const href = routeToHash({ name: 'document', id: item.documentId, turn: item.turnPosition, query: '' });
  return (
    <li className="quote" style={labelColour(colour)}>
      <div className="quote__meta">
        {item.speaker && <span className="quote__speaker">{item.speaker}</span>}
        {item.startMs !== null && <time className="quote__time">{formatTimecode(item.startMs)}</time>}
        {item.guideSections.map((title) => (
          <span key={title} className="quote__section" title={t('retrieval.sections')}>
            {title}
          </span>
        ))}
        {showCoders && <span className="quote__coders">{t('retrieval.codedBy', { coders: item.coders.join(', ') })}</span>}
        <a
          className="quote__open"
          href={href}
          aria-label={t('retrieval.openTranscriptLabel', { document: item.documentName })}
          onClick={(e) => {
            e.preventDefault();
            onOpen();
          }}
        >
          {t('retrieval.openTranscript')} →
        </a>
      </div>
      <blockquote className="quote__text">
        {item.beforeCut && <span className="quote__context">…</span>}
        <span className="quote__context">{item.before}</span>
        <mark className="quote__mark">{item.segment.text}</mark>
        <span className="quote__context">{item.after}</span>
        {item.afterCut && <span className="quote__context">…</span>}
      </blockquote>
      {item.otherLabels.length > 0 && (
        <ul className="quote__labels" aria-label={t('retrieval.otherLabels')}>
          {item.otherLabels.map((l) => (
            <li key={l.id}>
              <button type="button" className="chip" style={{ borderLeftColor: l.colour }} title={t('retrieval.showOtherLabel', { label: l.name })} onClick={() => onLabel(l.id)}>
                {l.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="quote__actions">
        <SegmentAnalysisActions segmentId={item.segment.id} question={false} />
      </div>
    </li>
  );
}
