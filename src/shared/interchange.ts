/**
 * The REFI-QDA interchange (.qdpx projects, .qdc codebooks): what an import reports and what an
 * export returns. Pure types.
 */

/** How a source's selection positions were counted by the tool that wrote them. */
export interface PositionUnit {
  /** `codepoint`: Unicode code points (the standard); `utf16`: UTF-16 code units (NVivo). */
  unit: 'codepoint' | 'utf16';
  /** How a `\r\n` line end counts: as 2 (each character) or as 1 (ATLAS.ti). Irrelevant without `\r\n`. */
  crlf: 1 | 2;
  /** Whether a byte-order mark at the start counts as a position. */
  bom: boolean;
}

/** A selection that could not be placed in its text: kept in the report and in a memo, never dropped silently. */
export interface UnplacedSelection {
  source: string;
  selectionGuid: string;
  startPosition: number;
  endPosition: number;
  /** The selection's name in the file (often the start of its text). */
  name: string;
  codes: string[];
  reason: 'out-of-range' | 'empty' | 'no-text' | 'bad-positions';
}

export interface ImportedSource {
  name: string;
  /** `imported`: a document now; `skipped`: a kind Duiding does not hold, or empty; `missing`: its text is not in the file. */
  status: 'imported' | 'skipped' | 'missing';
  kind: 'text' | 'pdf' | 'picture' | 'audio' | 'video';
  /** Why it was skipped or is missing. */
  reason?: string;
  documentId?: string;
  selections: number;
  segments: number;
  codings: number;
  unplaced: number;
  /** The unit the positions were read in, and what decided it. */
  unit?: PositionUnit & { evidence: string };
}

export interface QdpxImportReport {
  file: string;
  /** The tool that wrote the file (its `origin`), when given. */
  origin: string | null;
  projectName: string;
  counts: {
    users: number;
    codes: number;
    labels: number;
    sources: number;
    documents: number;
    selections: number;
    segments: number;
    /** Every Coding element in the file, on any kind of source. */
    codingsInFile: number;
    codings: number;
    /** The same code on the same text by the same coder again. */
    codingsCollapsed: number;
    /** On selections that could not be placed, or sources whose text is missing. */
    codingsUnplaced: number;
    /** Without a code reference, or naming a code the file does not define. */
    codingsWithoutCode: number;
    codingsOnSkippedSources: number;
    notes: number;
    memos: number;
    cases: number;
    participants: number;
    variables: number;
    attributes: number;
    sets: number;
    concepts: number;
    /** Speakers whose role the researcher had set or confirmed, from Duiding's own note. */
    speakerRoles: number;
  };
  sources: ImportedSource[];
  /** Sources of kinds Duiding does not hold, per kind (pdf, picture, audio, video). */
  skippedKinds: Record<string, number>;
  /** What was changed on the way in, one sentence each (with counts). */
  adapted: string[];
  /** What could not be brought in, one sentence each (with counts). */
  notImported: string[];
  unplaced: UnplacedSelection[];
}

export interface QdcImportReport {
  file: string;
  origin: string | null;
  codes: number;
  created: number;
  updated: number;
  unchanged: number;
  sets: number;
  /** Code sets that became concepts. */
  concepts: number;
  adapted: string[];
  notImported: string[];
}

/** An export: written to `path`, or (without a path) handed back as base64 for the browser to save. */
export interface InterchangeExport {
  fileName: string;
  path: string | null;
  base64: string | null;
  bytes: number;
  counts: Record<string, number>;
}
