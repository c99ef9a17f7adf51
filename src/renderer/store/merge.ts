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

/** The id a coding's segment is drawn under until the core has answered; the core's own ids never look like it. */
export const PENDING_PREFIX = 'pending:';

/**
 * A coding as it will look once the core has stored it: the existing segment of that span with one
 * more coding, or a new segment under a pending id. Null when there is nothing new to draw (the
 * coder already has that label on the span). The core's answer replaces it; a refusal restores `before` (replacePending).
 */
export function withPendingCoding(
  segments: Segment[],
  coding: { documentId: string; start: number; end: number; labelId: string; coder: string; coderName: string; text: string },
): { segments: Segment[]; pending: Segment; before: Segment | null } | null {
  const before = segments.find((s) => s.start === coding.start && s.end === coding.end) ?? null;
  if (before?.codings.some((c) => c.labelId === coding.labelId && c.coder === coding.coder)) return null;
  const pending: Segment = before
    ? { ...before, codings: [...before.codings, { labelId: coding.labelId, coder: coding.coder, coderName: coding.coderName }] }
    : {
        id: `${PENDING_PREFIX}${coding.start}-${coding.end}`,
        documentId: coding.documentId,
        start: coding.start,
        end: coding.end,
        text: coding.text,
        createdBy: coding.coderName,
        createdAt: new Date().toISOString(),
        codings: [{ labelId: coding.labelId, coder: coding.coder, coderName: coding.coderName }],
      };
  return { segments: withSegment(segments, pending), pending, before };
}

/**
 * Takes a pending segment out and puts `by` in its place: the stored segment of the core's answer,
 * or after a refusal what was there before (null: nothing).
 */
export function replacePending(segments: Segment[], pending: Segment, by: Segment | null): Segment[] {
  const rest = segments.filter((s) => s.id !== pending.id);
  return by ? withSegment(rest, by) : rest;
}
