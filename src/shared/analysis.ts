/**
 * Rounds 2 and 3 of the analysis, and the report outline: the shapes the core returns and the
 * screens, the exporters and the REFI-QDA interchange read. Pure types and constants.
 */
import type { AttributeValue, SpeakerRole } from './model.ts';
import type { ScalesResult } from './surveys/model.ts';
import type { QuoteEditProblem } from './text/quote-edit.ts';

/** A quote as every round-2/3 screen and every export shows it: a segment with where it comes from. */
export interface Quote {
  segmentId: string;
  documentId: string;
  documentName: string;
  start: number;
  end: number;
  /** The segment's text snapshot, verbatim. */
  text: string;
  /**
   * Who said it: the participant whose speech the segment covers (the first, in a segment across
   * several participants' turns), or the document's participant where the turns name no speaker.
   * Null for a passage of the interviewer's only, and for speech of no known participant.
   */
  participant: { id: string; name: string; attributes: Record<string, AttributeValue> } | null;
  /** `interviewer` or `other` for a passage of only such speech (attributed to them); else `participant`. */
  speakerRole: SpeakerRole;
  /** The turn the segment starts in (speaker, start time, position): for attribution and "jump to source". */
  speaker: string | null;
  startMs: number | null;
  turnPosition: number | null;
  /** A PDF's quote: the page it starts on and the page it ends on (counted from 1). Absent for other documents. */
  page?: number;
  lastPage?: number;
  /** The citation the researcher set on the document, printed in place of its name. Absent when unset. */
  citation?: string;
  /** Ids of the labels on this segment (any coder). */
  labelIds: string[];
}

/** A concept's page: its distinct supporting segments grouped by participant (unassigned documents: participant null, last). */
export interface ConceptQuotes {
  concept: Concept;
  groups: Array<{ participant: Quote['participant']; quotes: Quote[] }>;
}

/** Round 2. A concept groups labels (a label may serve several concepts) and single segments. */
export interface Concept {
  id: string;
  name: string;
  /** Plain text of the definition (for lists, search, exports). */
  definition: string;
  /** The definition as Lexical editor state (JSON), or null when none was written in the editor. */
  definitionRich: string | null;
  colour: string;
  position: number;
  labelIds: string[];
  /** Segments added to the concept directly (not through a label). */
  segmentIds: string[];
  /**
   * Distinct supporting segments: coded with one of its labels or a label under one of them, plus the
   * direct ones, each once.
   */
  segmentCount: number;
  /** Number of participants (interviews) among those segments; documents without a participant count once together. */
  participantCount: number;
  documentCount: number;
  createdBy: string;
  createdAt: string;
}

/** The commonalities matrix: rows (concepts or labels) × columns (participants or documents). */
export type MatrixRows = 'concepts' | 'labels';
export type MatrixColumns = 'participant' | 'document';

export interface MatrixColumn {
  /** Participant or document id; `null` for the "unassigned" column (documents without a participant; always last). */
  id: string | null;
  /** The participant's or document's name; "unassigned" for that column (screens show their own word for it). */
  name: string;
  /** The participant's attributes; for a document column, its participant's (empty for "unassigned" and documents without one). */
  attributes: Record<string, AttributeValue>;
  /** The value of the grouping attribute, when the matrix is grouped; null when not grouped or missing (those columns come last). */
  group: string | null;
}

export interface MatrixRow {
  id: string;
  name: string;
  colour: string;
  /** Depth in the label tree (0 for concepts and top-level labels). */
  depth: number;
  /** Supporting segments per column, in the order of `columns`. */
  cells: number[];
  /** Distinct segments over all columns shown. */
  total: number;
  /** In how many of the shown columns the row occurs (count > 0). */
  occursIn: number;
}

export interface Matrix {
  rows: MatrixRows;
  by: MatrixColumns;
  /** The attribute used to group columns, or null. Columns come sorted by group, then name. */
  groupBy: string | null;
  columns: MatrixColumn[];
  /** Distinct groups in column order (empty when not grouped). */
  groups: string[];
  items: MatrixRow[];
  /** Largest cell, for the heat-map scale. */
  max: number;
}

export interface MatrixFilter {
  /** Keep only columns whose participant has these attribute values (each key one of the values). */
  attributes?: Record<string, AttributeValue[]>;
}

/** Round 3. A typed, directed link between two concepts, with a memo. */
export interface ConceptLink {
  id: string;
  sourceId: string;
  targetId: string;
  relationTypeId: string;
  memo: string;
  createdBy: string;
  createdAt: string;
}

export interface RelationType {
  id: string;
  /** The built-in ones carry a stable key (their name is translated by the screens); the researcher's own have null. */
  key: RelationKey | null;
  name: string;
  /** Links of this type have a direction (leidt tot) or not (hangt samen met). */
  directed: boolean;
  position: number;
}

export const RELATION_KEYS = ['related-to', 'leads-to', 'in-tension-with', 'condition-for'] as const;
export type RelationKey = (typeof RELATION_KEYS)[number];

/** Where a concept sits on the map (saved layout). */
export interface MapPosition {
  conceptId: string;
  x: number;
  y: number;
}

export const LEARNING_QUESTION_KINDS = ['explicit', 'implicit'] as const;
export type LearningQuestionKind = (typeof LEARNING_QUESTION_KINDS)[number];

export interface LearningQuestion {
  id: string;
  question: string;
  kind: LearningQuestionKind;
  /** The level or group of the researcher's choosing (e.g. "de leerlingenbegeleider", "het team"), or ''. */
  level: string;
  position: number;
  conceptIds: string[];
  /** Supporting segments, in the researcher's order. */
  segmentIds: string[];
  /** For an explicit question made from a segment: that segment. */
  sourceSegmentId: string | null;
  memo: string;
  createdBy: string;
  createdAt: string;
}

export interface TensionQuote {
  segmentId: string;
  /** Which pole the quote speaks for: 1, 2, or null for the tension as a whole. */
  pole: 1 | 2 | null;
}

/** What a tension puts into the report, in the order the researcher set (issue 29). */
export const TENSION_PARTS = ['finding', 'quote', 'implication'] as const;
export type TensionPart = (typeof TENSION_PARTS)[number];

export interface Tension {
  id: string;
  title: string;
  poleA: string;
  poleB: string;
  /** e.g. "Zelfopvatting leerlingenbegeleiding", "Personeelsbeleid"; '' when none. */
  group: string;
  position: number;
  /** Short statements, in order. */
  findings: string[];
  /** Practical advice, in order; shown and exported as `--> …`. */
  implications: string[];
  quotes: TensionQuote[];
  /** The order of findings, quotes and implications in a generated report outline. */
  reportOrder: TensionPart[];
  conceptIds: string[];
  memo: string;
  createdBy: string;
  createdAt: string;
}

/** The report outline: an ordered tree of sections with ordered items. */
export const OUTLINE_ITEM_KINDS = ['quote', 'finding', 'implication', 'paragraph', 'chart'] as const;
export type OutlineItemKind = (typeof OUTLINE_ITEM_KINDS)[number];

export const OUTLINE_TIE_KINDS = ['learning-question', 'tension', 'concept', 'label'] as const;
export type OutlineTieKind = (typeof OUTLINE_TIE_KINDS)[number];

/** How a list of sections or points is numbered; "none" prints no number. */
export const NUMBERINGS = ['none', '1)', '1.', 'A.', 'a.', 'I.'] as const;
export type Numbering = (typeof NUMBERINGS)[number];
/** A section's points (findings): bullets, or a numbering. */
export const ITEM_NUMBERINGS = ['bullet', ...NUMBERINGS] as const;
export type ItemNumbering = (typeof ITEM_NUMBERINGS)[number];

export interface OutlineItem {
  id: string;
  sectionId: string;
  kind: OutlineItemKind;
  position: number;
  /** For a quote: its segment (the quote text comes from the segment, verbatim). */
  segmentId: string | null;
  /** For finding and implication: the plain text; for a paragraph: its plain text. */
  text: string;
  /** For a finding: a bold title printed by the bullet, its text a paragraph under it; '' for none. */
  title: string;
  /** For a paragraph: Lexical editor state (JSON) with its formatting, or null. */
  rich: string | null;
  /** For a chart: what it shows; its figures are computed anew for every read (`Outline.charts`). */
  chart?: OutlineChart | null;
}

/**
 * A scales chart in the report: the dimensions (by their shared code) and numeric questions (by
 * their header) it shows, in this order, and the participant attribute it compares (null: all
 * respondents together).
 */
export interface OutlineChart {
  rows: string[];
  by: string | null;
}

/** A chart item's figures as the answers give them now: the scales of its rows, and the rows no longer there. */
export interface OutlineChartFigures extends ScalesResult {
  /** Rows the chart names that the project no longer has (a dimension regrouped away, a survey removed). */
  missing: string[];
  /** The attribute the chart names when the project no longer has it (the chart then shows all respondents). */
  missingBy: string | null;
}

export interface OutlineSection {
  id: string;
  parentId: string | null;
  position: number;
  title: string;
  /** Optional introduction: plain text and Lexical state. */
  text: string;
  rich: string | null;
  tie: { kind: OutlineTieKind; id: string } | null;
  /** How its sub-sections are numbered; null: the level's numbering (by default automatic: "1)" on groups of tensions). */
  numbering: Numbering | null;
  /** How its findings are numbered; null: bullets. */
  itemNumbering: ItemNumbering | null;
  items: OutlineItem[];
}

export const TITLE_LINE_KINDS = ['title', 'subtitle', 'author', 'date'] as const;
export type TitleLineKind = (typeof TITLE_LINE_KINDS)[number];
/** One line of the report's title block. */
export interface TitleLine {
  kind: TitleLineKind;
  text: string;
}

/** How quotes print: Word's Quote style (indented, italic) or plain body paragraphs. */
export const QUOTE_STYLES = ['quote', 'plain'] as const;
export type QuoteStyle = (typeof QUOTE_STYLES)[number];

/** The report's layout as the project keeps it: used by the live preview and every export. */
export interface ReportSettings {
  /** The title block in the researcher's order; empty while none is set (then: the project's title and the default subtitle). */
  titleLines: TitleLine[];
  quoteStyle: QuoteStyle;
  quotationMarks: boolean;
  /** In the CLI's spelling: none, participant, source, full or attrs:KEY,KEY. */
  attribution: string;
  /** Numbering of the section headings per depth, from depth 1; null: automatic. */
  levelNumbering: Array<Numbering | null>;
}

/**
 * A quote's edited form (issue 29): words left out with "(…)" or "[…]", words added in square
 * brackets. The report prints it; the verbatim text stays the segment's.
 */
export interface QuoteEdit {
  text: string;
  /** The passage's words when the edit was checked and kept. */
  checkedText: string;
  /** Null while the edit fits the passage; after a correction of the transcript, what no longer fits. */
  problem: QuoteEditProblem | null;
}

/** The outline as a tree, sections in order, with the quotes its items point at. */
export interface Outline {
  sections: Array<OutlineSection & { depth: number }>;
  /** Every quote an item points at, by segment id. */
  quotes: Record<string, Quote>;
  /** Every chart item's figures, by item id, computed from the answers at this read. */
  charts?: Record<string, OutlineChartFigures>;
  /** The edited quotes, by item id (a quote item without one prints verbatim). */
  edits: Record<string, QuoteEdit>;
}

/** One thing that generating the outline again would add to the researcher's outline. */
export interface OutlineAddition {
  /** Stable while the analysis does not change: the apply call names the ones to leave out. */
  key: string;
  kind: 'section' | OutlineItemKind;
  /** A section's title, a finding's or implication's text, a quote's segment text. */
  text: string;
  /** The titles of the sections it goes into, outermost first (new ones included). */
  path: string[];
  segmentId?: string;
}

/** What "Generate" would do: build a new outline, or add to the researcher's (nothing of theirs changes). */
export interface OutlinePlan {
  mode: 'new' | 'merge';
  additions: OutlineAddition[];
  /** What the researcher's outline holds now, kept as it is. */
  kept: { sections: number; items: number };
}

/** What is left to do in each round (shown on the round tabs and their pages). */
export interface RoundStatus {
  round1: { documents: number; uncodedDocuments: number; labels: number; unusedLabels: number };
  round2: { concepts: number; labelsInNoConcept: string[]; conceptsWithoutQuotes: string[] };
  round3: {
    learningQuestions: number;
    tensions: number;
    questionsWithoutSupport: string[];
    tensionsWithoutImplications: string[];
  };
  report: { sections: number; items: number };
}
