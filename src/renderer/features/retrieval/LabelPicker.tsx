import Fuse from 'fuse.js';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/model.ts';
import { formatNumber } from '../../components/format.ts';
import { flattenTree } from '../codebook/tree.ts';

/** The labels to choose from: the codebook tree, or fuzzy matches of what is typed. */
export function LabelPicker({ labels, selectedId, onSelect }: { labels: Label[]; selectedId: string | null; onSelect(id: string): void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const fuse = useMemo(() => new Fuse(labels, { keys: [{ name: 'name', weight: 3 }, 'definition'], threshold: 0.35, ignoreLocation: true }), [labels]);
  const typed = query.trim();
  const rows = typed ? fuse.search(typed, { limit: 50 }).map((r) => ({ label: r.item, depth: 0 })) : flattenTree(labels).map((r) => ({ label: r.label, depth: r.depth }));
  const n = (value: number) => formatNumber(value, i18n.language);

  const focusRow = (index: number) => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
    if (!buttons?.length) return;
    buttons[Math.max(0, Math.min(buttons.length - 1, index))]!.focus();
  };
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'Enter' && rows[0]) {
      event.preventDefault();
      onSelect(rows[0].label.id);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(at + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (at <= 0) list.current?.parentElement?.querySelector('input')?.focus();
      else focusRow(at - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusRow(buttons.length - 1);
    }
  };

  return (
    <nav className="retrieval__labels" aria-label={t('retrieval.labels')}>
      <input
        type="search"
        className="retrieval__find"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onInputKey}
        placeholder={t('retrieval.filterLabelsPlaceholder')}
        aria-label={t('retrieval.filterLabels')}
      />
      <ul ref={list} className="retrieval__label-list" onKeyDown={onListKey}>
        {rows.map(({ label, depth }) => (
          <li key={label.id}>
            <button
              type="button"
              className={`retrieval__label${label.id === selectedId ? ' is-active' : ''}${label.segmentCount === 0 ? ' is-empty' : ''}`}
              style={{ paddingLeft: 10 + depth * 16 }}
              aria-current={label.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(label.id)}
            >
              <span className="swatch" style={{ background: label.colour }} aria-hidden="true" />
              <span className="retrieval__label-name">{label.name}</span>
              <span className="retrieval__label-count" aria-label={t('retrieval.segmentCount', { count: label.segmentCount })}>
                {n(label.segmentCount)}
              </span>
            </button>
          </li>
        ))}
        {typed && rows.length === 0 && <li className="muted small retrieval__none">{t('retrieval.noLabelMatch', { query: typed })}</li>}
      </ul>
    </nav>
  );
}
