import Fuse from 'fuse.js';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label, LabelUsage } from '../../../shared/model.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';
import { pathOf, subtreeOf } from './tree.ts';
import { useLabels } from '../../data/reads.ts';
import type { Notice } from './notice.ts';

export function MergeDialog(props: { source: Label | null; onClose(): void; onMerged(target: Label, notice: Notice): void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const labelUsage = useStore((s) => s.labelUsage);
  const mergeLabelsCounted = useStore((s) => s.mergeLabelsCounted);
  const [query, setQuery] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [usage, setUsage] = useState<LabelUsage | null>(null);
  const [busy, setBusy] = useState(false);
  const source = props.source;
  // Not into itself, nor into one of its own sub-labels (the core refuses both).
  const options = useMemo(() => {
    if (!source) return [];
    const own = subtreeOf(labels, source.id);
    return labels.filter((l) => !own.has(l.id));
  }, [labels, source]);
  const fuse = useMemo(() => new Fuse(options, { keys: [{ name: 'name', weight: 3 }, 'definition'], threshold: 0.4, ignoreLocation: true }), [options]);
  const found = query.trim() ? fuse.search(query.trim(), { limit: 30 }).map((r) => r.item) : options;
  const target = labels.find((l) => l.id === targetId) ?? null;

  useEffect(() => {
    setQuery('');
    setTargetId(null);
    setUsage(null);
  }, [source?.id]);

  useEffect(() => {
    if (!source || !targetId) {
      setUsage(null);
      return;
    }
    let live = true;
    void labelUsage(source.id, targetId).then((u) => live && setUsage(u));
    return () => {
      live = false;
    };
  }, [source, targetId, labelUsage]);

  const onListKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const at = found.findIndex((l) => l.id === targetId);
    const next = found[Math.max(0, Math.min(found.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      setTargetId(next.id);
      document.getElementById(`merge-option-${next.id}`)?.scrollIntoView({ block: 'nearest' });
    }
  };

  const run = async () => {
    if (!source || !target) return;
    setBusy(true);
    const result = await mergeLabelsCounted(source.id, target.id);
    setBusy(false);
    if (!result) return;
    const sourceName = source.name;
    props.onMerged(result.label, {
      text: (tr) =>
        [
          tr('codebook.mergeDone', { source: sourceName, target: result.label.name, moved: tr('codebook.codings', { count: result.moved }) }),
          result.collapsed > 0 ? tr('codebook.mergeDoneCollapsed', { count: result.collapsed }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      undo: true,
    });
  };

  return (
    <Dialog open={source !== null} onClose={props.onClose} title={t('codebook.mergeTitle', { name: source?.name ?? '' })} description={t('codebook.mergeHelp', { name: source?.name ?? '' })} wide>
      {source && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label className="field">
            <span>{t('codebook.mergeSearch')}</span>
            <input
              type="search"
              value={query}
              autoFocus
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onListKey}
              aria-controls="merge-options"
              aria-activedescendant={targetId ? `merge-option-${targetId}` : undefined}
            />
          </label>
          <ul id="merge-options" className="codebook-pick" role="listbox" aria-label={t('codebook.mergeSearch')} tabIndex={-1} onKeyDown={onListKey}>
            {found.length === 0 && <li className="muted codebook-pick__none">{t('codebook.mergeNone')}</li>}
            {found.map((l) => {
              const path = pathOf(labels, l.id);
              return (
                <li
                  key={l.id}
                  id={`merge-option-${l.id}`}
                  role="option"
                  aria-selected={l.id === targetId}
                  className={l.id === targetId ? 'is-active' : ''}
                  onClick={() => setTargetId(l.id)}
                >
                  <span className="swatch" style={{ background: l.colour }} aria-hidden="true" />
                  <span className="codebook-pick__name">
                    {path.length > 0 && <span className="muted">{path.map((p) => p.name).join(' › ')} › </span>}
                    {l.name}
                  </span>
                  <span className="muted small">{t('codebook.passages', { count: l.segmentCount })}</span>
                </li>
              );
            })}
          </ul>
          {target && usage && (
            <div className="codebook-explain" role="status">
              <p>{t('codebook.mergeExplain', { codings: t('codebook.codings', { count: usage.codings }), source: source.name, target: target.name })}</p>
              {usage.duplicates > 0 && <p>{t('codebook.mergeCollapse', { count: usage.duplicates })}</p>}
              <p>
                {usage.children > 0
                  ? t('codebook.mergeChildren', { sublabels: t('codebook.sublabels', { count: usage.children }), source: source.name, target: target.name })
                  : t('codebook.mergeRemoved', { source: source.name })}
              </p>
              <p className="muted small">{t('codebook.mergeUndo')}</p>
            </div>
          )}
          <footer className="dialog__footer">
            <button type="button" className="button button--quiet" onClick={props.onClose}>
              {t('codebook.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!target || busy}>
              {target ? t('codebook.mergeButton', { name: target.name }) : t('codebook.merge')}
            </button>
          </footer>
        </form>
      )}
    </Dialog>
  );
}
