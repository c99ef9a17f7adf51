import type { ItemNumbering, Numbering, Outline, OutlineChart, OutlineChartFigures, OutlineItem, OutlineItemKind, OutlineSection, OutlineTieKind } from '../../../shared/analysis.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { newId } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Project } from '../project.ts';
import { nextPosition, orderedIds, setScope, writeOrder } from '../repos/analysis-order.ts';
import { existingSegments } from '../repos/analysis-quotes.ts';
import {
  deleteAllOutline,
  deleteItem,
  deleteSection,
  insertItem,
  insertSection,
  itemRow,
  itemRows,
  sectionExists,
  sectionRows,
  tieTargetExists,
  updateItem,
  updateSection,
  type SectionRow,
} from '../repos/analysis-outline.ts';
import { notFound, placeAt, short } from './analysis-order.ts';
import { quotesOf } from './analysis-quotes.ts';
import { listLearningQuestions, listTensions } from './round3.ts';
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
  const charts = items.filter((i) => i.chart);
  return {
    sections: out,
    quotes: Object.fromEntries(quotesOf(db, quoted).map((q) => [q.segmentId, q])),
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

function placeItem(db: Db, sectionId: string, fields: ItemFields, index?: number): string {
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
  if (item.kind === 'quote') throw new DuidingError("A quote's words come from its segment and cannot be edited here.", 'usage', { code: 'quoteReadOnly', params: {} });
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

const TITLES = {
  nl: { questions: 'Leervragen', tensions: 'Spanningsvelden' },
  en: { questions: 'Learning questions', tensions: 'Tensions' },
} as const;

/**
 * A first outline: a "Leervragen" part with a section per learning question (its quotes), then a
 * "Spanningsvelden" part with a section per tension group (groups in the order they first occur)
 * and under it a section per tension with its findings, quotes and implications. Tensions without a
 * group sit directly under the part. One undo step; replaces an existing outline only when asked.
 */
export function generateOutline(project: Project, args: { replace?: boolean; language?: 'nl' | 'en' }): Outline {
  const db = project.db;
  if (sectionRows(db).length > 0 && args.replace !== true) {
    throw new DuidingError('There is already a report outline; generating a new one replaces it (ask with replace).', 'input', { code: 'outlineExists', params: {} });
  }
  const questions = listLearningQuestions(db);
  const tensions = listTensions(db);
  if (questions.length === 0 && tensions.length === 0) {
    throw new DuidingError('There is nothing to build an outline from yet: add learning questions or tensions first.', 'input', { code: 'outlineEmpty', params: {} });
  }
  const titles = TITLES[args.language ?? 'nl'];
  return project.write('outline/generate', () => {
    deleteAllOutline(db);
    const section = (parentId: string | null, title: string, tie: Tie = null, text = '') => {
      const id = newId();
      insertSection(db, { id, parentId, position: nextPosition(db, 'outline_sections', parentId), title, text, rich: null, tie });
      return id;
    };
    if (questions.length > 0) {
      const part = section(null, titles.questions);
      for (const q of questions) {
        const id = section(part, q.question, { kind: 'learning-question', id: q.id });
        for (const segmentId of q.segmentIds) placeItem(db, id, { kind: 'quote', segmentId });
      }
    }
    if (tensions.length > 0) {
      const part = section(null, titles.tensions);
      const groups = new Map<string, string>();
      for (const t of tensions) {
        let parent = part;
        if (t.group) {
          if (!groups.has(t.group)) groups.set(t.group, section(part, t.group));
          parent = groups.get(t.group)!;
        }
        const poles = t.poleA && t.poleB ? `${t.poleA} ↔ ${t.poleB}` : t.poleA || t.poleB;
        const id = section(parent, t.title, { kind: 'tension', id: t.id }, poles);
        for (const text of t.findings) placeItem(db, id, { kind: 'finding', text });
        for (const q of t.quotes) placeItem(db, id, { kind: 'quote', segmentId: q.segmentId });
        for (const text of t.implications) placeItem(db, id, { kind: 'implication', text });
      }
    }
    const outline = readOutline(db);
    return { result: outline, summary: `Generated the report outline (${outline.sections.length} sections)` };
  });
}
