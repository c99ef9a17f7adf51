/** Correcting a transcript after coding (issue 28): what an edit did to the coded work on it. */
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
}

export type SegmentTextStatus = 'changed' | 'removed';
