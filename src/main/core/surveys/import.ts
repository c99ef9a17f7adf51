import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { FileRef } from '../../../shared/api/contract.ts';
import { DECLARATIONS } from '../../../shared/api/declarations.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { AttributeType, AttributeValue, Turn } from '../../../shared/model.ts';
import { applyOverrides, cellText, inferPlan, scaleValue } from '../../../shared/surveys/infer.ts';
import type { PlanColumn, PlanOverride, SurveyCell, SurveyImportResult, SurveyPlan } from '../../../shared/surveys/model.ts';
import { parseNumber } from '../../../shared/surveys/stats.ts';
import { countWords } from '../../../shared/text/normalize.ts';
import { newId, now } from '../clock.ts';
import { withoutHistoryTriggers } from '../history/triggers.ts';
import type { Project } from '../project.ts';
import { replacementsSince, type Pseudonymizer } from '../documents/pseudonyms.ts';
import { insertDocument } from '../documents/store.ts';
import { insertGuideSpan } from '../guide/store-spans.ts';
import { ensureAttribute, findParticipantByName, insertParticipant, setAttributeValue } from '../participants/store.ts';
import { loadFileRef } from '../files/files.ts';
import { assembleText, loadPseudonyms } from '../documents/import.ts';
import { readSurveyTable, SURVEY_EXTENSIONS, SURVEY_MAX_BYTES, where, type SurveyTable } from './read-table.ts';
import { answerOrder, ensureGuideSection, findSurveyByHash, highestGeneratedRespondent, insertAnswersInOrder, insertItem, insertSurvey } from './store.ts';
import { checkpoint, reportProgress } from '../tasks.ts';

export interface SurveyArgs {
  file: FileRef;
  plan?: PlanOverride[];
  pseudonyms?: FileRef;
  dryRun?: boolean;
}

const declaration = DECLARATIONS['surveys/import'];
/** What a survey import fills: the tables `surveys/import` declares. */
const IMPORT_TABLES = declaration.kind === 'baseline' ? declaration.writes : [];

function refName(ref: FileRef): string {
  return basename('path' in ref ? ref.path : ref.name);
}

interface Loaded {
  name: string;
  hash: string;
  table: SurveyTable;
  plan: SurveyPlan;
  pseudonyms: Pseudonymizer | null;
}

/** Reads the file (within the limits), passes every cell through the pseudonym list, infers the plan and applies the researcher's changes. */
async function load(args: SurveyArgs): Promise<Loaded> {
  const name = refName(args.file);
  const extension = extname(name).toLowerCase();
  if (!(SURVEY_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new DuidingError(`${name}: a survey is a .csv or .xlsx file (got "${extension || 'no extension'}"). An old .xls: save it as .xlsx first.`, 'input', { code: 'surveyFormat', params: { file: name } });
  }
  const pseudonyms = args.pseudonyms ? loadPseudonyms(args.pseudonyms) : null;
  const file = loadFileRef(args.file, SURVEY_MAX_BYTES);
  const hash = createHash('sha256').update(file.bytes).digest('hex');
  const raw = await readSurveyTable(file);
  // Names live in answers, name columns and attribute values alike: every text cell is scrubbed.
  const scrub = (cell: SurveyCell): SurveyCell => (typeof cell === 'string' ? (pseudonyms ? pseudonyms.apply(cell) : cell).normalize('NFC') : cell);
  const table: SurveyTable = { ...raw, header: raw.header.map((h) => scrub(h) as string), rows: raw.rows.map((row) => row.map(scrub)) };
  const fail = (message: string): never => {
    throw new DuidingError(message, 'usage', { code: 'surveyPlan', params: { file: name } });
  };
  let plan = inferPlan(name, table.sheet, table.header, table.rows);
  if (args.plan?.length) plan = applyOverrides(plan, args.plan, table.rows, fail);
  return { name, hash, table, plan, pseudonyms };
}

/** The plan for a survey file, as inferred (writes nothing). */
export async function planSurvey(args: { file: FileRef; pseudonyms?: FileRef }): Promise<SurveyPlan> {
  return (await load(args)).plan;
}

function typedAttribute(text: string, type: AttributeType): AttributeValue {
  if (type === 'number') return parseNumber(text) ?? text;
  if (type === 'boolean') return /^(ja|yes|true|waar|j|y)$/i.test(text);
  return text;
}

interface Respondent {
  name: string;
  row: SurveyCell[];
  rowNumber: number;
}

/** Every respondent named (an id column, else R01…), each once. */
function respondentsOf(project: Project, loaded: Loaded): Respondent[] {
  const { table, plan, name: file } = loaded;
  const id = plan.columns.find((c) => c.kind === 'id');
  const first = highestGeneratedRespondent(project.db);
  const width = Math.max(2, String(first + table.rows.length).length);
  const seen = new Map<string, number>();
  return table.rows.map((row, r) => {
    const rowNumber = table.rowNumbers[r]!;
    let name: string;
    if (id) {
      name = cellText(row[id.index] ?? null);
      if (name === '') throw new DuidingError(`${where(file, table.sheet, rowNumber - 1, id.index)}: the respondent's ${id.header} is empty.`, 'input', { code: 'surveyEmptyId', params: { file } });
      const key = name.toLowerCase();
      if (seen.has(key)) {
        throw new DuidingError(`${where(file, table.sheet, rowNumber - 1, id.index)}: the respondent "${name}" appears twice (also row ${seen.get(key)}); each respondent has one row.`, 'input', {
          code: 'surveyDuplicateId',
          params: { file, respondent: name },
        });
      }
      seen.set(key, rowNumber);
    } else name = `R${String(first + r + 1).padStart(width, '0')}`;
    return { name, row, rowNumber };
  });
}

interface Prepared {
  respondents: Respondent[];
  answers: Array<{ column: PlanColumn; respondent: number; value: number; raw: string }>;
  open: Array<{ respondent: number; answers: Array<{ column: PlanColumn; text: string }> }>;
}

/** Every answer checked and turned into its number before anything is written. */
function prepare(project: Project, loaded: Loaded): Prepared {
  const { table, plan, name: file } = loaded;
  const respondents = respondentsOf(project, loaded);
  const answers: Prepared['answers'] = [];
  for (const column of plan.columns.filter((c) => c.kind === 'scale' || c.kind === 'numeric')) {
    respondents.forEach((respondent, r) => {
      const cell = respondent.row[column.index] ?? null;
      const raw = cellText(cell);
      if (raw === '') return;
      const at = where(file, table.sheet, respondent.rowNumber - 1, column.index);
      if (column.kind === 'numeric') {
        const value = parseNumber(cell);
        if (value === null) throw new DuidingError(`${at} ("${column.header}"): "${raw}" is not a number.`, 'input', { code: 'surveyNotNumber', params: { file, cell: at } });
        answers.push({ column, respondent: r, value, raw });
        return;
      }
      const value = scaleValue(cell, column.scale!);
      if (typeof value !== 'number') {
        throw new DuidingError(`${at} ("${column.header}"): ${value.problem}.`, 'input', { code: 'surveyNotOnScale', params: { file, cell: at, value: raw } });
      }
      answers.push({ column, respondent: r, value, raw });
    });
  }
  const openColumns = plan.columns.filter((c) => c.kind === 'open');
  const open = respondents
    .map((respondent, r) => ({
      respondent: r,
      answers: openColumns.map((column) => ({ column, text: cellText(respondent.row[column.index] ?? null).replace(/\r\n?/g, '\n') })).filter((a) => a.text !== ''),
    }))
    .filter((o) => o.answers.length > 0);
  return { respondents, answers, open };
}

/**
 * Imports a survey: respondents as participants (with the attribute columns), scale and numeric
 * columns as items with their answers, and each respondent's open answers as one questionnaire
 * document, one turn per answer under a guide section named by its question — the question itself
 * is never part of the text, so it is never counted or coded as an answer. Checked whole before a
 * row is written; one baseline write.
 */
export async function importSurvey(project: Project, args: SurveyArgs): Promise<SurveyImportResult> {
  const loaded = await load(args);
  const { name: file, hash, plan, table, pseudonyms } = loaded;
  const duplicate = findSurveyByHash(project.db, hash);
  if (duplicate) throw new DuidingError(`${file} was already imported as the survey "${duplicate.name}" (same content).`, 'input', { code: 'surveyDuplicate', params: { file } });
  const prepared = prepare(project, loaded);
  const items = plan.columns.filter((c) => c.kind === 'scale' || c.kind === 'numeric');
  const attributes = plan.columns.filter((c) => c.kind === 'attribute');
  const surveyName = basename(file, extname(file));
  const existing = prepared.respondents.filter((r) => findParticipantByName(project.db, r.name)).length;
  const result: SurveyImportResult = {
    plan,
    dryRun: Boolean(args.dryRun),
    file,
    participants: { created: prepared.respondents.length - existing, updated: existing },
    documents: prepared.open.length,
    openAnswers: prepared.open.reduce((sum, o) => sum + o.answers.length, 0),
    answers: prepared.answers.length,
    items: items.length,
    dimensions: [...new Set(items.filter((c) => c.kind === 'scale').map((c) => c.dimension!))],
    // The list was read for this import alone: everything it replaced, it replaced in this file.
    replacements: pseudonyms ? replacementsSince(pseudonyms) : [],
  };
  if (args.dryRun) return result;

  // A long call (LONG_CALLS): 10,000 respondents' answers and open answers take seconds; other
  // callers are answered between chunks, the task bar shows the progress, Cancel rolls it all back.
  return project.writeInChunks(
    'surveys/import',
    async () => {
      const importedAt = now();
      const surveyId = newId();
      insertSurvey(project.db, { id: surveyId, name: surveyName, sourceName: file, sourceHash: hash, sheet: table.sheet, importedAt, importedBy: project.coder });
      const participantIds = writeRespondents(project, prepared, attributes);
      const progress = { done: 0, total: prepared.answers.length + prepared.open.length };
      await writeItems(project, prepared, participantIds, surveyId, items, progress);
      await writeOpenAnswers(project, loaded, prepared, participantIds, { surveyName, importedAt }, progress);
      return {
        result,
        summary: `Imported the survey "${surveyName}" (${prepared.respondents.length} respondents, ${items.length} items, ${result.openAnswers} open answers)`,
        detail: { surveyId, sourceName: file, respondents: prepared.respondents.length },
      };
    },
    { kind: 'baseline', tables: IMPORT_TABLES },
  );
}

type Column = Loaded['plan']['columns'][number];

/** Respondents as participants (found by name, else created), with the attribute columns' values; returns their ids. */
function writeRespondents(project: Project, prepared: Prepared, attributes: Column[]): string[] {
  const participantIds = prepared.respondents.map((r) => findParticipantByName(project.db, r.name)?.id ?? insertParticipant(project.db, r.name));
  for (const column of attributes) {
    const attribute = ensureAttribute(project.db, column.header, column.attributeType ?? 'text');
    prepared.respondents.forEach((respondent, r) => {
      const text = cellText(respondent.row[column.index] ?? null);
      if (text !== '') setAttributeValue(project.db, participantIds[r]!, attribute.id, typedAttribute(text, attribute.type));
    });
  }
  return participantIds;
}

/** How far a survey's write is: answers and open answers written, of all. */
interface Progress {
  done: number;
  total: number;
}

/** Answers go in chunks of this many, with a turn for other callers between them (about 0.1 s each). */
const ANSWER_CHUNK = 20_000;

/** Scale and numeric columns as items, with every respondent's answers. */
async function writeItems(project: Project, prepared: Prepared, participantIds: string[], surveyId: string, items: Column[], progress: Progress): Promise<void> {
  const itemIds = new Map<number, string>();
  for (const column of items) {
    const id = newId();
    itemIds.set(column.index, id);
    insertItem(project.db, {
      id,
      surveyId,
      position: column.index,
      header: column.header,
      kind: column.kind as 'scale' | 'numeric',
      dimension: column.kind === 'scale' ? column.dimension! : column.header,
      scale: column.kind === 'scale' ? column.scale! : null,
      reversed: column.kind === 'scale' && Boolean(column.reversed),
    });
  }
  const answers = prepared.answers.map((answer) => ({ itemId: itemIds.get(answer.column.index)!, participantId: participantIds[answer.respondent]!, value: answer.value, raw: answer.raw }));
  answers.sort(answerOrder);
  for (let from = 0; from < answers.length; from += ANSWER_CHUNK) {
    const chunk = answers.slice(from, from + ANSWER_CHUNK);
    // A baseline records no row images: the answers' history triggers would only cost time.
    withoutHistoryTriggers(project.db, 'survey_answers', () => insertAnswersInOrder(project.db, chunk));
    progress.done += chunk.length;
    await checkpoint();
    reportProgress(progress.done, progress.total, '');
  }
}

/** Each respondent's open answers as one questionnaire document, a turn per answer under its question's guide section. */
async function writeOpenAnswers(
  project: Project,
  loaded: Loaded,
  prepared: Prepared,
  participantIds: string[],
  { surveyName, importedAt }: { surveyName: string; importedAt: string },
  progress: Progress,
): Promise<void> {
  const { name: file, hash, plan } = loaded;
  const sections = new Map<number, string>();
  for (const column of plan.columns.filter((c) => c.kind === 'open')) sections.set(column.index, ensureGuideSection(project.db, column.header));
  for (const open of prepared.open) {
    const respondent = prepared.respondents[open.respondent]!;
    const { text, turns } = assembleText(open.answers.map((a) => ({ speaker: null, text: a.text, startMs: null, endMs: null })));
    const documentId = newId();
    insertDocument(project.db, {
      id: documentId,
      name: `${respondent.name} – ${surveyName}`,
      kind: 'questionnaire',
      participantId: participantIds[open.respondent]!,
      text,
      wordCount: countWords(text),
      sourceName: file,
      // Per respondent: the file's hash alone would make every other respondent's document a duplicate.
      sourceHash: createHash('sha256').update(`${hash}\n${respondent.name}`).digest('hex'),
      importer: `survey-${extname(file).slice(1).toLowerCase()}`,
      importedAt,
      importedBy: project.coder,
      turns: turns as Turn[],
    });
    turns.forEach((turn, k) =>
      insertGuideSpan(project.db, {
        id: newId(),
        documentId,
        sectionId: sections.get(open.answers[k]!.column.index)!,
        questionId: null,
        start: turn.start,
        end: turn.end,
        createdBy: project.coder,
        createdAt: importedAt,
      }),
    );
    progress.done++;
    await checkpoint();
    reportProgress(progress.done, progress.total, '');
  }
}
