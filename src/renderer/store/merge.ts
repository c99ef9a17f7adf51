import type { Label, Segment } from '../../shared/model.ts';

/**
 * Puts one segment, as a write returned it, into a document's segment list in the core's order
 * (start, then end), replacing the old version of it. Lets a coding repaint without fetching the
 * whole list again.
 */
export function withSegment(segments: Segment[], segment: Segment): Segment[] {
  const rest = segments.filter((s) => s.id !== segment.id);
  let at = rest.findIndex((s) => s.start > segment.start || (s.start === segment.start && s.end > segment.end));
  if (at < 0) at = rest.length;
  return [...rest.slice(0, at), segment, ...rest.slice(at)];
}

/** Replaces a known label (its counts changed); null when the label is new, whose place only the core knows. */
export function withLabel(labels: Label[], label: Label): Label[] | null {
  const at = labels.findIndex((l) => l.id === label.id);
  if (at < 0) return null;
  const next = labels.slice();
  next[at] = label;
  return next;
}
