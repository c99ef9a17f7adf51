/** Domain types shared by the core and every front end. Ids are opaque text. */

export const DOCUMENT_KINDS = ['interview', 'questionnaire', 'observation', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const ATTRIBUTE_TYPES = ['text', 'number', 'boolean', 'date'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export type AttributeValue = string | number | boolean;

export interface AttributeDefinition {
  id: string;
  name: string;
  type: AttributeType;
}

export interface Participant {
  id: string;
  name: string;
  attributes: Record<string, AttributeValue>;
  documentCount: number;
}

export interface DocumentSummary {
  id: string;
  name: string;
  kind: DocumentKind;
  participantId: string | null;
  participantName: string | null;
  wordCount: number;
  turnCount: number;
  speakers: string[];
  sourceName: string;
  importer: string;
  importedAt: string;
  importedBy: string;
}

export interface Turn {
  position: number;
  speaker: string | null;
  /** UTF-16 offsets into the document's canonical text, end exclusive. */
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
  text: string;
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  turns: Turn[];
}

export type DuplicatePolicy = 'skip' | 'add' | 'fail';

export interface Replacement {
  name: string;
  pseudonym: string;
  count: number;
}

export interface ImportedFile {
  file: string;
  status: 'imported' | 'skipped' | 'failed';
  /** Why a file was skipped or failed; a sentence that names the file and the problem. */
  message?: string;
  /** Set when the file was refused or skipped because its content was imported before, as this document. */
  duplicateOf?: string;
  /** The refusal as a code with values, for front ends that speak another language than the message. */
  code?: string;
  params?: Record<string, string | number>;
  documentId?: string;
  name?: string;
  importer?: string;
  turns?: number;
  words?: number;
  speakers?: string[];
  participant?: string | null;
  /** Pseudonym replacements in this file, per name of the list (shown to the user, never stored). */
  replacements?: Replacement[];
}

export interface ParticipantsImported {
  file: string;
  status: 'imported' | 'failed';
  message?: string;
  code?: string;
  params?: Record<string, string | number>;
  created: number;
  updated: number;
  attributes: AttributeDefinition[];
}

export interface ImportReport {
  files: ImportedFile[];
  participants: ParticipantsImported[];
  imported: number;
  skipped: number;
  failed: number;
  /** Total replacements per name of the list over all files. */
  replacements: Replacement[];
}

export interface ProjectInfo {
  path: string;
  title: string;
  formatVersion: number;
  createdAt: string;
  readOnly: boolean;
  documents: number;
  participants: number;
  words: number;
  turns: number;
  labels: number;
  segments: number;
  codings: number;
  concepts: number;
  learningQuestions: number;
  tensions: number;
}

/** A project file a host knows of: in the `--dir` folder, or opened recently. */
export interface ProjectEntry {
  fileName: string;
  title: string;
  modifiedAt: string;
  documents: number;
  /** Why it cannot be opened (not a project, newer format…), or null. */
  problem: string | null;
}

export interface SearchHit {
  documentId: string;
  documentName: string;
  participantName: string | null;
  turnPosition: number;
  speaker: string | null;
  startMs: number | null;
  /** The turn's span in the document's canonical text. */
  turnStart: number;
  turnEnd: number;
  /** The hit in context: alternating plain and matched fragments. */
  snippet: Array<{ text: string; hit: boolean }>;
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
}

export const GUIDE_QUESTION_TYPES = [
  'opening',
  'follow-up',
  'probing',
  'specifying',
  'direct',
  'indirect',
  'structuring',
  'interpreting',
] as const;
export type GuideQuestionType = (typeof GUIDE_QUESTION_TYPES)[number];

export interface GuideQuestion {
  id: string;
  text: string;
  type: GuideQuestionType | null;
}

export interface GuideSection {
  id: string;
  title: string;
  questions: GuideQuestion[];
}

export interface ChangeEntry {
  id: number;
  at: string;
  coder: string;
  action: string;
  summary: string;
}

export const LABEL_ORIGINS = ['a-priori', 'emergent', 'in-vivo'] as const;
export type LabelOrigin = (typeof LABEL_ORIGINS)[number];

/** A round-1 code in the codebook tree, with how much it is used. */
export interface Label {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  colour: string;
  definition: string;
  /** The definition as Lexical editor state (JSON), when it was written in the rich-text editor. */
  definitionRich: string | null;
  inclusion: string;
  exclusion: string;
  example: string;
  origin: LabelOrigin;
  round: number;
  createdBy: string;
  createdAt: string;
  segmentCount: number;
  documentCount: number;
}

export interface Coding {
  labelId: string;
  coder: string;
}

/** A stored quotation: a span of a document's canonical text (UTF-16 units) and its labels. */
export interface Segment {
  id: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  createdBy: string;
  createdAt: string;
  codings: Coding[];
}

export type AutocodeQuery = { text: string } | { regex: string } | { speaker: string };

export interface AutocodeResult {
  label: Label;
  /** Hits of the query in all documents. */
  hits: number;
  /** Segments that received the label in this run (a segment already carrying it is not counted). */
  coded: number;
  documents: number;
}

export interface AutocodeHit {
  documentId: string;
  documentName: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

export interface AutocodePreview {
  total: number;
  documents: number;
  hits: AutocodeHit[];
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** The change undone or redone, when there was one. */
  summary: string | null;
}
