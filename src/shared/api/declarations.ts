/**
 * Every handler's kind (see `HandlerKind`), and for a read the tables it reads: the page's data
 * layer refetches a mounted read only when a write's notice names one of them. The core checks this
 * map when it builds its handler map (a handler without a declaration, or of an unknown kind, stops
 * it) and enforces it on every call: a read or a session action cannot write, an undoable write is
 * one undo step, a baseline write starts a new undo history.
 *
 * Over-declaring a read's tables costs a refetch; under-declaring shows stale data, so a read names
 * every table its answer depends on.
 */
import type { HandlerKind, TableName } from './changes.ts';
import type { HandlerName } from './names.ts';

export type Declaration =
  | { kind: 'read'; reads: readonly TableName[] }
  | { kind: 'undoable' | 'purging' }
  /** A baseline write names the tables it fills: its rows are not copied into the history. */
  | { kind: 'baseline'; writes: readonly TableName[] }
  | { kind: 'session' }
  | { kind: 'history' };

const read = (...reads: TableName[]): Declaration => ({ kind: 'read', reads });
const undoable: Declaration = { kind: 'undoable' };
const session: Declaration = { kind: 'session' };
const baseline = (...writes: TableName[]): Declaration => ({ kind: 'baseline', writes });

const DOCUMENT_LIST: TableName[] = ['documents', 'participants', 'speakers'];
/** Who says what: the roles, stored or inferred from the turns and the participants (issue 20). */
const SPEECH: TableName[] = ['speakers', 'turns', 'documents', 'participants'];
const PARTICIPANTS: TableName[] = ['participants', 'attributes', 'participant_attributes'];
const CODED: TableName[] = ['segments', 'codings', 'labels', 'coders'];
const COUNTED: TableName[] = [...CODED, ...SPEECH];
const CONCEPTS: TableName[] = ['concepts', 'concept_labels', 'concept_segments'];
/** A quote: its segment, labels, document, speaker turn and participant with attributes. */
const QUOTES: TableName[] = [...CODED, 'documents', 'turns', 'speakers', ...PARTICIPANTS];
const ROUND3: TableName[] = [
  'learning_questions',
  'learning_question_concepts',
  'learning_question_segments',
  'tensions',
  'tension_statements',
  'tension_quotes',
  'tension_concepts',
];
const SURVEY: TableName[] = ['surveys', 'survey_items', 'survey_answers'];
/** The outline, with the answers its charts are computed from (each read computes them anew). */
const OUTLINE: TableName[] = ['outline_sections', 'outline_items', 'outline_quote_edits', 'outline_origins', ...SURVEY];
/** What a survey import fills: its items and answers, the respondents, their open answers and the questions as guide sections. */
const SURVEY_IMPORT: TableName[] = [...SURVEY, ...PARTICIPANTS, 'documents', 'turns', 'turns_fts', 'guide_sections', 'guide_spans'];
/** The report's layout kept in the project (title block, quote style, attribution, numbering per level). */
const REPORT_LAYOUT: TableName[] = ['report_title_lines', 'report_settings'];
const PROJECT_INFO: TableName[] = ['project_meta', 'documents', 'participants', 'turns', 'labels', 'segments', 'codings', 'concepts', 'learning_questions', 'tensions'];
/** Agreement: codings over the speech, the consensus decisions (project_meta) and the coders. */
const AGREEMENT: TableName[] = [...COUNTED, 'project_meta', 'coders'];
/** An export or preview reads the whole analysis. */
const EVERYTHING: TableName[] = [...QUOTES, 'project_meta', 'guide_sections', 'guide_questions', 'guide_spans', 'memos', ...CONCEPTS, ...ROUND3, ...OUTLINE, ...REPORT_LAYOUT];
/** Everything a project holds, for the writes that fill an empty project from a file. */
const ALL_ROWS: TableName[] = [
  ...EVERYTHING,
  ...SURVEY,
  'turns_fts',
  'coders',
  'relation_types',
  'concept_links',
  'map_positions',
];

export const DECLARATIONS: { readonly [K in HandlerName]: Declaration } = {
  'project/create': session,
  'project/open': session,
  'project/close': session,
  'project/current': read(...PROJECT_INFO),
  'project/choose': session,
  'projects/list': read('project_meta', 'documents'),
  'project/info': read(...PROJECT_INFO),
  'documents/import': baseline('documents', 'turns', 'turns_fts', 'guide_sections', 'guide_spans', ...PARTICIPANTS),
  'speakers/list': read(...SPEECH),
  'speakers/set': undoable,
  'speakers/confirm': undoable,
  'documents/list': read(...DOCUMENT_LIST),
  'documents/get': read('documents', 'turns', 'participants', 'speakers'),
  'documents/setCitation': undoable,
  'participants/list': read(...PARTICIPANTS),
  'participants/update': undoable,
  'attributes/create': undoable,
  'search/query': read('turns', 'turns_fts', 'documents', 'participants'),
  'guide/get': read('guide_sections', 'guide_questions'),
  'guide/set': undoable,
  'changes/list': read('change_log'),
  'labels/list': read(...COUNTED),
  'labels/create': undoable,
  'labels/update': undoable,
  'labels/merge': undoable,
  'labels/delete': undoable,
  'labels/importCsv': undoable,
  'labels/move': undoable,
  'labels/usage': read('labels', 'codings', 'segments', ...CONCEPTS, 'memos'),
  'codebook/applyTemplate': undoable,
  'segments/list': read(...CODED),
  'codings/apply': undoable,
  'codings/remove': undoable,
  'codings/autocode': undoable,
  'codings/autocodePreview': read('turns', 'turns_fts', 'documents', 'participants', 'speakers'),
  'segments/resize': undoable,
  'history/state': read('change_log'),
  'history/undo': { kind: 'history' },
  'history/redo': { kind: 'history' },
  'coders/current': session,
  'coders/set': session,
  'coders/list': read('codings', 'coders'),
  'coders/unite': undoable,
  'tasks/cancel': session,
  'memos/list': read('memos'),
  'memos/save': undoable,
  'memos/delete': undoable,
  'guide/markSpan': undoable,
  'guide/unmarkSpan': undoable,
  'guide/spans': read('guide_spans', 'guide_sections', 'guide_questions'),
  'retrieval/segments': read(...QUOTES, 'guide_spans', 'guide_sections', 'memos'),
  'retrieval/coders': read('codings', 'coders'),
  'progress/documents': read(...DOCUMENT_LIST, ...CODED),
  'progress/labels': read(...COUNTED),
  'concepts/list': read(...CONCEPTS, ...COUNTED),
  'concepts/create': undoable,
  'concepts/update': undoable,
  'concepts/move': undoable,
  'concepts/delete': undoable,
  'concepts/addLabels': undoable,
  'concepts/removeLabel': undoable,
  'concepts/addSegments': undoable,
  'concepts/removeSegment': undoable,
  'concepts/quotes': read(...CONCEPTS, ...QUOTES),
  'quotes/get': read(...QUOTES),
  'matrix/get': read(...CONCEPTS, ...QUOTES),
  'matrix/cell': read(...CONCEPTS, ...QUOTES),
  'relations/list': read('relation_types'),
  'relations/create': undoable,
  'relations/delete': undoable,
  'links/list': read('concept_links', 'relation_types', 'concepts'),
  'links/create': undoable,
  'links/update': undoable,
  'links/delete': undoable,
  'map/layout': read('map_positions'),
  'map/saveLayout': undoable,
  'learningQuestions/list': read(...ROUND3, ...CONCEPTS, ...QUOTES),
  'learningQuestions/create': undoable,
  'learningQuestions/fromSegment': undoable,
  'learningQuestions/update': undoable,
  'learningQuestions/move': undoable,
  'learningQuestions/delete': undoable,
  'tensions/list': read(...ROUND3, ...CONCEPTS, ...QUOTES),
  'tensions/create': undoable,
  'tensions/update': undoable,
  'tensions/move': undoable,
  'tensions/delete': undoable,
  'outline/get': read(...OUTLINE, ...QUOTES, ...ROUND3, ...CONCEPTS),
  'outline/generate': undoable,
  'outline/generatePlan': read(...OUTLINE, ...QUOTES, ...ROUND3),
  'outline/editQuote': undoable,
  'outline/addSection': undoable,
  'outline/updateSection': undoable,
  'outline/moveSection': undoable,
  'outline/deleteSection': undoable,
  'outline/addItem': undoable,
  'outline/updateItem': undoable,
  'outline/moveItem': undoable,
  'outline/deleteItem': undoable,
  'rounds/status': read(...COUNTED, ...CONCEPTS, ...ROUND3, ...OUTLINE),
  'interchange/importQdpx': baseline(...ALL_ROWS),
  'interchange/exportQdpx': read(...ALL_ROWS),
  'interchange/importQdc': undoable,
  'interchange/exportQdc': read('labels'),
  'export/preview': read(...EVERYTHING),
  'export/file': read(...EVERYTHING),
  'report/settings': read(...REPORT_LAYOUT),
  'report/updateSettings': undoable,
  // Pseudonymising reads and rewrites every place a name can live (core/pseudonymise/places.ts).
  'pseudonyms/preview': read(...ALL_ROWS),
  'pseudonyms/apply': { kind: 'purging' },
  // Correcting a transcript (core/transcripts): each edit one undo step.
  'transcript/edit-turn': undoable,
  'transcript/split-turn': undoable,
  'transcript/join-turns': undoable,
  'segments/confirm-text': undoable,
  'segments/remove': undoable,
  'project/purge': session,
  'names/find': read('documents', 'turns', 'project_meta'),
  'names/accept': session,
  'names/dismiss': undoable,
  // Withdrawing removes every place a participant's words and data live (core/withdraw).
  'withdraw/preview': read(...ALL_ROWS, 'change_log', 'export_log'),
  'withdraw/apply': { kind: 'purging' },
  /** Another copy's work brought in: one undo step (issue 25). */
  'merge/apply': undoable,
  // Backups are files beside the project: a write may have made one, so the list follows the log.
  'backups/list': read('change_log'),
  'backups/make': session,
  'backups/restore': session,
  'backups/configure': undoable,
  // A copy is an export of everything: a read, recorded in the export log.
  'project/copy': read(...ALL_ROWS),
  'audit/list': read('change_log', 'export_log'),
  // Questionnaires (issue 27): an import fills participants, questionnaire documents and the items.
  'surveys/plan': read('participants'),
  'surveys/import': baseline(...SURVEY_IMPORT),
  'surveys/items': read(...SURVEY),
  'surveys/updateItem': undoable,
  'surveys/scales': read(...SURVEY, ...PARTICIPANTS),
  'surveys/codedAnswers': read(...QUOTES, 'guide_spans', 'guide_sections'),
  'surveys/export': read(...SURVEY, ...QUOTES, 'guide_spans', 'guide_sections', 'project_meta'),
  // Agreement between coders (issue 26): the codings compared over the speech, the consensus
  // round's decisions kept in project_meta, the coders' names.
  'agreement/compute': read(...AGREEMENT),
  'agreement/differences': read(...AGREEMENT),
  'agreement/decide': undoable,
  'agreement/export': read(...AGREEMENT),
};

/**
 * Calls that can take seconds: each runs as a long call (Project.run), giving other callers their
 * turn between its chunks and cancellable by its task id. A long write is one transaction, whole
 * or not at all; other writes wait for a long call, reads do not.
 */
export const LONG_CALLS: ReadonlySet<HandlerName> = new Set<HandlerName>([
  'documents/import',
  'labels/importCsv',
  'codings/autocode',
  'codings/autocodePreview',
  'interchange/importQdpx',
  'interchange/exportQdpx',
  'export/file',
  'export/preview',
  'pseudonyms/apply',
  'names/find',
  'merge/apply',
  'surveys/import',
]);

export const declarationOf = (name: HandlerName): Declaration => DECLARATIONS[name];

/** The tables a read depends on; null for a handler that is not a read. */
export function readsOf(name: HandlerName): readonly TableName[] | null {
  const declaration = DECLARATIONS[name];
  return declaration.kind === 'read' ? declaration.reads : null;
}

export function kindOf(name: HandlerName): HandlerKind {
  return DECLARATIONS[name].kind;
}
