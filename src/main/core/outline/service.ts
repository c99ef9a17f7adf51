import type { ItemNumbering, Numbering, Outline, OutlineChart, OutlineChartFigures, OutlineItem, OutlineItemKind, OutlineSection, OutlineTieKind, QuoteEdit } from '../../../shared/analysis.ts';
import { checkQuoteEdit, quoteEditMessage } from '../../../shared/text/quote-edit.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { newId } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Project } from '../project.ts';
import { nextPosition, orderedIds, setScope, writeOrder } from '../rounds/store-order.ts';
import { existingSegments, quoteRows } from '../rounds/store-quotes.ts';
import {
  deleteItem,
  deleteSection,
  insertItem,
  insertSection,
  itemRow,
  itemRows,
  quoteEditRows,
  sectionExists,
  setQuoteEdit,
  sectionRows,
  tieTargetExists,
  updateItem,
  updateSection,
  type SectionRow,
} from './store.ts';
import { notFound, placeAt, short } from '../rounds/order.ts';
import { quotesOf } from '../rounds/quotes.ts';
import { chartFigures, checkChart } from '../surveys/chart-item.ts';

/** The report outline: an ordered tree of sections, each with ordered items. Every write returns the whole outline. */

type Tie = { kind: OutlineTieKind; id: string } | null;

export function readOutline(db: Db): Outline {
  const sections = sectionRows(db);
  const items = itemRows(db);
  const children = new Map<string | null, SectionRow[]>();
  for (const s of sections) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s]);
  const itemsOf = new Map<string, OutlineItem[]>();
  for (const item of items) itemsOf.set(item.sectionId, [...(itemsOf.get(item.sectionId) ?? []), item]);
  const out: Outline['sections'] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const s of children.get(parentId) ?? []) {
      out.push({ ...s, depth, items: itemsOf.get(s.id) ?? [] });
      walk(s.id, depth + 1);
    }
  };
  walk(null, 0);
  const quoted = items.filter((i) => i.segmentId !== null).map((i) => i.segmentId!);
  const quotes = Object.fromEntries(quotesOf(db, quoted).map((q) => [q.segmentId, q]));
  const segmentOf = new Map(items.map((i) => [i.id, i.segmentId]));
  // Checked again on every read: a correction of the transcript since shows here as a problem, and the edit stays as written.
  const edits = Object.fromEntries(
    quoteEditRows(db).map((e): [string, QuoteEdit] => {
      const quote = quotes[segmentOf.get(e.itemId) ?? ''];
      return [e.itemId, { text: e.text, checkedText: e.checkedText, problem: checkQuoteEdit(e.text, quote?.text ?? '') }];
    }),
  );
  const charts = items.filter((i) => i.chart);
  return {
    sections: out,
    quotes,
    edits,
    ...(charts.length ? { charts: chartFigures(db, charts.map((i) => ({ id: i.id, chart: i.chart! }))) satisfies Record<string, OutlineChartFigures> } : {}),
  };
}

function requireSection(db: Db, id: string): OutlineSection {
  const section = sectionRows(db).find((s) => s.id === id);
  if (!section) throw notFound('outline section', id);
  return { ...section, items: [] };
}

function checkTie(db: Db, tie: Tie | undefined): void {
  if (tie && !tieTargetExists(db, tie)) throw notFound(tie.kind.replace('-', ' '), tie.id);
}

/** The section and every section under it, parents first. */
function subtree(db: Db, id: string): string[] {
  const sections = sectionRows(db);
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const s of sections) if (s.parentId === out[i]) out.push(s.id);
  return out;
}

export function addSection(project: Project, args: { parentId: string | null; index?: number; title: string; tie?: Tie }): Outline {
  const db = project.db;
  if (args.parentId && !sectionExists(db, args.parentId)) throw notFound('outline section', args.parentId);
  checkTie(db, args.tie);
  return project.write('outline/addSection', () => {
    const id = newId();
    const title = args.title.trim().normalize('NFC');
    insertSection(db, { id, parentId: args.parentId, position: nextPosition(db, 'outline_sections', args.parentId), title, text: '', rich: null, tie: args.tie ?? null });
    if (args.index !== undefined) writeOrder(db, 'outline_sections', placeAt(orderedIds(db, 'outline_sections', args.parentId), id, args.index));
    return { result: readOutline(db), summary: `Added report section “${short(title)}”` };
  });
}

export function changeSection(
  project: Project,
  args: { id: string; title?: string; text?: string; rich?: string | null; tie?: Tie; numbering?: Numbering | null; itemNumbering?: ItemNumbering | null },
): Outline {
  const db = project.db;
  const before = requireSection(db, args.id);
  checkTie(db, args.tie);
  return project.write('outline/updateSection', () => {
    updateSection(db, {
      id: args.id,
      title: args.title?.trim().normalize('NFC') ?? before.title,
      text: args.text?.normalize('NFC') ?? before.text,
      rich: args.rich === undefined ? before.rich : args.rich,
      tie: args.tie === undefined ? before.tie : args.tie,
      numbering: args.numbering === undefined ? before.numbering : args.numbering,
      itemNumbering: args.itemNumbering === undefined ? before.itemNumbering : args.itemNumbering,
    });
    return { result: readOutline(db), summary: `Changed report section “${short(args.title ?? before.title)}”` };
  });
}

export function moveSection(project: Project, args: { id: string; parentId: string | null; index: number }): Outline {
  const db = project.db;
  const section = requireSection(db, args.id);
  if (args.parentId !== null) {
    if (!sectionExists(db, args.parentId)) throw notFound('outline section', args.parentId);
    if (subtree(db, args.id).includes(args.parentId)) {
      throw new DuidingError(`The section “${section.title}” cannot go under itself or one of its own sub-sections.`, 'usage', { code: 'sectionCycle', params: { title: section.title } });
    }
  }
  return project.write('outline/moveSection', () => {
    setScope(db, 'outline_sections', args.id, args.parentId);
    if (section.parentId !== args.parentId) writeOrder(db, 'outline_sections', orderedIds(db, 'outline_sections', section.parentId));
    writeOrder(db, 'outline_sections', placeAt(orderedIds(db, 'outline_sections', args.parentId), args.id, args.index));
    return { result: readOutline(db), summary: `Moved report section “${short(section.title)}”` };
  });
}

/** Deletes a section with its sub-sections and their items; each row is deleted explicitly (children first), so each is recorded for undo. */
export function removeSection(project: Project, id: string): Outline {
  const db = project.db;
  const section = requireSection(db, id);
  const ids = subtree(db, id);
  return project.write('outline/deleteSection', () => {
    const inside = new Set(ids);
    for (const item of itemRows(db)) if (inside.has(item.sectionId)) deleteItem(db, item.id);
    for (const sectionId of [...ids].reverse()) deleteSection(db, sectionId);
    return { result: readOutline(db), summary: `Deleted report section “${short(section.title)}”${ids.length > 1 ? ` and ${ids.length - 1} sub-section(s)` : ''}` };
  });
}

interface ItemFields {
  kind: OutlineItemKind;
  segmentId?: string;
  text?: string;
  title?: string;
  rich?: string | null;
  chart?: OutlineChart;
}

function checkItem(db: Db, fields: ItemFields): { segmentId: string | null; text: string; title: string; rich: string | null; chart?: OutlineChart } {
  if (fields.kind === 'chart') {
    if (!fields.chart) throw new DuidingError('A chart item needs its chart: the dimensions or numeric questions it shows (chart.rows).', 'usage', { code: 'chartNeedsRows', params: {} });
    if (fields.segmentId || fields.text?.trim() || fields.title?.trim() || fields.rich) {
      throw new DuidingError('A chart item shows its chart alone; put text in a paragraph beside it.', 'usage', { code: 'chartAlone', params: {} });
    }
    return { segmentId: null, text: '', title: '', rich: null, chart: checkChart(db, fields.chart) };
  }
  if (fields.chart) throw new DuidingError(`A ${fields.kind} item has no chart; add a chart item instead.`, 'usage', { code: 'itemNoChart', params: { kind: fields.kind } });
  if (fields.kind === 'quote') {
    if (!fields.segmentId) throw new DuidingError('A quote item needs the segment it quotes (segmentId).', 'usage', { code: 'quoteNeedsSegment', params: {} });
    if (existingSegments(db, [fields.segmentId]).size === 0) throw notFound('segment', fields.segmentId);
    return { segmentId: fields.segmentId, text: '', title: '', rich: null };
  }
  if (fields.segmentId) throw new DuidingError(`A ${fields.kind} item has text, not a segment; make it a quote item instead.`, 'usage', { code: 'itemNoSegment', params: { kind: fields.kind } });
  const text = fields.text?.trim().normalize('NFC') ?? '';
  const title = fields.title?.trim().normalize('NFC') ?? '';
  if (title && fields.kind !== 'finding') {
    throw new DuidingError(`Only a finding has a title; a ${fields.kind} item has its text alone.`, 'usage', { code: 'itemNoTitle', params: { kind: fields.kind } });
  }
  // A titled finding may be its bold title alone, as a bullet heading the paragraphs after it.
  if (!text && !title && !(fields.kind === 'paragraph' && fields.rich)) {
    throw new DuidingError(`A ${fields.kind} item needs its text.`, 'usage', { code: 'itemNeedsText', params: { kind: fields.kind } });
  }
  return { segmentId: null, text, title, rich: fields.kind === 'paragraph' ? (fields.rich ?? null) : null };
}

export function placeItem(db: Db, sectionId: string, fields: ItemFields, index?: number): string {
  const checked = checkItem(db, fields);
  const id = newId();
  insertItem(db, { id, sectionId, kind: fields.kind, position: nextPosition(db, 'outline_items', sectionId), ...checked });
  if (index !== undefined) writeOrder(db, 'outline_items', placeAt(orderedIds(db, 'outline_items', sectionId), id, index));
  return id;
}

export function addItem(project: Project, args: ItemFields & { sectionId: string; index?: number }): Outline {
  const db = project.db;
  const section = requireSection(db, args.sectionId);
  checkItem(db, args);
  return project.write('outline/addItem', () => {
    placeItem(db, section.id, args, args.index);
    return { result: readOutline(db), summary: `Added a ${args.kind} to “${short(section.title)}”` };
  });
}

function requireItem(db: Db, id: string): OutlineItem {
  const item = itemRow(db, id);
  if (!item) throw notFound('outline item', id);
  return item;
}

export function changeItem(project: Project, args: { id: string; text?: string; title?: string; rich?: string | null; chart?: OutlineChart }): Outline {
  const db = project.db;
  const item = requireItem(db, args.id);
  if (item.kind === 'quote') throw new DuidingError("A quote's words come from its segment; its edited form is set with outline/editQuote.", 'usage', { code: 'quoteReadOnly', params: {} });
  const checked =
    item.kind === 'chart'
      ? checkItem(db, { kind: 'chart', chart: args.chart ?? item.chart!, text: args.text, title: args.title, rich: args.rich ?? undefined })
      : checkItem(db, { kind: item.kind, text: args.text ?? item.text, title: args.title ?? item.title, rich: args.rich === undefined ? item.rich : args.rich, chart: args.chart });
  return project.write('outline/updateItem', () => {
    updateItem(db, item.id, checked);
    return { result: readOutline(db), summary: `Changed a ${item.kind} in the report` };
  });
}

export function moveItem(project: Project, args: { id: string; sectionId: string; index: number }): Outline {
  const db = project.db;
  const item = requireItem(db, args.id);
  const target = requireSection(db, args.sectionId);
  return project.write('outline/moveItem', () => {
    setScope(db, 'outline_items', item.id, target.id);
    if (item.sectionId !== target.id) writeOrder(db, 'outline_items', orderedIds(db, 'outline_items', item.sectionId));
    writeOrder(db, 'outline_items', placeAt(orderedIds(db, 'outline_items', target.id), item.id, args.index));
    return { result: readOutline(db), summary: `Moved a ${item.kind} to “${short(target.title)}”` };
  });
}

export function removeItem(project: Project, id: string): Outline {
  const db = project.db;
  const item = requireItem(db, id);
  return project.write('outline/deleteItem', () => {
    deleteItem(db, id);
    return { result: readOutline(db), summary: `Deleted a ${item.kind} from the report` };
  });
}

/**
 * Sets a quote's edited form (issue 29), or with no text takes it away. The form is checked against
 * the segment's words now: every word outside the square brackets and the "(…)"/"[…]" marks must be
 * the passage's, in order; a refusal names the first word that does not fit and writes nothing.
 */
export function editQuote(project: Project, args: { id: string; text: string | null }): Outline {
  const db = project.db;
  const item = requireItem(db, args.id);
  if (item.kind !== 'quote') throw new DuidingError(`Only a quote has an edited form; a ${item.kind} item is edited as it is.`, 'usage', { code: 'editNotQuote', params: { kind: item.kind } });
  const verbatim = quoteRows(db, [item.segmentId!])[0]?.text ?? '';
  const text = args.text?.normalize('NFC').trim() ?? '';
  // The passage itself, unchanged, is no edit: the quote prints verbatim.
  const edit = text === '' || text === verbatim.normalize('NFC').trim() ? null : text;
  if (edit !== null) {
    const problem = checkQuoteEdit(edit, verbatim);
    if (problem) throw new DuidingError(quoteEditMessage(problem), 'input', { code: problem.code, params: Object.fromEntries(Object.entries(problem).map(([k, v]) => [k, v ?? ''])) });
  }
  return project.write('outline/editQuote', () => {
    setQuoteEdit(db, item.id, edit === null ? null : { text: edit, checkedText: verbatim });
    return { result: readOutline(db), summary: edit === null ? 'Set a report quote back to its verbatim text' : 'Edited a report quote' };
  });
}
