/**
 * From the browser's selection to document offsets and back. Every stretch of transcript text is a
 * span carrying `data-o` (its start offset within its turn) with one text node inside; its turn's
 * `<section>` carries `data-start` (the turn's start in the document). Offsets relative to the turn
 * keep a turn's spans unchanged when a correction of an earlier turn moves it (issue 28): only the
 * section's one attribute follows.
 */

/** The document offset of a run's first character. */
export function runStart(run: HTMLElement): number {
  const turn = run.closest<HTMLElement>('[data-start]');
  return Number(turn?.dataset.start ?? 0) + Number(run.dataset.o);
}

function offsetOf(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = element?.closest<HTMLElement>('[data-o]');
  if (run) {
    const base = runStart(run);
    return node.nodeType === Node.TEXT_NODE ? base + offset : base + (offset > 0 ? (run.textContent ?? '').length : 0);
  }
  // A boundary on a container (a triple click selects whole paragraphs): use the nearest run inside it.
  if (element) {
    const runs = element.querySelectorAll<HTMLElement>('[data-o]');
    const child = element.childNodes[offset] ?? null;
    const first = child instanceof Element ? (child.matches('[data-o]') ? child : child.querySelector<HTMLElement>('[data-o]')) : null;
    if (first instanceof HTMLElement) return runStart(first);
    const last = runs[runs.length - 1];
    if (last) return runStart(last) + (last.textContent ?? '').length;
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

/** The DOM range of document offsets [start, end) inside a container of turns, or null when none of it is shown. */
export function rangeOfOffsets(container: Element, start: number, end: number): Range | null {
  let from: [Node, number] | null = null;
  let to: [Node, number] | null = null;
  for (const turn of container.querySelectorAll<HTMLElement>('[data-start]')) {
    const turnStart = Number(turn.dataset.start);
    for (const run of turn.querySelectorAll<HTMLElement>('[data-o]')) {
      const node = run.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const base = turnStart + Number(run.dataset.o);
      const length = (node as Text).data.length;
      if (!from && start < base + length && end > base) from = [node, Math.max(0, start - base)];
      if (start < base + length && end > base) to = [node, Math.min(length, end - base)];
    }
  }
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range;
}
