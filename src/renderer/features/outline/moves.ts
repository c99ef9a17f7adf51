import type { Outline } from '../../../shared/analysis.ts';

export type Section = Outline['sections'][number];
export type Drop = 'before' | 'after';

/**
 * Where a dragged item lands: the index among the target section's items once the item has left
 * its old place (which is how `outline/moveItem` counts).
 */
export function itemDropIndex(outline: Outline, itemId: string, targetSectionId: string, targetItemId: string | null, where: Drop): number {
  const section = outline.sections.find((s) => s.id === targetSectionId);
  const rest = (section?.items ?? []).filter((i) => i.id !== itemId);
  if (targetItemId === null) return rest.length;
  const at = rest.findIndex((i) => i.id === targetItemId);
  if (at < 0) return rest.length;
  return where === 'before' ? at : at + 1;
}

/** The siblings of a section (same parent), in order. */
export function siblings(outline: Outline, parentId: string | null): Section[] {
  return outline.sections.filter((s) => s.parentId === parentId).sort((a, b) => a.position - b.position);
}

/** Whether `id` is `ancestorId` or lies under it: a section cannot move into its own subtree. */
export function isWithin(outline: Outline, id: string, ancestorId: string): boolean {
  const byId = new Map(outline.sections.map((s) => [s.id, s]));
  for (let at = byId.get(id); at; at = at.parentId ? byId.get(at.parentId) : undefined) if (at.id === ancestorId) return true;
  return false;
}

/** A section dropped before or after another: it joins that one's parent. Null when the move is not possible. */
export function sectionDrop(outline: Outline, id: string, targetId: string, where: Drop): { parentId: string | null; index: number } | null {
  const target = outline.sections.find((s) => s.id === targetId);
  if (!target || isWithin(outline, targetId, id)) return null;
  const rest = siblings(outline, target.parentId).filter((s) => s.id !== id);
  const at = rest.findIndex((s) => s.id === targetId);
  return { parentId: target.parentId, index: where === 'before' ? at : at + 1 };
}

/** Keyboard moves of a section: up and down among its siblings, in (under the previous sibling) and out. */
export function sectionStep(outline: Outline, id: string, step: 'up' | 'down' | 'in' | 'out'): { parentId: string | null; index: number } | null {
  const section = outline.sections.find((s) => s.id === id);
  if (!section) return null;
  const sibs = siblings(outline, section.parentId);
  const at = sibs.findIndex((s) => s.id === id);
  switch (step) {
    case 'up':
      return at > 0 ? { parentId: section.parentId, index: at - 1 } : null;
    case 'down':
      return at < sibs.length - 1 ? { parentId: section.parentId, index: at + 1 } : null;
    case 'in': {
      const previous = sibs[at - 1];
      return previous ? { parentId: previous.id, index: siblings(outline, previous.id).length } : null;
    }
    case 'out': {
      if (!section.parentId) return null;
      const parent = outline.sections.find((s) => s.id === section.parentId)!;
      const parentAt = siblings(outline, parent.parentId).findIndex((s) => s.id === parent.id);
      return { parentId: parent.parentId, index: parentAt + 1 };
    }
  }
}
