import type { Segment, Turn } from './model.ts';
import type { TextEdit } from './text/offset-map.ts';

/**
 * Correcting a transcript after coding (issue 28): what an edit did to the coded work on it, and
 * what the page needs to show the result without reading the whole transcript again
 * (features/transcript-edit/patch.ts): the text edit, the turns replaced, the segments it touched.
 */
export interface TranscriptEditResult {
  documentId: string;
  /** Segments whose words the edit changed: flagged "text changed" until the researcher confirms them. */
  changed: string[];
  /** Segments whose every word the edit deleted: kept, empty, at the edit, flagged "text removed". */
  removed: string[];
  /** Segments after the edit that moved with the text, their words unchanged. */
  moved: number;
  /** Guide marks whose words were all deleted (a guide mark holds no coding: it goes). */
  guideMarksDropped: number;
  /** The edit of the document's text, in the old text's offsets; null when only a speaker or time changed. */
  edit: TextEdit | null;
  /** Turns `from` .. `from + remove` (indices before the edit) became `insert`; every later one moved by the edit. */
  turns: { from: number; remove: number; insert: Turn[] };
  /** The segments the edit touched, as they are now (changed, removed, or back to their coded words); every other one moved by the edit. */
  segments: Segment[];
  /** The document's facts after the edit. */
  document: { wordCount: number; turnCount: number; speakers: string[] };
}

export type SegmentTextStatus = 'changed' | 'removed';
