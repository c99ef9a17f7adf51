import { useLayoutEffect, type RefObject } from 'react';
import { rangeOfOffsets } from '../coding/selection.ts';

/**
 * Paints the document offsets [start, end) inside the reader with a CSS custom highlight of this
 * name (`::highlight(name)` in styles.css), without touching the turns' spans: the words the palette
 * will code stay marked while its input has the focus (a browser selection then looks gone), and the
 * reading cursor is drawn the same way. `redraw` changes when the drawn turns do (a long transcript
 * draws a window of them), so that the mark follows onto the new spans.
 */
export function useTextMark(container: RefObject<HTMLElement | null>, name: string, span: { start: number; end: number } | null, redraw: unknown): void {
  const start = span?.start ?? -1;
  const end = span?.end ?? -1;
  useLayoutEffect(() => {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!registry) return;
    const range = container.current && start < end ? rangeOfOffsets(container.current, start, end) : null;
    if (range) registry.set(name, new Highlight(range));
    else registry.delete(name);
    return () => void registry.delete(name);
  }, [container, name, start, end, redraw]);
}
