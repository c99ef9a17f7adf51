import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';
import { useData } from '../../data/index.ts';
import type { Quote } from '../../../shared/analysis.ts';
import { flattenTree } from '../codebook/tree.ts';
import { useConcepts, useLabels } from '../../data/reads.ts';

/** The quotes of a concept or (through its segments) a label, `kind:id`; null while they come. */
function usePickQuotes(source: string): Quote[] | null {
  const [kind, id] = source.split(':') as ['concept' | 'label' | '', string];
  const ofConcept = useData('concepts/quotes', kind === 'concept' ? { id } : null, null);
  const ofLabel = useData('retrieval/segments', kind === 'label' ? { labelId: id } : null, null);
  const segmentIds = ofLabel?.items.map((i) => i.segment.id) ?? [];
  const labelQuotes = useData('quotes/get', kind === 'label' && segmentIds.length > 0 ? { segmentIds } : null, null);
  return useMemo(() => {
    if (kind === 'concept') return ofConcept ? ofConcept.groups.flatMap((g) => g.quotes) : null;
    if (kind === 'label') return ofLabel ? (ofLabel.items.length === 0 ? [] : labelQuotes) : null;
    return null;
  }, [kind, ofConcept, ofLabel, labelQuotes]);
}

/**
 * Picks supporting quotes from the segments of a concept or a label: the one dialog learning
 * questions, tensions and the report outline use. `concepts` are offered first (those of the item).
 */
export function QuotePicker(props: { open: boolean; onClose(): void; onPick(segmentIds: string[]): void; exclude?: string[]; concepts?: string[]; title?: string }) {
  const { t } = useTranslation();
  const concepts = useConcepts();
  const labels = useLabels();
  const first = props.concepts?.find((id) => concepts.some((c) => c.id === id)) ?? concepts[0]?.id;
  const [source, setSource] = useState<string>(first ? `concept:${first}` : labels[0] ? `label:${labels[0].id}` : '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const { open } = props;

  useEffect(() => {
    if (!open) return;
    setChosen([]);
    setFilter('');
    if (first) setSource(`concept:${first}`);
  }, [open, first]);

  const pick = { quotes: usePickQuotes(open ? source : '') };

  const excluded = useMemo(() => new Set(props.exclude ?? []), [props.exclude]);
  const typed = filter.trim().toLocaleLowerCase();
  const quotes = (pick.quotes ?? []).filter((q) => !typed || q.text.toLocaleLowerCase().includes(typed) || (q.participant?.name ?? '').toLocaleLowerCase().includes(typed));
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <Dialog open={open} onClose={props.onClose} title={props.title ?? t('rounds.pickTitle')} description={t('rounds.pickHelp')} wide>
      <div className="quote-picker__controls">
        <label className="field">
          <span>{t('rounds.pickFrom')}</span>
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            {concepts.length > 0 && (
              <optgroup label={t('rounds.concepts')}>
                {concepts.map((c) => (
                  <option key={c.id} value={`concept:${c.id}`}>
                    {c.name} ({c.segmentCount})
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t('rounds.labels')}>
              {flattenTree(labels).map(({ label, depth }) => (
                <option key={label.id} value={`label:${label.id}`}>
                  {'\u00a0\u00a0'.repeat(depth)}
                  {label.name} ({label.segmentCount})
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="field">
          <span>{t('rounds.pickFilter')}</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('rounds.pickFilterPlaceholder')} />
        </label>
      </div>
      <ul className="quote-picker__list" aria-label={t('rounds.pickList')}>
        {pick.quotes === null && <li className="muted">{t('common.loading')}</li>}
        {pick.quotes !== null && quotes.length === 0 && <li className="muted">{t('rounds.pickNone')}</li>}
        {quotes.map((q) => {
          const already = excluded.has(q.segmentId);
          return (
            <li key={q.segmentId} className={already ? 'is-already' : undefined}>
              <label className="quote-picker__item">
                <input type="checkbox" disabled={already} checked={already || chosen.includes(q.segmentId)} onChange={() => toggle(q.segmentId)} />
                <span>
                  <span className="quote-picker__who">
                    {q.participant?.name ?? t('rounds.unassigned')} · {q.documentName}
                    {already ? ` · ${t('rounds.pickAlready')}` : ''}
                  </span>
                  <span className="quote-picker__text">{q.text}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <footer className="dialog__footer">
        <button type="button" className="button button--quiet" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={chosen.length === 0}
          onClick={() => {
            props.onPick(chosen);
            props.onClose();
          }}
        >
          {t('rounds.pickAdd', { count: chosen.length })}
        </button>
      </footer>
    </Dialog>
  );
}
