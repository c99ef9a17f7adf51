import { useLayoutEffect, useRef, useState } from 'react';
import { sameRange, visibleRange, type Range } from './visible-range.ts';

/** Below this many rows a table is drawn whole: the browser's find (Ctrl+F) then reaches every row. */
export const WINDOW_ABOVE_ROWS = 150;

/** A table row's height until one has been drawn and measured (one line of the `.table` style). */
const ROW_HEIGHT_GUESS = 41;

/**
 * Which rows of a long table body to draw: those in the scrolled view and a margin around them.
 * Rows must be of one height (one line each); the height is measured from a drawn row. The body
 * gets spacer rows of the height of the rows left out, so the scroll bar stays true.
 * Drawing 1,000 transcript rows took Chromium 0.3 s before the first screen and again each time the
 * progress column filled in; drawn as a window it is a few dozen rows whatever the project's size.
 */
export function useRowWindow(count: number) {
  const body = useRef<HTMLTableSectionElement>(null);
  const windowed = count > WINDOW_ABOVE_ROWS;
  const [state, setState] = useState<{ range: Range; rowHeight: number }>({ range: { start: 0, end: Math.min(count, 40) }, rowHeight: 0 });

  useLayoutEffect(() => {
    const tbody = body.current;
    if (!windowed || !tbody) return;
    let frame = 0;
    // Measured against the window, whichever element scrolls: the rows in view are those between
    // the top and the bottom of the window.
    const measure = () => {
      frame = 0;
      const row = tbody.querySelector<HTMLElement>('tr[data-row]');
      const rowHeight = row?.getBoundingClientRect().height || ROW_HEIGHT_GUESS;
      const top = tbody.getBoundingClientRect().top;
      const range = visibleRange(count, rowHeight, Math.max(0, -top), window.innerHeight - Math.max(0, top), 12, 12);
      setState((old) => (sameRange(old.range, range) && old.rowHeight === rowHeight ? old : { range, rowHeight }));
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    // Scroll events do not bubble; caught on the way down, they come from any scrolling element.
    document.addEventListener('scroll', later, { passive: true, capture: true });
    window.addEventListener('resize', later);
    return () => {
      document.removeEventListener('scroll', later, { capture: true });
      window.removeEventListener('resize', later);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [count, windowed]);

  const range = windowed ? { start: Math.min(state.range.start, count), end: Math.min(state.range.end, count) } : { start: 0, end: count };
  const height = state.rowHeight || ROW_HEIGHT_GUESS;
  return { body, windowed, range, before: windowed ? range.start * height : 0, after: windowed ? (count - range.end) * height : 0 };
}
