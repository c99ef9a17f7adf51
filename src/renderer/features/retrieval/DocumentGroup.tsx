import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetrievedSegment } from '../../../shared/model.ts';
import { showValue } from '../../components/format.ts';

/** The quotes of one transcript under its name, participant and attributes. */
export function DocumentGroup({ items, children }: { items: RetrievedSegment[]; children: ReactNode }) {
  const { t } = useTranslation();
  const first = items[0]!;
  const participant = first.participant;
  return (
    <section className="quote-group" aria-labelledby={`quote-group-${first.documentId}`}>
      {/* The heading stays in view while its quotes scroll by; the attributes scroll with them. */}
      <h2 className="quote-group__head" id={`quote-group-${first.documentId}`}>
        {participant ? <span className="quote-group__participant">{participant.name}</span> : <span className="muted">{t('retrieval.noParticipant')}</span>}
        <span className="quote-group__document">{first.documentName}</span>
        <span className="quote-group__count">{t('retrieval.segmentCount', { count: items.length })}</span>
      </h2>
      {participant && Object.keys(participant.attributes).length > 0 && (
        <dl className="quote-group__attributes">
          {Object.entries(participant.attributes).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{showValue(value, t('common.yes'), t('common.no'))}</dd>
            </div>
          ))}
        </dl>
      )}
      <ol className="quote-list">{children}</ol>
    </section>
  );
}
