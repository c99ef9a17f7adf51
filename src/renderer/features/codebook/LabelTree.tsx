import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/model.ts';
import { formatNumber } from '../../components/format.ts';
import { changes, dropMove, flattenTree, indent, moveBy, outdent, subtreeOf, type DropZone, type Move } from './tree.ts';

/**
 * The codebook tree: select with the mouse or the arrow keys; reorder and re-parent by dragging
 * (native drag and drop) or with Alt+arrows. Every move is one `labels/move` (one undo step).
 */
export function LabelTree(props: {
  labels: Label[];
  selectedId: string | null;
  onSelect(id: string): void;
  onMove(id: string, move: Move): void;
  onDelete(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  const { labels, selectedId } = props;
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [dragId, setDragId] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; zone: DropZone } | null>(null);
  const focusNext = useRef(false);
  const tree = useRef<HTMLUListElement>(null);
  const rows = flattenTree(labels, collapsed);
  const n = (value: number) => formatNumber(value, i18n.language);

  // Keep keyboard focus on the selected label when the selection or the tree changes under it.
  useEffect(() => {
    if (!focusNext.current || !selectedId) return;
    focusNext.current = false;
    tree.current?.querySelector<HTMLElement>(`[data-label-id="${CSS.escape(selectedId)}"]`)?.focus();
  });

  const toggle = (id: string, open?: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (open ?? next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const move = (id: string, m: Move | null) => {
    if (!m || !changes(labels, id, m)) return;
    if (m.parentId) toggle(m.parentId, true);
    focusNext.current = true;
    props.onMove(id, m);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const at = rows.findIndex((r) => r.label.id === selectedId);
    const row = rows[at];
    const select = (index: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (!target) return;
      focusNext.current = true;
      props.onSelect(target.label.id);
    };
    if (event.altKey && row) {
      const id = row.label.id;
      const m =
        event.key === 'ArrowUp' ? moveBy(labels, id, -1)
        : event.key === 'ArrowDown' ? moveBy(labels, id, 1)
        : event.key === 'ArrowRight' ? indent(labels, id)
        : event.key === 'ArrowLeft' ? outdent(labels, id)
        : undefined;
      if (m === undefined) return;
      event.preventDefault();
      move(id, m);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        select(at + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        select(at - 1);
        break;
      case 'Home':
        event.preventDefault();
        select(0);
        break;
      case 'End':
        event.preventDefault();
        select(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row?.hasChildren) {
          event.preventDefault();
          if (collapsed.has(row.label.id)) toggle(row.label.id, true);
          else select(at + 1);
        }
        break;
      case 'ArrowLeft':
        if (!row) break;
        event.preventDefault();
        if (row.hasChildren && !collapsed.has(row.label.id)) toggle(row.label.id, false);
        else if (row.label.parentId) {
          focusNext.current = true;
          props.onSelect(row.label.parentId);
        }
        break;
      case 'Delete':
        if (row) {
          event.preventDefault();
          props.onDelete(row.label.id);
        }
        break;
    }
  };

  const zoneOf = (event: DragEvent<HTMLElement>): DropZone => {
    const box = event.currentTarget.getBoundingClientRect();
    const y = (event.clientY - box.top) / box.height;
    return y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'inside';
  };
  const dragged = dragId ? subtreeOf(labels, dragId) : null;

  return (
    <div className="codebook-tree">
      <div className="codebook-tree__head" aria-hidden="true">
        <span>{t('codebook.colLabel')}</span>
        <span className="num">{t('codebook.colSegments')}</span>
        <span className="num">{t('codebook.colDocuments')}</span>
      </div>
      <ul className="codebook-tree__list" role="tree" aria-label={t('codebook.treeLabel')} ref={tree} onKeyDown={onKeyDown}>
        {rows.map((row, i) => {
          const { label } = row;
          const selected = label.id === selectedId;
          const dropHere = drop?.id === label.id ? drop.zone : null;
          const isFocusable = selected || (selectedId === null && i === 0) || (!rows.some((r) => r.label.id === selectedId) && i === 0);
          return (
            <li
              key={label.id}
              role="treeitem"
              aria-level={row.depth + 1}
              aria-setsize={row.siblings}
              aria-posinset={row.index + 1}
              aria-selected={selected}
              aria-expanded={row.hasChildren ? !collapsed.has(label.id) : undefined}
              aria-label={label.name}
              aria-description={
                row.hasChildren
                  ? t('codebook.branchCountsTitle', { segments: label.branchSegmentCount, documents: label.branchDocumentCount, own: label.segmentCount })
                  : t('codebook.countsTitle', { segments: label.segmentCount, documents: label.documentCount })
              }
              title={row.hasChildren ? t('codebook.branchCountsTitle', { segments: label.branchSegmentCount, documents: label.branchDocumentCount, own: label.segmentCount }) : undefined}
              tabIndex={isFocusable ? 0 : -1}
              data-label-id={label.id}
              className={[
                'codebook-row',
                selected ? 'is-selected' : '',
                dragged?.has(label.id) ? 'is-dragging' : '',
                dropHere ? `is-drop-${dropHere}` : '',
              ].join(' ')}
              style={{ paddingLeft: 8 + row.depth * 20 }}
              draggable
              onClick={() => props.onSelect(label.id)}
              onDragStart={(event) => {
                event.dataTransfer.setData('text/plain', label.name);
                event.dataTransfer.effectAllowed = 'move';
                setDragId(label.id);
              }}
              onDragEnd={() => {
                setDragId(null);
                setDrop(null);
              }}
              onDragOver={(event) => {
                if (!dragId || dragged?.has(label.id)) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                const zone = zoneOf(event);
                if (drop?.id !== label.id || drop.zone !== zone) setDrop({ id: label.id, zone });
              }}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null) && drop?.id === label.id) setDrop(null);
              }}
              onDrop={(event) => {
                event.preventDefault();
                const id = dragId;
                setDragId(null);
                setDrop(null);
                if (!id) return;
                move(id, dropMove(labels, id, label.id, zoneOf(event)));
              }}
            >
              {row.hasChildren ? (
                <button
                  type="button"
                  className="codebook-row__toggle"
                  tabIndex={-1}
                  aria-label={collapsed.has(label.id) ? t('codebook.expand', { name: label.name }) : t('codebook.collapse', { name: label.name })}
                  onClick={(event) => {
                    event.stopPropagation();
                    toggle(label.id);
                  }}
                >
                  {collapsed.has(label.id) ? '▸' : '▾'}
                </button>
              ) : (
                <span className="codebook-row__toggle" aria-hidden="true" />
              )}
              <span className="swatch" style={{ background: label.colour }} aria-hidden="true" />
              <span className="codebook-row__name">{label.name}</span>
              {dropHere === 'inside' && <span className="codebook-row__drop">{t('codebook.dropInside', { name: label.name })}</span>}
              {/* A parent's counts take in its sub-labels (a passage with two of them once). */}
              <span className={`num${label.branchSegmentCount === 0 ? ' muted' : ''}`}>{n(label.branchSegmentCount)}</span>
              <span className={`num${label.branchDocumentCount === 0 ? ' muted' : ''}`}>{n(label.branchDocumentCount)}</span>
            </li>
          );
        })}
      </ul>
      <p className="muted small codebook-tree__help">{t('codebook.treeHelp')}</p>
    </div>
  );
}
