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
