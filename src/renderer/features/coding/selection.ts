/**
 * From the browser's selection to document offsets. Every stretch of transcript text is a span
 * carrying `data-s` (its start offset in the document) with one text node inside.
 */
function offsetOf(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = element?.closest<HTMLElement>('[data-s]');
  if (run) {
    const base = Number(run.dataset.s);
    return node.nodeType === Node.TEXT_NODE ? base + offset : base + (offset > 0 ? (run.textContent ?? '').length : 0);
  }
  // A boundary on a container (a triple click selects whole paragraphs): use the nearest run inside it.
  if (element) {
    const runs = element.querySelectorAll<HTMLElement>('[data-s]');
    const child = element.childNodes[offset] ?? null;
    const first = child instanceof Element ? (child.matches('[data-s]') ? child : child.querySelector<HTMLElement>('[data-s]')) : null;
    if (first instanceof HTMLElement) return Number(first.dataset.s);
    const last = runs[runs.length - 1];
    if (last) return Number(last.dataset.s) + (last.textContent ?? '').length;
  }
  return null;
}

export function selectionOffsets(container: HTMLElement): { start: number; end: number; rect: DOMRect } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const a = offsetOf(range.startContainer, range.startOffset);
  const b = offsetOf(range.endContainer, range.endOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b), rect: range.getBoundingClientRect() };
}

/** The DOM range of document offsets [start, end) inside a container of `data-s` runs, or null when none of it is shown. */
export function rangeOfOffsets(container: Element, start: number, end: number): Range | null {
  const runs = container.querySelectorAll<HTMLElement>('[data-s]');
  let from: [Node, number] | null = null;
  let to: [Node, number] | null = null;
  for (const run of runs) {
    const node = run.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const base = Number(run.dataset.s);
    const length = (node as Text).data.length;
    if (!from && start < base + length && end > base) from = [node, Math.max(0, start - base)];
    if (start < base + length && end > base) to = [node, Math.min(length, end - base)];
  }
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range;
}
