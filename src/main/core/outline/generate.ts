/**
 * "Generate" (issue 29): an outline shaped the way the study's appendix is written — each learning
 * question a top-level theme with its quotes; one tensions section holding the groups of tensions
 * (numbered by group) and under each group its tensions, each with its findings, quotes and
 * implications in the order the researcher set on the tension. Nothing is hidden: every generated
 * word is an item or a title the editor shows.
 *
 * Generating again, with an outline there, is a merge: the plan lists what the outline lacks (a
 * question, a group, a tension, a finding, a quote…), the researcher sees it and may leave things
 * out, and applying it adds those and changes nothing of theirs — an edited, moved or deleted item
 * stays so (a deleted one is offered again, and can be left out again).
 */
import type { Numbering, Outline, OutlineAddition, OutlineItemKind, OutlinePlan, TensionPart } from '../../../shared/analysis.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { newId } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Project } from '../project.ts';
import { nextPosition, orderedIds, writeOrder } from '../rounds/store-order.ts';
import { deleteAllOutline, insertOrigin, insertSection, itemRows, originRows, sectionRows, updateSection, type SectionRow } from './store.ts';
import { statementRows } from '../tensions/store.ts';
import { placeAt } from '../rounds/order.ts';
import { quotesOf } from '../rounds/quotes.ts';
import { placeItem, readOutline } from './service.ts';
import { listLearningQuestions } from '../learning-questions/service.ts';
import { listTensions } from '../tensions/service.ts';

const TENSIONS_TITLE = { nl: 'Spanningsvelden', en: 'Tensions' } as const;

/** Where a new section or item goes: an existing section, a section this plan adds (by its key), or the top. */
type Place = { existing: string } | { added: string } | { top: true };

interface SectionStep {
  key: string;
  kind: 'section';
  title: string;
  parent: Place;
  tie: SectionRow['tie'];
  origin: string | null;
  numbering: Numbering | null;
  /** A learning question's section goes after the other questions' (they come first in the report). */
  question: boolean;
  path: string[];
}

interface ItemStep {
  key: string;
  kind: Exclude<OutlineItemKind, 'paragraph'>;
  section: Place;
  segmentId: string | null;
  text: string;
  origin: string | null;
  /** The tension's order of kinds, for where an item goes among the ones already there. */
  order: readonly TensionPart[];
  path: string[];
}

type Step = SectionStep | ItemStep;

const fold = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('nl');

/** The outline as it is now, and the ways the steps look into it. */
function outlineNow(db: Db) {
  const sections = sectionRows(db);
  const items = itemRows(db);
  const origins = originRows(db);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const sectionOrigin = new Map(origins.filter((o) => o.sectionId).map((o) => [o.origin, o.sectionId!]));
  const itemOrigins = new Set(origins.filter((o) => o.itemId).map((o) => o.origin));
  const tiedTo = (kind: 'learning-question' | 'tension', id: string) => sections.find((s) => s.tie?.kind === kind && s.tie.id === id);
  const top = (id: string): SectionRow => {
    let s = byId.get(id)!;
    while (s.parentId !== null) s = byId.get(s.parentId)!;
    return s;
  };
  /** The section and everything under it. */
  const subtree = (id: string): Set<string> => {
    const out = new Set([id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of sections) {
        if (s.parentId !== null && out.has(s.parentId) && !out.has(s.id)) {
          out.add(s.id);
          grew = true;
        }
      }
    }
    return out;
  };
  const itemsUnder = (id: string) => {
    const inside = subtree(id);
    return items.filter((i) => inside.has(i.sectionId));
  };
  return { sections, byId, sectionOrigin, itemOrigins, tiedTo, top, itemsUnder };
}

type OutlineNow = ReturnType<typeof outlineNow>;

/** The steps being collected: a section added is a place later steps can go into. */
function stepList(now: OutlineNow) {
  const titleOf = (place: Place, added: Map<string, SectionStep>): string[] => {
    if ('top' in place) return [];
    if ('added' in place) return added.get(place.added)!.path;
    const out: string[] = [];
    for (let s = now.byId.get(place.existing); s; s = s.parentId ? now.byId.get(s.parentId) : undefined) out.unshift(s.title);
    return out;
  };
  const out: Step[] = [];
  const added = new Map<string, SectionStep>();
  const addSection = (step: Omit<SectionStep, 'kind' | 'path'>): Place => {
    const full: SectionStep = { ...step, kind: 'section', path: [...titleOf(step.parent, added), step.title] };
    added.set(full.key, full);
    out.push(full);
    return { added: full.key };
  };
  const addItem = (step: Omit<ItemStep, 'path'>) => out.push({ ...step, path: titleOf(step.section, added) });
  return { out, addSection, addItem };
}

type StepList = ReturnType<typeof stepList>;

/** Everything generating would add to the outline as it is now (all of it, for an empty outline). */
function steps(db: Db, language: 'nl' | 'en'): { mode: OutlinePlan['mode']; steps: Step[] } {
  const now = outlineNow(db);
  const mode = now.sections.length ? 'merge' : 'new';
  const list = stepList(now);
  learningQuestionSteps(db, now, list);
  tensionSteps(db, language, now, list);
  return { mode, steps: list.out };
}

/** A section per learning question, with its quotes. */
function learningQuestionSteps(db: Db, { tiedTo, itemsUnder }: OutlineNow, { addSection, addItem }: StepList): void {
  for (const q of listLearningQuestions(db)) {
    const key = `question:${q.id}`;
    const found = tiedTo('learning-question', q.id);
    const place = found ? { existing: found.id } : addSection({ key, title: q.question, parent: { top: true }, tie: { kind: 'learning-question', id: q.id }, origin: null, numbering: null, question: true });
    const there = new Set(found ? itemsUnder(found.id).flatMap((i) => (i.segmentId ? [i.segmentId] : [])) : []);
    for (const segmentId of q.segmentIds) {
      if (!there.has(segmentId)) addItem({ key: `${key}/quote:${segmentId}`, kind: 'quote', section: place, segmentId, text: '', origin: null, order: ['quote'] });
    }
  }
}

/** A part for the tensions, a section per group, and a section per tension with its quotes and statements. */
function tensionSteps(db: Db, language: 'nl' | 'en', now: OutlineNow, list: StepList): void {
  const { sections, byId, sectionOrigin, itemOrigins, tiedTo, top, itemsUnder } = now;
  const { addSection, addItem } = list;
  const tensions = listTensions(db);
  if (!tensions.length) return;
  const firstTied = tensions.map((t) => tiedTo('tension', t.id)).find((s) => s !== undefined);
  const titles = new Set(Object.values(TENSIONS_TITLE).map(fold));
  const partId =
    sectionOrigin.get('tensions') ?? (firstTied ? top(firstTied.id).id : sections.find((s) => s.parentId === null && titles.has(fold(s.title)))?.id);
  const everyGrouped = tensions.every((t) => t.group !== '');
  const part: Place = partId
    ? { existing: partId }
    : addSection({ key: 'tensions', title: TENSIONS_TITLE[language], parent: { top: true }, tie: null, origin: 'tensions', numbering: everyGrouped ? '1)' : null, question: false });
  const statements = statementRows(db);
  const groups = new Map<string, Place>();
  const groupOf = (name: string): Place => {
    if (groups.has(name)) return groups.get(name)!;
    const origin = `group:${name}`;
    const members = tensions.filter((t) => t.group === name).map((t) => tiedTo('tension', t.id));
    const parentOfMember = members.map((s) => s?.parentId).find((id): id is string => Boolean(id) && byId.get(id!)?.tie === null && id !== partId);
    const existing =
      sectionOrigin.get(origin) ?? parentOfMember ?? (partId ? sections.find((s) => s.parentId === partId && s.tie === null && fold(s.title) === fold(name))?.id : undefined);
    const place = existing ? { existing } : addSection({ key: origin, title: name, parent: part, tie: null, origin, numbering: null, question: false });
    groups.set(name, place);
    return place;
  };
  for (const t of tensions) {
    const key = `tension:${t.id}`;
    const found = tiedTo('tension', t.id);
    const place = found ? { existing: found.id } : addSection({ key, title: t.title, parent: t.group ? groupOf(t.group) : part, tie: { kind: 'tension', id: t.id }, origin: null, numbering: null, question: false });
    const inside = found ? itemsUnder(found.id) : [];
    const quoted = new Set(inside.flatMap((i) => (i.segmentId ? [i.segmentId] : [])));
    const own = statements.filter((s) => s.tensionId === t.id);
    for (const kind of t.reportOrder) {
      if (kind === 'quote') {
        for (const q of t.quotes) {
          if (!quoted.has(q.segmentId)) addItem({ key: `${key}/quote:${q.segmentId}`, kind: 'quote', section: place, segmentId: q.segmentId, text: '', origin: null, order: t.reportOrder });
        }
        continue;
      }
      for (const s of own.filter((x) => x.kind === kind)) {
        const origin = `statement:${s.id}`;
        // Already there: generated from this statement (edited since or not), or the same words (an outline from before origins were kept).
        if (itemOrigins.has(origin) || inside.some((i) => i.kind === kind && fold(i.text) === fold(s.text))) continue;
        addItem({ key: `${key}/${origin}`, kind, section: place, segmentId: null, text: s.text, origin, order: t.reportOrder });
      }
    }
  }
}

/** What generating would do now: the plan the page shows before anything is written. */
export function planOutline(db: Db, args: { language?: 'nl' | 'en' }): OutlinePlan {
  const { mode, steps: all } = steps(db, args.language ?? 'nl');
  const quotes = new Map(quotesOf(db, all.flatMap((s) => (s.kind === 'quote' && s.segmentId ? [s.segmentId] : []))).map((q) => [q.segmentId, q]));
  const additions: OutlineAddition[] = all.map((step) =>
    step.kind === 'section'
      ? { key: step.key, kind: 'section', text: step.title, path: step.path.slice(0, -1) }
      : { key: step.key, kind: step.kind, text: step.kind === 'quote' ? (quotes.get(step.segmentId!)?.text ?? '') : step.text, path: step.path, ...(step.segmentId ? { segmentId: step.segmentId } : {}) },
  );
  const kept = mode === 'new' ? { sections: 0, items: 0 } : { sections: sectionRows(db).length, items: itemRows(db).length };
  return { mode, additions, kept };
}

/**
 * Where a new item goes among a section's items: after the last of its kind; else after the last of
 * the kinds the tension puts before it; else before the first of those it puts after it; else last.
 */
function itemIndex(db: Db, sectionId: string, kind: ItemStep['kind'], order: readonly TensionPart[]): number {
  const current = itemRows(db).filter((i) => i.sectionId === sectionId);
  const lastOf = (kinds: readonly string[]) => current.map((i) => kinds.includes(i.kind)).lastIndexOf(true);
  const same = lastOf([kind]);
  if (same >= 0) return same + 1;
  const at = order.indexOf(kind as TensionPart);
  const before = lastOf(order.slice(0, Math.max(at, 0)));
  if (before >= 0) return before + 1;
  const after = current.findIndex((i) => order.slice(at + 1).includes(i.kind as TensionPart));
  return after >= 0 ? after : current.length;
}

/**
 * Generates the outline: new when there is none (or `replace`), merged into the researcher's when
 * `merge`; refused when there is one and neither is asked. `skip` names additions of the plan to
 * leave out (a section left out takes what would go into it along). One undo step.
 */
export function generateOutline(project: Project, args: { replace?: boolean; merge?: boolean; skip?: string[]; language?: 'nl' | 'en' }): Outline {
  const db = project.db;
  const language = args.language ?? 'nl';
  if (args.replace && args.merge) throw new DuidingError('Generate either replaces the outline or merges into it, not both.', 'usage', { code: 'outlineReplaceOrMerge', params: {} });
  if (sectionRows(db).length > 0 && !args.replace && !args.merge) {
    throw new DuidingError('There is already a report outline; generate again with merge (adds what it lacks, keeps your edits) or replace.', 'input', { code: 'outlineExists', params: {} });
  }
  if (listLearningQuestions(db).length === 0 && listTensions(db).length === 0) {
    throw new DuidingError('There is nothing to build an outline from yet: add learning questions or tensions first.', 'input', { code: 'outlineEmpty', params: {} });
  }
  const skip = new Set(args.skip ?? []);
  return project.write('outline/generate', () => {
    if (args.replace) deleteAllOutline(db);
    const plan = steps(db, language).steps;
    const ids = new Map<string, string>();
    const resolve = (place: Place): string | null | undefined => ('top' in place ? null : 'existing' in place ? place.existing : ids.get(place.added));
    let added = 0;
    for (const step of plan) {
      if (skip.has(step.key)) continue;
      const where = resolve(step.kind === 'section' ? step.parent : step.section);
      // Its section was left out: so is what would have gone into it.
      if (where === undefined) continue;
      added++;
      if (step.kind === 'section') {
        const id = newId();
        insertSection(db, { id, parentId: where, position: nextPosition(db, 'outline_sections', where), title: step.title, text: '', rich: null, tie: step.tie });
        if (step.numbering) updateSection(db, { id, title: step.title, text: '', rich: null, tie: step.tie, numbering: step.numbering, itemNumbering: null });
        if (step.origin) insertOrigin(db, newId(), { sectionId: id }, step.origin);
        if (step.question) {
          // After the last top-level question theme, else before the tensions, else last.
          const tops = sectionRows(db).filter((s) => s.parentId === null && s.id !== id);
          const lastQuestion = tops.map((s) => s.tie?.kind === 'learning-question').lastIndexOf(true);
          const tensionsAt = tops.findIndex((s) => originRows(db).some((o) => o.sectionId === s.id && o.origin === 'tensions'));
          const index = lastQuestion >= 0 ? lastQuestion + 1 : tensionsAt >= 0 ? tensionsAt : tops.length;
          writeOrder(db, 'outline_sections', placeAt(orderedIds(db, 'outline_sections', null), id, index));
        }
        ids.set(step.key, id);
        continue;
      }
      const sectionId = where!;
      const index = 'existing' in step.section ? itemIndex(db, sectionId, step.kind, step.order) : undefined;
      const id = placeItem(db, sectionId, step.kind === 'quote' ? { kind: 'quote', segmentId: step.segmentId! } : { kind: step.kind, text: step.text }, index);
      if (step.origin) insertOrigin(db, newId(), { itemId: id }, step.origin);
    }
    const outline = readOutline(db);
    const summary = args.merge && !args.replace ? `Merged ${added} new part(s) into the report outline` : `Generated the report outline (${outline.sections.length} sections)`;
    return { result: outline, summary };
  });
}
