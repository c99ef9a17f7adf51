import type { Label } from '../../../shared/model.ts';

/**
 * The codebook tree built from the flat label list (parentId + position), and the moves the tree
 * offers — by keyboard and by drag and drop — as `{ parentId, index }` for `labels/move`, where
 * `index` is the place among the other sub-labels of that parent.
 */
export interface Row {
  label: Label;
  depth: number;
  /** The label's place among its siblings, and how many there are. */
  index: number;
  siblings: number;
  hasChildren: boolean;
}

export interface Move {
  parentId: string | null;
  index: number;
}

export type DropZone = 'before' | 'inside' | 'after';

const byPlace = (a: Label, b: Label) => a.position - b.position || a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' });

/** Sub-labels per parent (null: the top level), each list in order. Labels whose parent is gone count as top level. */
export function childrenMap(labels: Label[]): Map<string | null, Label[]> {
  const ids = new Set(labels.map((l) => l.id));
  const map = new Map<string | null, Label[]>();
  for (const label of labels) {
    const parent = label.parentId && ids.has(label.parentId) ? label.parentId : null;
    const list = map.get(parent) ?? [];
    list.push(label);
    map.set(parent, list);
  }
  for (const list of map.values()) list.sort(byPlace);
  return map;
}

/** The tree in reading order, depth first; children of collapsed labels are left out. */
export function flattenTree(labels: Label[], collapsed: ReadonlySet<string> = new Set()): Row[] {
  const children = childrenMap(labels);
  const rows: Row[] = [];
  const walk = (parentId: string | null, depth: number) => {
    const list = children.get(parentId) ?? [];
    list.forEach((label, index) => {
      const kids = children.get(label.id) ?? [];
      rows.push({ label, depth, index, siblings: list.length, hasChildren: kids.length > 0 });
      if (!collapsed.has(label.id)) walk(label.id, depth + 1);
    });
  };
  walk(null, 0);
  return rows;
}

/** The label and all labels below it. */
export function subtreeOf(labels: Label[], id: string): Set<string> {
  const children = childrenMap(labels);
  const out = new Set<string>();
  const walk = (at: string) => {
    out.add(at);
    for (const child of children.get(at) ?? []) walk(child.id);
  };
  walk(id);
  return out;
}

function parentOf(labels: Label[], label: Label): string | null {
  return label.parentId && labels.some((l) => l.id === label.parentId) ? label.parentId : null;
}

function siblingsWithout(labels: Label[], parentId: string | null, id: string): Label[] {
  return (childrenMap(labels).get(parentId) ?? []).filter((l) => l.id !== id);
}

/** One place up or down among its siblings; null at the edge. */
export function moveBy(labels: Label[], id: string, delta: -1 | 1): Move | null {
  const label = labels.find((l) => l.id === id);
  if (!label) return null;
  const parentId = parentOf(labels, label);
  const list = childrenMap(labels).get(parentId) ?? [];
  const index = list.findIndex((l) => l.id === id) + delta;
  if (index < 0 || index >= list.length) return null;
  return { parentId, index };
}

/** Under the sibling above it, as that one's last sub-label; null for a first sibling. */
export function indent(labels: Label[], id: string): Move | null {
  const label = labels.find((l) => l.id === id);
  if (!label) return null;
  const list = childrenMap(labels).get(parentOf(labels, label)) ?? [];
  const at = list.findIndex((l) => l.id === id);
  if (at <= 0) return null;
  const above = list[at - 1]!;
  return { parentId: above.id, index: (childrenMap(labels).get(above.id) ?? []).length };
}

/** Out of its parent, to the place just after it; null at the top level. */
export function outdent(labels: Label[], id: string): Move | null {
  const label = labels.find((l) => l.id === id);
  if (!label) return null;
  const parentId = parentOf(labels, label);
  if (!parentId) return null;
  const parent = labels.find((l) => l.id === parentId)!;
  const grand = parentOf(labels, parent);
  const list = siblingsWithout(labels, grand, id);
  return { parentId: grand, index: list.findIndex((l) => l.id === parentId) + 1 };
}

/** Where a label dropped on another one goes: before it, after it, or inside it as its last sub-label. */
export function dropMove(labels: Label[], draggedId: string, targetId: string, zone: DropZone): Move | null {
  if (subtreeOf(labels, draggedId).has(targetId)) return null;
  const target = labels.find((l) => l.id === targetId);
  if (!target) return null;
  if (zone === 'inside') return { parentId: target.id, index: siblingsWithout(labels, target.id, draggedId).length };
  const parentId = parentOf(labels, target);
  const list = siblingsWithout(labels, parentId, draggedId);
  const at = list.findIndex((l) => l.id === targetId);
  return { parentId, index: zone === 'before' ? at : at + 1 };
}

/** Whether a move changes anything. */
export function changes(labels: Label[], id: string, move: Move): boolean {
  const label = labels.find((l) => l.id === id);
  if (!label) return false;
  const parentId = parentOf(labels, label);
  if (parentId !== move.parentId) return true;
  return siblingsWithout(labels, parentId, id).length > 0 && (childrenMap(labels).get(parentId) ?? []).findIndex((l) => l.id === id) !== move.index;
}

/** The labels above a label, nearest last (for "profiel › opleiding"). */
export function pathOf(labels: Label[], id: string): Label[] {
  const byId = new Map(labels.map((l) => [l.id, l]));
  const out: Label[] = [];
  let at = byId.get(id)?.parentId ?? null;
  while (at && byId.has(at) && out.length < 100) {
    out.unshift(byId.get(at)!);
    at = byId.get(at)!.parentId;
  }
  return out;
}
