/** Merging another copy of a project into this one (issue 25): what the report says. */

/** One object both copies hold, changed differently: this copy's version is kept, the other's listed. */
export interface MergeConflict {
  /** The table (labels, memos, concepts …) and the object's id here. */
  table: string;
  id: string;
  /** How the researcher knows it: a label's name, a memo's title … */
  name: string;
  fields: Array<{
    field: string;
    ours: string;
    theirs: string;
    /** The call that takes the other copy's value: the object's own update handler, one undo step. */
    take?: MergeTake;
    /** Why it cannot be taken here (the screen says it in words). */
    why?: MergeWhy;
  }>;
}

/** A handler call the report carries whole: the report's values are shortened, the call's are not. */
export interface MergeTake {
  handler: string;
  input: Record<string, unknown>;
}

/** Why a conflicting field cannot be taken from the other copy with one click. */
export type MergeWhy =
  | 'invalid'
  | 'statementKind'
  | 'quotePole'
  | 'itemKind'
  | 'confirmed'
  | 'surveyAnswer'
  | 'coder'
  | 'attributeType'
  | 'guide'
  | 'segment'
  | 'projectTitle'
  | 'noHandler';

export interface MergeReport {
  /** The other copy's file name. */
  file: string;
  /** Rows brought in, per table (only tables where some came). */
  added: Record<string, number>;
  /** Rows the two copies already shared (by id, or matched by content), per table. */
  matched: Record<string, number>;
  documents: {
    added: string[];
    matched: Array<{ name: string; by: 'id' | 'text' | 'hash'; textDiffers: boolean }>;
    /** Left out: withdrawn here. */
    withdrawn: number;
  };
  codings: { added: number; matched: number };
  coders: Array<{ id: string; name: string; added: boolean }>;
  conflicts: MergeConflict[];
  /** Labels made on both sides with the same name: proposed for a merge (labels/merge). */
  labelProposals: Array<{ ours: { id: string; name: string }; theirs: { id: string; name: string } }>;
  /**
   * Segments on a transcript whose text differs here whose words were not found here: not brought in
   * (their words are not shown: they may be words withdrawn here).
   */
  unplaced: Array<{ document: string; segments: number; codings: number }>;
  /** Participants and what hangs on them left out because they were withdrawn here. */
  withdrawnParticipants: number;
  /** Whether anything was written (merging the same copy again writes nothing). */
  changed: boolean;
}
