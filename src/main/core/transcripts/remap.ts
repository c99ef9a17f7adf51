import type { SegmentTextStatus } from '../../../shared/transcripts.ts';
import { moveSpan, offsetMap, type TextEdit } from '../../../shared/text/offset-map.ts';

/** A coded span of a document as stored, with its flag. */
export interface StoredSegment {
  id: string;
  start: number;
  end: number;
  text: string;
  textStatus: SegmentTextStatus | null;
  previousText: string | null;
}

export type SegmentMove = Omit<StoredSegment, 'id'> & { id: string; outcome: 'same' | 'moved' | 'changed' | 'removed' };

/**
 * Where a segment goes when the document's text is edited. A segment the edits do not touch keeps
 * its exact characters, moved by what the edits before it added or took away. A segment an edit
 * touches (overlaps, or holds an insertion strictly inside it) keeps its place around the edited words
 * and is flagged: "changed", with its words as they were coded kept once (a second edit does not
 * overwrite them; an edit back to them clears the flag), or "removed" when nothing of it is left (its
 * words deleted, or all of them inside a longer stretch replaced by other words), as an empty span at
 * the edit. A segment already removed stays removed, moved with the text.
 */
export function remapSegment(segment: StoredSegment, edits: readonly TextEdit[], newText: string, map = offsetMap(edits)): SegmentMove {
  const touched = segment.start < segment.end && edits.some((e) => e.start < segment.end && e.end > segment.start);
  if (!touched) {
    const { start, end } = moveSpan(map, segment.start, segment.end);
    return { ...segment, start, end, outcome: start === segment.start && end === segment.end ? 'same' : 'moved' };
  }
  const previousText = segment.previousText ?? segment.text;
  // Inside a stretch that was replaced, short of all of it: its words are gone, and which of the new
  // words would be its own no one can tell.
  const swallowed = edits.some((e) => e.start <= segment.start && segment.end <= e.end && (e.start < segment.start || segment.end < e.end));
  const span = swallowed ? { start: map.map(segment.start, 'start'), end: map.map(segment.start, 'start') } : map.span(segment.start, segment.end);
  if (span.start >= span.end) {
    return { ...segment, start: span.start, end: span.start, text: '', textStatus: 'removed', previousText, outcome: 'removed' };
  }
  const text = newText.slice(span.start, span.end);
  if (text === previousText) return { ...segment, ...span, text, textStatus: null, previousText: null, outcome: 'moved' };
  return { ...segment, ...span, text, textStatus: 'changed', previousText, outcome: 'changed' };
}
