import type { MergeTake, MergeWhy } from '../../../shared/merge.ts';
import type { Db } from '../db/database.ts';

type Row = Record<string, unknown>;

type Take = { take: MergeTake } | { why: MergeWhy };

/** One conflicting field: this copy's row and the other's, whole. */
interface Conflict {
  db: Db;
  /** Our row's id. */
  id: string;
  field: string;
  ours: Row;
  theirs: Row;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const call = (handler: string, input: Record<string, unknown>) => ({ take: { handler, input } });
const isColour = (value: unknown) => /^#[0-9a-fA-F]{6}$/.test(text(value));

/**
 * How a conflicting field can be taken from the other copy: the call of the object's own update
 * handler (one undoable write with its undo scenario), built here where both rows are whole — the
 * report's values are shortened, and rich text and column names are not what a handler takes. Where
 * no handler can take it, why (a key the screen words in Dutch or English).
 */
export function takeTheirs(db: Db, table: string, field: string, ours: Row, theirs: Row): Take {
  const refused = REFUSED.get(table);
  if (refused) return { why: refused };
  const taker = TAKERS.get(table);
  return taker ? taker({ db, id: String(ours.id), field, ours, theirs }) : { why: 'noHandler' };
}

/** Tables whose conflicts no handler takes, and why. */
const REFUSED = new Map<string, MergeWhy>([
  ['tension_quotes', 'quotePole'],
  ['survey_answers', 'surveyAnswer'],
  ['coders', 'coder'],
  ['attributes', 'attributeType'],
  ['guide_questions', 'guide'],
  ['segments', 'segment'],
]);

function takeLabel({ id, field, theirs }: Conflict): Take {
  if (field === 'colour' && !isColour(theirs.colour)) return { why: 'invalid' };
  if (field === 'name' && text(theirs.name).trim() === '') return { why: 'invalid' };
  // A label's definition has a rich form: the other copy's goes with its plain text.
  if (field === 'definition') return call('labels/update', { id, definition: text(theirs.definition), ...('definition_rich' in theirs ? { definitionRich: theirs.definition_rich ?? null } : {}) });
  return call('labels/update', { id, [field]: text(theirs[field]) });
}

function takeConcept({ id, field, theirs }: Conflict): Take {
  if (field === 'colour' && !isColour(theirs.colour)) return { why: 'invalid' };
  if (field === 'definition') return call('concepts/update', { id, definition: text(theirs.definition), definitionRich: theirs.definition_rich ?? null });
  return call('concepts/update', { id, [field]: text(theirs[field]) });
}

function takeMemo({ id, field, ours, theirs }: Conflict): Take {
  // memos/save writes a memo whole: the other copy's body (rich and plain) or title, this copy's rest.
  const target = ours.target_kind === 'project' ? { kind: 'project' } : { kind: ours.target_kind, id: ours.target_id };
  const body = field === 'body_text' ? theirs : ours;
  return call('memos/save', { id, target, title: text(field === 'title' ? theirs.title : ours.title), bodyRich: text(body.body_rich), bodyText: text(body.body_text) });
}

function takeTension({ id, field, theirs }: Conflict): Take {
  const names: Record<string, string> = { title: 'title', pole_a: 'poleA', pole_b: 'poleB', group_name: 'group', memo: 'memo' };
  return call('tensions/update', { id, [names[field]!]: text(theirs[field]) });
}

function takeTensionStatement({ db, id, field, ours, theirs }: Conflict): Take {
  if (field !== 'text') return { why: 'statementKind' };
  // tensions/update takes a tension's findings (or implications) as one list: this copy's, with this one's text theirs.
  const list = db.prepare('SELECT id, text FROM tension_statements WHERE tension_id = ? AND kind = ? ORDER BY position').all(ours.tension_id, ours.kind) as Array<{ id: string; text: string }>;
  const lines = list.map((s) => (s.id === id ? text(theirs.text) : s.text));
  return call('tensions/update', { id: String(ours.tension_id), [ours.kind === 'finding' ? 'findings' : 'implications']: lines });
}

function takeOutlineSection({ id, field, theirs }: Conflict): Take {
  if (field === 'title' && text(theirs.title).trim() === '') return { why: 'invalid' };
  if (field === 'text') return call('outline/updateSection', { id, text: text(theirs.text), rich: theirs.rich ?? null });
  const names: Record<string, string> = { title: 'title', numbering: 'numbering', item_numbering: 'itemNumbering' };
  return call('outline/updateSection', { id, [names[field]!]: field === 'title' ? text(theirs.title) : (theirs[field] ?? null) });
}

function takeOutlineItem({ id, field, theirs }: Conflict): Take {
  if (field === 'kind') return { why: 'itemKind' };
  if (field === 'text') return call('outline/updateItem', { id, text: text(theirs.text), rich: theirs.rich ?? null });
  return call('outline/updateItem', { id, title: text(theirs.title) });
}

function takeReportSetting({ field, theirs }: Conflict): Take {
  if (field === 'quote_style') return call('report/updateSettings', { quoteStyle: text(theirs.quote_style) });
  if (field === 'quotation_marks') return call('report/updateSettings', { quotationMarks: Number(theirs.quotation_marks) === 1 });
  if (field === 'attribution') return call('report/updateSettings', { attribution: text(theirs.attribution) });
  return call('report/updateSettings', { levelNumbering: JSON.parse(text(theirs.level_numbering) || '[]') as unknown });
}

function takeAttributeValue({ db, ours, theirs }: Conflict): Take {
  const attribute = db.prepare('SELECT name, type FROM attributes WHERE id = ?').get(ours.attribute_id) as { name: string; type: string } | undefined;
  if (!attribute) return { why: 'noHandler' };
  const raw = theirs.value;
  const value = attribute.type === 'boolean' ? Number(raw) === 1 : attribute.type === 'number' ? Number(raw) : text(raw);
  return call('participants/update', { id: String(ours.participant_id), attributes: { [attribute.name]: value } });
}

function takeSpeaker({ field, ours, theirs }: Conflict): Take {
  if (field === 'confirmed') return { why: 'confirmed' };
  const role = text(theirs.role);
  return call('speakers/set', { name: text(ours.name), documentId: String(ours.document_id), role, participantId: role === 'participant' ? (theirs.participant_id ?? null) : null });
}

function takeSurveyItem({ id, field, theirs }: Conflict): Take {
  if (field === 'reversed') return call('surveys/updateItem', { id, reversed: Number(theirs.reversed) === 1 });
  if (text(theirs.dimension).trim() === '') return { why: 'invalid' };
  return call('surveys/updateItem', { id, dimension: text(theirs.dimension) });
}

/** Each table whose conflicts a handler can take, with how. */
const TAKERS = new Map<string, (conflict: Conflict) => Take>([
  ['labels', takeLabel],
  ['concepts', takeConcept],
  ['memos', takeMemo],
  ['learning_questions', ({ id, field, theirs }) => call('learningQuestions/update', { id, [field]: text(theirs[field]) })],
  ['tensions', takeTension],
  ['tension_statements', takeTensionStatement],
  ['concept_links', ({ id, theirs }) => call('links/update', { id, memo: text(theirs.memo) })],
  ['outline_sections', takeOutlineSection],
  ['outline_items', takeOutlineItem],
  ['report_settings', takeReportSetting],
  ['participant_attributes', takeAttributeValue],
  ['speakers', takeSpeaker],
  ['survey_items', takeSurveyItem],
]);

/** The title block as report/updateSettings takes it: the other copy's lines in their order. */
export function titleBlockTake(other: Db): MergeTake {
  const lines = other.prepare('SELECT kind, text FROM report_title_lines ORDER BY position').all() as Array<{ kind: string; text: string }>;
  return { handler: 'report/updateSettings', input: { titleLines: lines.map((l) => ({ kind: l.kind, text: l.text })) } };
}
