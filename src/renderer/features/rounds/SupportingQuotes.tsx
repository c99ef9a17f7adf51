import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../shared/analysis.ts';
import { useData } from '../../data/index.ts';
import { QuotePicker } from './QuotePicker.tsx';
import { QuoteCard } from './QuoteCard.tsx';

/**
 * The supporting quotes of a learning question or tension, in the researcher's order: reorder,
 * remove, and add more from a concept's or label's segments. `extra` adds controls per quote.
 */
export function SupportingQuotes(props: { segmentIds: string[]; concepts: string[]; onChange(segmentIds: string[]): void; extra?(quote: Quote): ReactNode; title: string }) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const { segmentIds } = props;
  // One read for the set of quotes, whatever their order: moving a quote asks the core for nothing.
  const idsKey = [...new Set(segmentIds)].sort().join(',');
  const answered = useData('quotes/get', idsKey ? { segmentIds: idsKey.split(',') } : null, null);
  // The quotes already shown stay while a newly added one is fetched.
  const known = useRef(new Map<string, Quote>());
  const cache = useMemo(() => {
    for (const quote of answered ?? []) known.current.set(quote.segmentId, quote);
    return Object.fromEntries(known.current) as Record<string, Quote>;
  }, [answered]);
  const move = (i: number, by: number) => {
    const next = [...segmentIds];
    const [id] = next.splice(i, 1);
    next.splice(i + by, 0, id!);
    props.onChange(next);
  };
  return (
    <section className="supporting" aria-label={props.title}>
      <div className="supporting__head">
        <h2 className="eyebrow">
          {props.title} ({segmentIds.length})
        </h2>
        <button type="button" className="button button--small" onClick={() => setPicking(true)}>
          + {t('rounds.addQuotes')}
        </button>
      </div>
      {segmentIds.length === 0 && <p className="muted small supporting__none">{t('rounds.noQuotes')}</p>}
      <ol className="quote-list">
        {segmentIds.map((id, i) => {
          const quote = cache[id];
          return (
            <li key={id}>
              {quote ? (
                <QuoteCard quote={quote}>
                  {props.extra?.(quote)}
                  <span className="quote__tools">
                    <button type="button" className="icon-button" disabled={i === 0} aria-label={t('rounds.moveUp')} title={t('rounds.moveUp')} onClick={() => move(i, -1)}>
                      ↑
                    </button>
                    <button type="button" className="icon-button" disabled={i === segmentIds.length - 1} aria-label={t('rounds.moveDown')} title={t('rounds.moveDown')} onClick={() => move(i, 1)}>
                      ↓
                    </button>
                    <button type="button" className="button button--small button--quiet" onClick={() => props.onChange(segmentIds.filter((x) => x !== id))}>
                      {t('rounds.removeQuote')}
                    </button>
                  </span>
                </QuoteCard>
              ) : (
                <p className="muted">{t('common.loading')}</p>
              )}
            </li>
          );
        })}
      </ol>
      <QuotePicker open={picking} onClose={() => setPicking(false)} exclude={segmentIds} concepts={props.concepts} onPick={(ids) => props.onChange([...segmentIds, ...ids])} />
    </section>
  );
}
