/**
 * What a write tells the page: the tables it changed. One type for the reply of a write and for the
 * change event that every other window receives, used by the core, both hosts and the page. The
 * page invalidates the reads whose declared tables (`readsOf`) meet a notice's `tables`.
 */

/** Every table of a project file that a handler may read or a write may change. */
export const TABLE_NAMES = [
  'project_meta',
  'participants',
  'attributes',
  'participant_attributes',
  'documents',
  'turns',
  /** The full-text index over the turns (FTS5); changed with `turns`. */
  'turns_fts',
  /** Speaker roles per document (interviewer, participant, other). */
  'speakers',
  'guide_sections',
  'guide_questions',
  'guide_spans',
  'coders',
  'labels',
  'segments',
  'codings',
  'memos',
  'concepts',
  'concept_labels',
  'concept_segments',
  'relation_types',
  'concept_links',
  'map_positions',
  'learning_questions',
  'learning_question_concepts',
  'learning_question_segments',
  'tensions',
  'tension_statements',
  'tension_quotes',
  'tension_concepts',
  'outline_sections',
  'outline_items',
  /** A quote's edited form beside its verbatim segment (migration 0017, issue 29). */
  'outline_quote_edits',
  /** Where a generated section or item came from, so that generating again merges (migration 0017). */
  'outline_origins',
  /** Questionnaires (issue 27): a survey file, its scale and numeric items, each respondent's answers. */
  'surveys',
  'survey_items',
  'survey_answers',
  /** The report's title block, line by line (migration 0015). */
  'report_title_lines',
  /** The report's quote style, attribution and numbering per level: one row (migration 0015). */
  'report_settings',
  /** The change log itself: every write adds to it (the history screen reads it). */
  'change_log',
  /** Every export (what, which format, which documents): the audit's other half, no change and no undo step. */
  'export_log',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const TABLE_SET: ReadonlySet<string> = new Set(TABLE_NAMES);
export function isTableName(name: string): name is TableName {
  return TABLE_SET.has(name);
}

/**
 * How a handler touches the project:
 * - `read`: changes nothing; declares the tables it reads.
 * - `undoable`: one undo step.
 * - `baseline`: an import that starts a new undo history (nothing before it can be undone after it).
 * - `purging`: undoable within the session; what it removed is purged from the file when the project closes.
 * - `session`: touches no project rows (open, close, choose, set coder).
 * - `history`: undo and redo themselves, which replay earlier writes.
 */
export type HandlerKind = 'read' | 'undoable' | 'baseline' | 'purging' | 'session' | 'history';

/** A write that happened: the reply of a write carries it, and so does the change event. */
export interface ChangeNotice {
  /** The change-log entry. */
  id: number;
  /** The handler (or `history/undo`, `history/redo`) that made it. */
  action: string;
  summary: string;
  /** How the write can be taken back: undo and redo are writes of their own. */
  kind: 'undoable' | 'baseline' | 'purging' | 'undo' | 'redo';
  /** Every table the write changed, from the change log's rows plus what the handler declared. */
  tables: TableName[];
}

/** What a call answers over every transport: its result, and for a write the notice of what it changed. */
export type CallReply =
  | { ok: true; result: unknown; change?: ChangeNotice | null }
  | { ok: false; error: { kind: string; message: string } & Record<string, unknown> };

/**
 * How far a long call has come (an import of many files, an export, an auto-code run). The caller
 * names the call with a task id of its own choosing, sent beside the call; notices with that id come
 * over the same channel as change events, and `tasks/cancel` with it cancels the call.
 */
export interface TaskProgress {
  task: string;
  /** The handler running. */
  action: string;
  done: number;
  total: number;
  /** What it is working on (a file or document name); may be empty. */
  item: string;
}
