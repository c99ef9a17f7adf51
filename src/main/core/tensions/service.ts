import { TENSION_PARTS, type LearningQuestion, type LearningQuestionKind, type Tension, type TensionPart, type TensionQuote } from '../../../shared/analysis.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { newId, now } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Project } from '../project.ts';
import { existingConcepts } from '../concepts/store.ts';
import { nextPosition, orderedIds, writeOrder } from '../rounds/store-order.ts';
import { existingSegments, quoteRows } from '../rounds/store-quotes.ts';
import {
  deleteLearningQuestion,
  deleteMember,
  deleteStatement,
  deleteTension,
  insertLearningQuestion,
  insertMember,
  insertStatement,
  insertTension,
  learningQuestionRows,
  memberRows,
  reportOrderRows,
  statementRows,
  tensionRows,
  updateLearningQuestion,
  updateMember,
  updateReportOrder,
  updateStatement,
  updateTension,
  type MemberList,
  type MemberRow,
} from './store.ts';
import { checkedIds, notFound, placeAt, short } from '../rounds/order.ts';

/** Round 3: learning questions (explicit or implicit) and tensions, each tied to concepts and quotes. */

function byOwner(rows: MemberRow[]): Map<string, MemberRow[]> {
  const map = new Map<string, MemberRow[]>();
  for (const row of rows) map.set(row.ownerId, [...(map.get(row.ownerId) ?? []), row]);
  return map;
}

/**
 * Makes an owner's list exactly `wanted`, in that order. Rows of members that stay are kept (and
 * only renumbered), so that undo and the change log see what really changed.
 */
function syncMembers(db: Db, list: MemberList, ownerId: string, wanted: Array<{ memberId: string; pole?: number | null }>): void {
  const current = new Map(memberRows(db, list, ownerId).map((r) => [r.memberId, r]));
  const keep = new Set(wanted.map((w) => w.memberId));
  for (const row of current.values()) if (!keep.has(row.memberId)) deleteMember(db, list, row.id);
  wanted.forEach((w, position) => {
    const row = current.get(w.memberId);
    if (row) updateMember(db, list, row.id, position, w.pole ?? null);
    else insertMember(db, list, { id: newId(), ownerId, memberId: w.memberId, position, pole: w.pole ?? null });
  });
}

function checkConcepts(db: Db, ids: string[] | undefined): string[] | undefined {
  return ids && checkedIds(ids, existingConcepts(db, ids), 'concept');
}

function checkSegments(db: Db, ids: string[] | undefined): string[] | undefined {
  return ids && checkedIds(ids, existingSegments(db, ids), 'segment');
}

// Learning questions

export function listLearningQuestions(db: Db, only: string | null = null): LearningQuestion[] {
  const concepts = byOwner(memberRows(db, 'lqConcepts', only));
  const segments = byOwner(memberRows(db, 'lqSegments', only));
  return learningQuestionRows(db, only).map((row) => ({
    ...row,
    conceptIds: (concepts.get(row.id) ?? []).map((m) => m.memberId),
    segmentIds: (segments.get(row.id) ?? []).map((m) => m.memberId),
  }));
}

function getLearningQuestion(db: Db, id: string): LearningQuestion {
  const found = listLearningQuestions(db, id)[0];
  if (!found) throw notFound('learning question', id);
  return found;
}

interface LearningQuestionFields {
  question: string;
  kind: LearningQuestionKind;
  level?: string;
  conceptIds?: string[];
  segmentIds?: string[];
  memo?: string;
  sourceSegmentId?: string | null;
}

function insertQuestion(project: Project, action: string, fields: LearningQuestionFields): LearningQuestion {
  const db = project.db;
  const conceptIds = checkConcepts(db, fields.conceptIds) ?? [];
  const segmentIds = checkSegments(db, fields.segmentIds) ?? [];
  return project.write(action, () => {
    const id = newId();
    const question = fields.question.trim().normalize('NFC');
    insertLearningQuestion(db, {
      id,
      question,
      kind: fields.kind,
      level: fields.level?.trim().normalize('NFC') ?? '',
      position: nextPosition(db, 'learning_questions'),
      sourceSegmentId: fields.sourceSegmentId ?? null,
      memo: fields.memo?.normalize('NFC') ?? '',
      createdBy: project.coder,
      createdAt: now(),
    });
    syncMembers(db, 'lqConcepts', id, conceptIds.map((memberId) => ({ memberId })));
    syncMembers(db, 'lqSegments', id, segmentIds.map((memberId) => ({ memberId })));
    return { result: getLearningQuestion(db, id), summary: `Added ${fields.kind} learning question “${short(question)}”` };
  });
}

export function createLearningQuestion(project: Project, fields: Omit<LearningQuestionFields, 'sourceSegmentId'>): LearningQuestion {
  return insertQuestion(project, 'learningQuestions/create', fields);
}

/** An explicit learning question a participant asks in a segment: the segment's words unless a question is given. */
export function learningQuestionFromSegment(project: Project, args: { segmentId: string; question?: string; level?: string }): LearningQuestion {
  const segment = quoteRows(project.db, [args.segmentId])[0];
  if (!segment) throw notFound('segment', args.segmentId);
  const question = args.question ?? segment.text.replace(/\s+/g, ' ').trim().slice(0, 2000);
  return insertQuestion(project, 'learningQuestions/fromSegment', {
    question,
    kind: 'explicit',
    level: args.level,
    segmentIds: [segment.segmentId],
    sourceSegmentId: segment.segmentId,
  });
}

export function changeLearningQuestion(
  project: Project,
  id: string,
  patch: Partial<Omit<LearningQuestionFields, 'sourceSegmentId'>>,
): LearningQuestion {
  const db = project.db;
  const before = getLearningQuestion(db, id);
  const conceptIds = checkConcepts(db, patch.conceptIds);
  const segmentIds = checkSegments(db, patch.segmentIds);
  return project.write('learningQuestions/update', () => {
    updateLearningQuestion(db, id, {
      question: patch.question?.trim().normalize('NFC') ?? before.question,
      kind: patch.kind ?? before.kind,
      level: patch.level?.trim().normalize('NFC') ?? before.level,
      memo: patch.memo?.normalize('NFC') ?? before.memo,
    });
    if (conceptIds) syncMembers(db, 'lqConcepts', id, conceptIds.map((memberId) => ({ memberId })));
    if (segmentIds) syncMembers(db, 'lqSegments', id, segmentIds.map((memberId) => ({ memberId })));
    const after = getLearningQuestion(db, id);
    return { result: after, summary: `Changed learning question “${short(after.question)}”` };
  });
}

export function moveLearningQuestion(project: Project, id: string, index: number): LearningQuestion {
  const question = getLearningQuestion(project.db, id);
  return project.write('learningQuestions/move', () => {
    writeOrder(project.db, 'learning_questions', placeAt(orderedIds(project.db, 'learning_questions'), id, index));
    return { result: getLearningQuestion(project.db, id), summary: `Moved learning question “${short(question.question)}” to place ${index + 1}` };
  });
}

export function removeLearningQuestion(project: Project, id: string): null {
  const question = getLearningQuestion(project.db, id);
  return project.write('learningQuestions/delete', () => {
    deleteLearningQuestion(project.db, id);
    return { result: null, summary: `Deleted learning question “${short(question.question)}”` };
  });
}

// Tensions

export function listTensions(db: Db, only: string | null = null): Tension[] {
  const concepts = byOwner(memberRows(db, 'tensionConcepts', only));
  const quotes = byOwner(memberRows(db, 'tensionQuotes', only));
  const statements = new Map<string, { findings: string[]; implications: string[] }>();
  for (const s of statementRows(db, only)) {
    const entry = statements.get(s.tensionId) ?? { findings: [], implications: [] };
    (s.kind === 'finding' ? entry.findings : entry.implications).push(s.text);
    statements.set(s.tensionId, entry);
  }
  const orders = reportOrderRows(db, only);
  return tensionRows(db, only).map((row) => ({
    ...row,
    findings: statements.get(row.id)?.findings ?? [],
    implications: statements.get(row.id)?.implications ?? [],
    reportOrder: parseReportOrder(orders.get(row.id) ?? null),
    quotes: (quotes.get(row.id) ?? []).map((m) => ({ segmentId: m.memberId, pole: m.pole as TensionQuote['pole'] })),
    conceptIds: (concepts.get(row.id) ?? []).map((m) => m.memberId),
  }));
}

function getTension(db: Db, id: string): Tension {
  const found = listTensions(db, id)[0];
  if (!found) throw notFound('tension', id);
  return found;
}

/** Makes a tension's findings or implications exactly `texts`; statements that stay keep their rows. */
function syncStatements(db: Db, tensionId: string, kind: 'finding' | 'implication', texts: string[]): void {
  const current = statementRows(db, tensionId).filter((s) => s.kind === kind);
  const unused = new Set(current.map((s) => s.id));
  const matched = texts.map((text) => {
    const row = current.find((s) => unused.has(s.id) && s.text === text);
    if (row) unused.delete(row.id);
    return row;
  });
  for (const id of unused) deleteStatement(db, id);
  texts.forEach((text, position) => {
    const row = matched[position];
    if (row) updateStatement(db, row.id, position, text);
    else insertStatement(db, { id: newId(), tensionId, kind, position, text });
  });
}

const DEFAULT_ORDER: TensionPart[] = ['finding', 'quote', 'implication'];

function parseReportOrder(json: string | null): TensionPart[] {
  return json ? (JSON.parse(json) as TensionPart[]) : [...DEFAULT_ORDER];
}

/** The order as stored: null for the default, so that an untouched tension stays as it was. */
function storedReportOrder(order: TensionPart[]): string | null {
  if (order.length !== 3 || new Set(order).size !== 3 || !order.every((part) => (TENSION_PARTS as readonly string[]).includes(part))) {
    throw new DuidingError(`A tension's report order names each of finding, quote and implication once; got ${order.join(', ') || 'nothing'}.`, 'usage', {
      code: 'reportOrder',
      params: { order: order.join(', ') },
    });
  }
  return order.join() === DEFAULT_ORDER.join() ? null : JSON.stringify(order);
}

interface TensionFields {
  title: string;
  poleA: string;
  poleB: string;
  group?: string;
  findings?: string[];
  implications?: string[];
  quotes?: Array<{ segmentId: string; pole?: 1 | 2 | null }>;
  conceptIds?: string[];
  memo?: string;
  reportOrder?: TensionPart[];
}

const clean = (lines: string[] | undefined) => lines?.map((l) => l.trim().normalize('NFC')).filter((l) => l.length > 0);
// Implications are shown and exported as "--> …"; an arrow typed in by hand is not doubled.
const withoutArrow = (lines: string[] | undefined) => clean(lines?.map((l) => l.trim().replace(/^(-+>|→)\s*/u, '')));

function checkQuotes(db: Db, quotes: TensionFields['quotes']): TensionFields['quotes'] {
  if (!quotes) return undefined;
  const ids = checkedIds(quotes.map((q) => q.segmentId), existingSegments(db, quotes.map((q) => q.segmentId)), 'segment');
  // A segment quoted twice keeps its first pole.
  return ids.map((segmentId) => quotes.find((q) => q.segmentId === segmentId)!);
}

function writeTensionLists(db: Db, id: string, fields: Partial<TensionFields>): void {
  const findings = clean(fields.findings);
  const implications = withoutArrow(fields.implications);
  if (findings) syncStatements(db, id, 'finding', findings);
  if (implications) syncStatements(db, id, 'implication', implications);
  if (fields.quotes) syncMembers(db, 'tensionQuotes', id, fields.quotes.map((q) => ({ memberId: q.segmentId, pole: q.pole ?? null })));
  if (fields.conceptIds) syncMembers(db, 'tensionConcepts', id, fields.conceptIds.map((memberId) => ({ memberId })));
  if (fields.reportOrder) updateReportOrder(db, id, storedReportOrder(fields.reportOrder));
}

export function createTension(project: Project, fields: TensionFields): Tension {
  const db = project.db;
  const checked = { ...fields, quotes: checkQuotes(db, fields.quotes), conceptIds: checkConcepts(db, fields.conceptIds) };
  if (fields.reportOrder) storedReportOrder(fields.reportOrder);
  return project.write('tensions/create', () => {
    const id = newId();
    const title = fields.title.trim().normalize('NFC');
    insertTension(db, {
      id,
      title,
      poleA: fields.poleA.trim().normalize('NFC'),
      poleB: fields.poleB.trim().normalize('NFC'),
      group: fields.group?.trim().normalize('NFC') ?? '',
      position: nextPosition(db, 'tensions'),
      memo: fields.memo?.normalize('NFC') ?? '',
      createdBy: project.coder,
      createdAt: now(),
    });
    writeTensionLists(db, id, checked);
    return { result: getTension(db, id), summary: `Added tension “${short(title)}”` };
  });
}

export function changeTension(project: Project, id: string, patch: Partial<TensionFields>): Tension {
  const db = project.db;
  const before = getTension(db, id);
  const checked = { ...patch, quotes: checkQuotes(db, patch.quotes), conceptIds: checkConcepts(db, patch.conceptIds) };
  if (patch.reportOrder) storedReportOrder(patch.reportOrder);
  return project.write('tensions/update', () => {
    updateTension(db, id, {
      title: patch.title?.trim().normalize('NFC') ?? before.title,
      poleA: patch.poleA?.trim().normalize('NFC') ?? before.poleA,
      poleB: patch.poleB?.trim().normalize('NFC') ?? before.poleB,
      group: patch.group?.trim().normalize('NFC') ?? before.group,
      memo: patch.memo?.normalize('NFC') ?? before.memo,
    });
    writeTensionLists(db, id, checked);
    const after = getTension(db, id);
    return { result: after, summary: `Changed tension “${short(after.title)}”` };
  });
}

export function moveTension(project: Project, id: string, index: number): Tension {
  const tension = getTension(project.db, id);
  return project.write('tensions/move', () => {
    writeOrder(project.db, 'tensions', placeAt(orderedIds(project.db, 'tensions'), id, index));
    return { result: getTension(project.db, id), summary: `Moved tension “${short(tension.title)}” to place ${index + 1}` };
  });
}

export function removeTension(project: Project, id: string): null {
  const tension = getTension(project.db, id);
  return project.write('tensions/delete', () => {
    deleteTension(project.db, id);
    return { result: null, summary: `Deleted tension “${short(tension.title)}”` };
  });
}
