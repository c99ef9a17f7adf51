/** The part of a long list (table rows, heat-map rows or columns) to draw: what is in view, and a margin. */
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

/** Whether two windows draw the same items (a new one that does not is not set, so nothing redraws). */
export function sameRange(a: Range, b: Range): boolean {
  return a.start === b.start && a.end === b.end;
}
