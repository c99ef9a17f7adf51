/**
 * Pseudonymising in place and the name finder: the shapes the core answers with (issue 23).
 */
import type { Replacement } from './model.ts';

/** A context line around one replacement, before and after, for the preview. */
export interface ReplacementExample {
  before: string;
  after: string;
}

export interface PseudonymiseDocument {
  documentId: string;
  /** The document's name now, and its new name when that changes too. */
  name: string;
  renamed: string | null;
  replacements: Replacement[];
  examples: ReplacementExample[];
  /** Segments (codings, quotes) on this document whose offsets or text move. */
  segmentsMoved: number;
}

/** Replacements outside the transcripts: participants, memos, labels, round 2 and 3, the report… */
export interface PseudonymisePlace {
  place: string;
  count: number;
}

export interface PseudonymisePreview {
  documents: PseudonymiseDocument[];
  elsewhere: PseudonymisePlace[];
  /** Every replacement, per name of the list. */
  replacements: Replacement[];
  total: number;
}

export interface PseudonymiseResult extends PseudonymisePreview {
  /** False when nothing matched: nothing was written. */
  applied: boolean;
}

export interface NameSuggestion {
  /** The whole phrase as written in the text ("Geert Van Damme", "Sint-Victorcollege"). */
  name: string;
  count: number;
  /** Names of the documents it occurs in. */
  documents: string[];
}

export interface NamesFound {
  names: NameSuggestion[];
}
