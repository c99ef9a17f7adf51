/**
 * Which rows and columns of a large heat map to draw: those in view and a margin around them.
 * A 500 × 1,000 table drawn whole took Chromium two minutes and froze scrolling for seconds a frame;
 * drawn as a window it stays a few thousand cells, whatever the size of the matrix.
 */
export interface Range {
  /** First index drawn. */
  start: number;
  /** One past the last index drawn. */
  end: number;
}

/**
 * The items of one axis to draw. `offset` is how far the axis is scrolled, `view` how much of it is
 * visible (without the sticky headers). The window snaps to multiples of `chunk`, so that scrolling
 * redraws once per chunk, not once per pixel, and reaches `overscan` items past the view each way.
 */
export function visibleRange(count: number, size: number, offset: number, view: number, overscan = 8, chunk = 8): Range {
  if (count <= 0 || size <= 0) return { start: 0, end: 0 };
  const first = Math.max(0, Math.floor(offset / size));
  const last = Math.max(first, Math.ceil((offset + Math.max(0, view)) / size));
  const start = Math.max(0, Math.floor(first / chunk) * chunk - overscan);
  const end = Math.min(count, Math.ceil(last / chunk) * chunk + overscan);
  return { start: Math.min(start, end), end };
}

/** Above this many cells the table is drawn as a window; below it, whole (and sized to its content). */
export const WINDOW_ABOVE_CELLS = 6000;

export function sameRange(a: Range, b: Range): boolean {
  return a.start === b.start && a.end === b.end;
}

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
