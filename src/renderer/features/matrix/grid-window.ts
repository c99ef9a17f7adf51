/**
 * Which rows and columns of a large heat map to draw: those in view and a margin around them.
 * A 500 × 1,000 table drawn whole took Chromium two minutes and froze scrolling for seconds a frame;
 * drawn as a window it stays a few thousand cells, whatever the size of the matrix.
 */
export { sameRange, visibleRange, type Range } from '../../components/visible-range.ts';
import type { Range } from '../../components/visible-range.ts';

/** Above this many cells the table is drawn as a window; below it, whole (and sized to its content). */
export const WINDOW_ABOVE_CELLS = 6000;


/**
 * The column groups (by participant attribute) that the drawn columns fall in, with how many of
 * the drawn columns each spans: the group header row of a window.
 */
export function groupSpans<T extends { group: string | null }>(columns: readonly T[], range: Range): Array<{ group: string | null; span: number; first: number }> {
  const out: Array<{ group: string | null; span: number; first: number }> = [];
  for (let i = range.start; i < range.end; i++) {
    const group = columns[i]!.group;
    const last = out[out.length - 1];
    if (last && last.group === group) last.span++;
    else out.push({ group, span: 1, first: i });
  }
  return out;
}
