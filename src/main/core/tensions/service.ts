import { TENSION_PARTS, type Tension, type TensionPart, type TensionQuote } from '../../../shared/analysis.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { newId, now } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Project } from '../project.ts';
import { nextPosition, orderedIds, writeOrder } from '../rounds/store-order.ts';
import { existingSegments } from '../rounds/store-quotes.ts';
import { memberRows } from '../rounds/store-members.ts';
import { deleteStatement, deleteTension, insertStatement, insertTension, reportOrderRows, statementRows, tensionRows, updateReportOrder, updateStatement, updateTension } from './store.ts';
import { checkedIds, notFound, placeAt, short } from '../rounds/order.ts';
import { byOwner, checkConcepts, syncMembers } from '../rounds/members.ts';

/** Round 3: tensions between two poles, with quotes on each side, findings and implications; every change one undo step. */

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
