/** Domain types shared by the core and every front end. Ids are opaque text. */
import type { SegmentTextStatus } from './transcripts.ts';

export const DOCUMENT_KINDS = ['interview', 'questionnaire', 'observation', 'literature', 'other'] as const;
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
  /** Some speaker's role was decided by no import rule and the researcher has not confirmed it. */
  rolesUnconfirmed: boolean;
  sourceName: string;
  importer: string;
  importedAt: string;
  importedBy: string;
  /** How the report cites the document in place of its name (literature: "Peeters, 2019"); null when unset. */
  citation: string | null;
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
  /** The page of a PDF the turn stands on, counted from 1; null for every other document. */
  page?: number | null;
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
  kind?: DocumentKind;
  /** The sections the file gave (an observation's dated entries, by their dates as written). */
  sections?: string[];
  /** A PDF's number of pages with text. */
  pages?: number;
  turns?: number;
  words?: number;
  speakers?: string[];
  /** Some speaker's role was decided by no import rule: the researcher should confirm the roles. */
  rolesUnconfirmed?: boolean;
  participant?: string | null;
  /** Pseudonym replacements in this file, per name of the list (shown to the user, never stored). */
  replacements?: Replacement[];
  /** What the import repaired or left out, each a phrase with its place (a dropped cue, removed control characters). */
  notes?: string[];
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
  /** The page of a PDF the hit stands on, counted from 1; null for other documents. */
  page: number | null;
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
  /**
   * Segments and transcripts coded with this label, counted as the matrix counts them: a segment
   * counts when it covers a participant's speech (or anyone's, when the interviewer's speech is asked for too).
   */
  segmentCount: number;
  documentCount: number;
  /** The same with its sub-labels' codings (all levels): a segment coded with two sub-labels counts once. */
  branchSegmentCount: number;
  branchDocumentCount: number;
}

export interface Coding {
  labelId: string;
  /** The coder key (a coder's stable id, migration 0017). */
  coder: string;
  /** The coder's display name. */
  coderName: string;
}

/** A coder of the project (issue 25): a stable id with a display name, made on one laptop. */
export interface CoderEntry {
  id: string;
  name: string;
  firstSeen: string;
  codings: number;
  /** Made on this laptop (two laptops' "Anna" are two coders until united). */
  thisLaptop: boolean;
  /** The coder this session writes as. */
  current: boolean;
  /** United into that coder (its codings moved there). */
  sameAs: string | null;
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
  /** Set by a correction of the transcript until the researcher has looked (issue 28): "changed" or "removed". */
  textStatus?: SegmentTextStatus;
  /** The words as they were coded, while `textStatus` is set. */
  previousText?: string;
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
  /** Stable within one preview: the apply call may leave out hits by this key. */
  key: string;
  documentId: string;
  documentName: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
  /** The speaker of the turn the hit lies in. */
  speaker: string | null;
  /** How many matches of the query this segment holds (hits in one sentence make one segment). */
  matches: number;
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

export const MEMO_TARGET_KINDS = ['project', 'document', 'participant', 'label', 'segment'] as const;
export type MemoTargetKind = (typeof MEMO_TARGET_KINDS)[number];

/** What a memo is about: the project (no id), or one document, participant, label or segment. */
export interface MemoTarget {
  kind: MemoTargetKind;
  id?: string | null;
}

/** A memo in rich text, with a human description of what it is about. */
export interface Memo {
  id: string;
  target: { kind: MemoTargetKind; id: string | null };
  /**
   * The target in words: the document's, participant's or label's name, the start of a segment's
   * text, or the project's title.
   */
  targetName: string;
  /** The document to open for this memo: the document itself, or the one a segment quotes; else null. */
  documentId: string | null;
  documentName: string | null;
  /** For a segment memo: the position of the turn where the segment starts (to scroll to it). */
  turn: number | null;
  /** For a label memo: the label's colour. */
  colour: string | null;
  title: string;
  /** Lexical editor state (JSON). */
  bodyRich: string;
  /** The plain text of `bodyRich`, for search, lists and exports. */
  bodyText: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** What an import of a codebook file changed (labels of the same name under the same parent are updated, not duplicated). */
export interface CodebookImport {
  created: number;
  updated: number;
  /** Labels the file names that were already exactly so. */
  unchanged: number;
  /** The labels of the file (and parents it named that were created), as they are now. */
  labels: Label[];
  /** Columns of the file that were not understood, so left out. */
  ignoredColumns: string[];
}

export const CODEBOOK_TEMPLATES = ['llb-study'] as const;
export type CodebookTemplateName = (typeof CODEBOOK_TEMPLATES)[number];

export interface CodebookTemplateResult {
  created: number;
  updated: number;
  unchanged: number;
  labels: Label[];
  /** `set` when the project had no guide; `kept` when it had another one (left as it was); `unchanged` when it had this one. */
  guide: 'set' | 'kept' | 'unchanged';
  guideSections: number;
}

/** How much hangs on a label: what a delete takes with it, what a merge into `targetId` collapses. */
export interface LabelUsage {
  codings: number;
  segments: number;
  documents: number;
  coders: number;
  children: number;
  /** Codings that a merge into the given target would collapse (0 without a target). */
  duplicates: number;
}

/** A stretch of a transcript marked as answering an interview-guide section (and maybe one of its questions). */
export interface GuideSpan {
  id: string;
  documentId: string;
  sectionId: string;
  sectionTitle: string;
  questionId: string | null;
  questionText: string | null;
  /** UTF-16 offsets into the document's canonical text, end exclusive. */
  start: number;
  end: number;
  createdBy: string;
  createdAt: string;
}

/** Which segments of a label retrieval shows: all filters must hold. */
export interface RetrievalFilters {
  /** Participant attributes by name; a value matches when it reads the same (12 and "12", true and "true"). */
  attributes?: Record<string, AttributeValue>;
  /** Only segments this coder gave the label. */
  coder?: string;
  /** Only segments overlapping a span marked as this guide section. */
  guideSectionId?: string;
  documentId?: string;
  /** Whose speech: participants' only (the default) or everyone's. */
  speakers?: SpeakerScope;
}

/** One quotation of a label, with where it comes from and what surrounds it. */
export interface RetrievedSegment {
  segment: { id: string; start: number; end: number; text: string };
  documentId: string;
  documentName: string;
  participant: { id: string; name: string; attributes: Record<string, AttributeValue> } | null;
  /** The turn the segment starts in: its speaker, start time and position (to open the transcript there). */
  speaker: string | null;
  startMs: number | null;
  turnPosition: number | null;
  /** Who gave this segment the label. */
  coders: string[];
  /** The segment's other labels (by any coder). */
  otherLabels: Array<{ id: string; name: string; colour: string }>;
  /** Context on either side, clipped at the turn's edges and at whole words. */
  before: string;
  after: string;
  /** True when the context was cut short inside the turn (there is more text that way). */
  beforeCut: boolean;
  afterCut: boolean;
  /** Titles of the guide sections whose marked spans overlap the segment, in guide order. */
  guideSections: string[];
}

export interface RetrievalResult {
  label: Label;
  total: number;
  /** Ordered by document name, then position in the document. */
  items: RetrievedSegment[];
}

/** How far coding of one document has come. */
export interface DocumentProgress {
  documentId: string;
  segments: number;
  /** Characters covered by at least one segment (overlaps counted once). */
  codedChars: number;
  totalChars: number;
  /** codedChars / totalChars, 0..1 (0 for an empty text). */
  share: number;
}

/** A label's spread: its segments per participant, and in how many documents. */
export interface LabelSpread {
  labelId: string;
  participants: Array<{ participantId: string; name: string; segments: number }>;
  /** Segments in documents that belong to no participant. */
  withoutParticipant: number;
  documents: number;
}

export const SPEAKER_ROLES = ['interviewer', 'participant', 'other'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

/** Whose speech counts: the participants' only (the default), or everyone's, the interviewer's too. */
export const SPEAKER_SCOPES = ['participants', 'all'] as const;
export type SpeakerScope = (typeof SPEAKER_SCOPES)[number];

/** One speaker of a document, with the role they have there. */
export interface DocumentSpeaker {
  name: string;
  role: SpeakerRole;
  /** For a participant: the participant (case) they are, when one exists. */
  participantId: string | null;
  participantName: string | null;
  /** False while no rule decided the role and the researcher has not confirmed it. */
  confirmed: boolean;
  /** Which import rule decided the role (a–e), or `set` when the researcher did. */
  rule: 'a' | 'b' | 'c' | 'd' | 'e' | 'set';
  turns: number;
}

export interface DocumentSpeakers {
  documentId: string;
  documentName: string;
  speakers: DocumentSpeaker[];
  /** Some speaker's role was decided by no rule and is not yet confirmed. */
  unconfirmed: boolean;
}

export const AUTOCODE_SCOPES = ['match', 'sentence', 'turn'] as const;
/** How far an auto-code hit grows: the matched words, their sentence, or their turn. */
export type AutocodeScope = (typeof AUTOCODE_SCOPES)[number];
