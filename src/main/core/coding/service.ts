import { rememberLabelMerge } from '../merge/store-label-aliases.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { checkpoint, reportProgress } from '../tasks.ts';
import type {
  AutocodeHit,
  AutocodePreview,
  AutocodeQuery,
  AutocodeResult,
  AutocodeScope,
  DocumentDetail,
  Label,
  LabelOrigin,
  Segment,
  SpeakerScope,
} from '../../../shared/model.ts';
import { nextColour } from '../../../shared/palette.ts';
import { findPhrase, type Range } from '../../../shared/text/highlight.ts';
import { sentenceOf, sentenceSpans } from '../../../shared/text/sentences.ts';
import { speechIn, speechIndex, type DocumentRoles } from '../speakers/service.ts';
import { newId, now } from '../clock.ts';
import type { Project } from '../project.ts';
import { moveMemos } from '../memos/store.ts';
import { getLabel, withCounts } from '../codebook/label-counts.ts';
import { moveLabelMemberships } from '../concepts/store.ts';
import { handOverLabelMemberships } from '../concepts/service.ts';
import { compileUserRegex, type UserRegex } from './user-regex.ts';
import { getDocument, getDocumentText, listDocuments } from '../documents/store.ts';
import {
  ancestors,
  deleteLabelRow,
  findByName,
  findSibling,
  insertLabel,
  labelRow,
  type LabelRow,
  reparentChildren,
  updateLabelRow,
  usedColours,
} from '../codebook/store.ts';
import {
  countCodingsOfLabel,
  deleteCodings,
  deleteSegmentIfUncoded,
  deleteUncodedSegments,
  documentOfSegment,
  findSegment,
  hasCoding,
  insertCoding,
  insertSegment,
  getSegment,
  moveCodings,
  updateSegmentSpan,
} from './store.ts';

/**
 * Round 1: labels (the codebook) and codings on segments. Every function is one write, so one
 * undo step: an auto-code run or a merge included.
 */
export interface LabelFields {
  name: string;
  parentId?: string | null;
  colour?: string;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
  origin?: LabelOrigin;
  round?: number;
}

function requireLabel(project: Project, id: string): LabelRow {
  const label = labelRow(project.db, id);
  if (!label) throw new DuidingError(`There is no label with id ${id}.`);
  return label;
}

function assertFreeName(project: Project, parentId: string | null, name: string, except?: string): void {
  const clash = findSibling(project.db, parentId, name);
  if (clash && clash.id !== except) {
    throw new DuidingError(`There is already a label "${name}" here.`, 'input', { code: 'labelExists', params: { name } });
  }
}

function insertNewLabel(project: Project, fields: LabelFields): string {
  const name = fields.name.trim().normalize('NFC');
  const parentId = fields.parentId ?? null;
  if (parentId) requireLabel(project, parentId);
  assertFreeName(project, parentId, name);
  const id = newId();
  insertLabel(project.db, {
    id,
    name,
    parentId,
    colour: fields.colour ?? nextColour(usedColours(project.db)),
    definition: fields.definition ?? '',
    inclusion: fields.inclusion ?? '',
    exclusion: fields.exclusion ?? '',
    example: fields.example ?? '',
    origin: fields.origin ?? 'emergent',
    round: fields.round ?? 1,
    createdBy: project.coder,
    createdAt: now(),
  });
  return id;
}

export function createLabel(project: Project, fields: LabelFields): Label {
  return project.write('labels/create', () => {
    const id = insertNewLabel(project, fields);
    const label = getLabel(project.db, id)!;
    return { result: label, summary: `Added label "${label.name}" (${label.origin})` };
  });
}

export function updateLabel(
  project: Project,
  id: string,
  patch: Partial<Omit<LabelFields, 'origin' | 'round'>> & { position?: number; definitionRich?: string | null },
): Label {
  const before = requireLabel(project, id);
  return project.write('labels/update', () => {
    const parentId = patch.parentId === undefined ? before.parentId : patch.parentId;
    if (parentId && ancestors(project.db, parentId).includes(id)) {
      throw new DuidingError(`"${before.name}" cannot go under itself or one of its own sub-labels.`, 'usage');
    }
    const name = patch.name?.trim().normalize('NFC') ?? before.name;
    if (name !== before.name || parentId !== before.parentId) assertFreeName(project, parentId, name, id);
    updateLabelRow(project.db, id, { ...patch, name, parentId });
    const after = getLabel(project.db, id)!;
    const what = name !== before.name ? `Renamed label "${before.name}" to "${name}"` : `Changed label "${name}"`;
    return { result: after, summary: what };
  });
}

/** Moves the codings of `sourceId` to `targetId` (duplicates collapse), re-homes its sub-labels, removes it. */
export function mergeLabels(project: Project, sourceId: string, targetId: string): { label: Label; moved: number; collapsed: number } {
  const source = requireLabel(project, sourceId);
  const target = requireLabel(project, targetId);
  if (sourceId === targetId) throw new DuidingError('A label cannot be merged into itself.', 'usage');
  if (ancestors(project.db, targetId).includes(sourceId)) {
    throw new DuidingError(`"${source.name}" cannot be merged into its own sub-label "${target.name}".`, 'usage');
  }
  return project.write('labels/merge', () => {
    const { moved, collapsed } = moveCodings(project.db, sourceId, targetId);
    moveMemos(project.db, 'label', sourceId, targetId);
    // Concepts that the source served now hold the target, and outline sections tied to it follow.
    moveLabelMemberships(project.db, sourceId, targetId);
    reparentChildren(project.db, sourceId, targetId);
    deleteLabelRow(project.db, sourceId);
    rememberLabelMerge(project.db, sourceId, targetId);
    return {
      result: { label: getLabel(project.db, targetId)!, moved, collapsed },
      summary: `Merged label "${source.name}" into "${target.name}" (${moved} codings moved, ${collapsed} duplicates collapsed)`,
    };
  });
}

/** Deletes a label and its codings; its sub-labels move up to its parent. */
export function deleteLabel(project: Project, id: string): { codings: number } {
  const label = requireLabel(project, id);
  return project.write('labels/delete', () => {
    const codings = countCodingsOfLabel(project.db, id);
    // The label leaves its concepts; its sub-labels take its place there, so the evidence below it stays.
    handOverLabelMemberships(project.db, id);
    reparentChildren(project.db, id, label.parentId);
    deleteLabelRow(project.db, id);
    deleteUncodedSegments(project.db);
    return { result: { codings }, summary: `Deleted label "${label.name}" and its ${codings} codings` };
  });
}

/** Checks a span against a document's text: inside it, not empty, not splitting an emoji. */
export function validSpan(text: string, start: number, end: number, documentName: string): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new DuidingError(`The span ${start}–${end} is not inside "${documentName}" (0–${text.length}).`, 'usage');
  }
  const low = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) && /[\uD800-\uDBFF]/.test(text[i - 1]!);
  if (low(start) || low(end)) throw new DuidingError(`The span ${start}–${end} splits a character in "${documentName}".`, 'usage');
}

function resolveLabel(project: Project, ref: { labelId?: string; labelName?: string; origin?: LabelOrigin }): { id: string; created: boolean } {
  if (ref.labelId) return { id: requireLabel(project, ref.labelId).id, created: false };
  const name = ref.labelName?.trim();
  if (!name) throw new DuidingError('Name a label or give its id.', 'usage');
  const found = findByName(project.db, name);
  if (found.length > 0) return { id: found[0]!.id, created: false };
  return { id: insertNewLabel(project, { name, origin: ref.origin ?? 'emergent' }), created: true };
}

/** Codes one span with one label; labels named but not yet in the codebook are created (emergent or in vivo). */
function codeSpan(project: Project, documentId: string, text: string, span: Range, labelId: string): boolean {
  const at = now();
  let segmentId = findSegment(project.db, documentId, span.start, span.end)?.id;
  if (!segmentId) {
    segmentId = newId();
    insertSegment(project.db, { id: segmentId, documentId, start: span.start, end: span.end, text: text.slice(span.start, span.end), createdBy: project.coder, createdAt: at });
  }
  const coder = project.coderKey();
  if (hasCoding(project.db, segmentId, labelId, coder)) return false;
  insertCoding(project.db, { id: newId(), segmentId, labelId, coder, createdAt: at });
  return true;
}

export function applyLabel(
  project: Project,
  args: { documentId: string; start: number; end: number; labelId?: string; labelName?: string; origin?: LabelOrigin },
): { segment: Segment; label: Label; ancestors: Label[]; createdLabel: boolean } {
  // Only the text: this runs on every keypress that applies a label, on transcripts of 300,000 characters.
  const document = getDocumentText(project.db, args.documentId);
  if (!document) throw new DuidingError(`There is no document with id ${args.documentId}.`);
  validSpan(document.text, args.start, args.end, document.name);
  const done = project.write('codings/apply', () => {
    project.coderKey();
    const label = resolveLabel(project, args);
    codeSpan(project, document.id, document.text, { start: args.start, end: args.end }, label.id);
    const segment = getSegment(project.db, findSegment(project.db, document.id, args.start, args.end)!.id)!;
    const name = labelRow(project.db, label.id)!.name;
    return {
      result: { segment, labelId: label.id, createdLabel: label.created },
      summary: `Coded “${segment.text.slice(0, 40)}${segment.text.length > 40 ? '…' : ''}” in "${document.name}" with "${name}"`,
    };
  });
  // Counted once the write is in: the coding index then takes it in place (inside the write it
  // would be read afresh). The parents' branch counts changed too, so they come along.
  const [label, ...above] = withCounts(project.db, ancestors(project.db, done.labelId).map((id) => labelRow(project.db, id)!));
  return { segment: done.segment, label: label!, ancestors: above, createdLabel: done.createdLabel };
}

/** Takes a label off a segment (the current coder's coding, or every coder's with `allCoders`). */
export function removeCoding(project: Project, args: { segmentId: string; labelId: string; allCoders?: boolean }): { removed: number } {
  const label = requireLabel(project, args.labelId);
  return project.write('codings/remove', () => {
    const removed = deleteCodings(project.db, args.segmentId, args.labelId, args.allCoders ? null : project.coderKey());
    if (removed === 0) throw new DuidingError(`That segment has no "${label.name}" coding by ${args.allCoders ? 'anyone' : project.coder}.`);
    deleteSegmentIfUncoded(project.db, args.segmentId);
    return { result: { removed }, summary: `Removed "${label.name}" from a segment` };
  });
}

function compileRegex(source: string): UserRegex {
  return compileUserRegex(source);
}

/**
 * The spans a query finds in one document: a phrase (whole words, case and accents ignored), a
 * regular expression, or every turn of a speaker.
 */
export function autocodeSpans(document: { text: string; turns: Array<{ speaker: string | null; start: number; end: number }> }, query: AutocodeQuery): Range[] {
  if ('speaker' in query) {
    const wanted = query.speaker.trim().toLocaleLowerCase('nl');
    return document.turns.filter((t) => t.speaker?.toLocaleLowerCase('nl') === wanted).map((t) => ({ start: t.start, end: t.end }));
  }
  if ('text' in query) return findPhrase(document.text, query.text);
  return compileRegex(query.regex).spans(document.text);
}

export interface AutocodeOptions {
  /** How far a hit grows: the match, its sentence (the default), or its turn. */
  scope?: AutocodeScope;
  /** Whose speech is coded: the participants' (the default) or everyone's. A speaker query codes the speaker named. */
  speakers?: SpeakerScope;
  /** Keys of preview hits the researcher unticked. */
  exclude?: readonly string[];
}

interface PlannedHit {
  key: string;
  span: Range;
  matches: number;
  speaker: string | null;
}

/** The turn holding a position (turns sorted by start); a position between turns belongs to none. */
function turnHolding(turns: DocumentDetail['turns'], position: number): DocumentDetail['turns'][number] | null {
  let low = 0;
  let high = turns.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const turn = turns[mid]!;
    if (turn.end <= position) low = mid + 1;
    else if (turn.start > position) high = mid - 1;
    else return turn;
  }
  return null;
}

/**
 * What a run codes in one document: the query's matches, kept where the chosen speakers speak,
 * grown to their sentence or turn (never past the turn), hits in one sentence or turn joined into
 * one segment. `match` with `all` is the plain list of matches, as auto-code always did.
 */
export function planAutocode(document: DocumentDetail, roles: DocumentRoles | undefined, query: AutocodeQuery, options: AutocodeOptions = {}): PlannedHit[] {
  const scope = options.scope ?? 'sentence';
  const who = options.speakers ?? 'participants';
  const turns = [...document.turns].sort((a, b) => a.start - b.start);
  const whole = { start: 0, end: document.text.length, speaker: null };
  const sentences = new Map<number, Range[]>();
  const planned: PlannedHit[] = [];
  for (const match of autocodeSpans(document, query)) {
    if (who === 'participants' && !('speaker' in query) && speechIn(roles, match.start, match.end).keys.length === 0) continue;
    const turn = turnHolding(turns, match.start) ?? (turns.length === 0 ? whole : null);
    let span: Range = match;
    if (turn && scope === 'turn') span = { start: Math.min(turn.start, match.start), end: Math.max(turn.end, match.end) };
    else if (turn && scope === 'sentence') {
      let list = sentences.get(turn.start);
      if (!list) sentences.set(turn.start, (list = sentenceSpans(document.text, turn.start, turn.end)));
      span = sentenceOf(list, match);
    }
    const last = planned[planned.length - 1];
    // Matches come in text order, so a hit in the same sentence or turn as the one before joins it.
    if (scope !== 'match' && last && span.start < last.span.end) {
      last.span = { start: Math.min(last.span.start, span.start), end: Math.max(last.span.end, span.end) };
      last.matches++;
      continue;
    }
    planned.push({ key: '', span, matches: 1, speaker: turn && 'speaker' in turn ? turn.speaker : null });
  }
  for (const hit of planned) hit.key = `${document.id}:${hit.span.start}:${hit.span.end}`;
  return planned;
}

/** What an auto-code run would code, before it runs: the segments with a little context, each with a key to leave it out by. */
export async function previewAutocode(project: Project, query: AutocodeQuery, limit = 500, options: AutocodeOptions = {}): Promise<AutocodePreview> {
  if ('regex' in query) compileRegex(query.regex);
  const roles = speechIndex(project.db);
  const hits: AutocodeHit[] = [];
  let total = 0;
  let documents = 0;
  const summaries = listDocuments(project.db);
  for (const [index, summary] of summaries.entries()) {
    await checkpoint();
    reportProgress(index, summaries.length, summary.name);
    const document = getDocument(project.db, summary.id)!;
    const planned = planAutocode(document, roles.documents.get(document.id), query, options);
    if (planned.length) documents++;
    total += planned.length;
    for (const { key, span, matches, speaker } of planned) {
      if (hits.length >= limit) break;
      hits.push({
        key,
        documentId: document.id,
        documentName: document.name,
        start: span.start,
        end: span.end,
        before: document.text.slice(Math.max(0, span.start - 60), span.start),
        match: document.text.slice(span.start, span.end),
        after: document.text.slice(span.end, span.end + 60),
        speaker,
        matches,
      });
    }
  }
  return { total, documents, hits };
}

/** Widens or narrows a segment; its labels stay on it. */
export function resizeSegment(project: Project, args: { segmentId: string; start: number; end: number }): Segment {
  const documentId = documentOfSegment(project.db, args.segmentId);
  if (documentId === undefined) throw new DuidingError(`There is no segment with id ${args.segmentId}.`);
  const document = getDocumentText(project.db, documentId)!;
  validSpan(document.text, args.start, args.end, document.name);
  const clash = findSegment(project.db, document.id, args.start, args.end);
  if (clash && clash.id !== args.segmentId) throw new DuidingError('Another segment already covers exactly that span.', 'usage');
  return project.write('segments/resize', () => {
    updateSegmentSpan(project.db, args.segmentId, args.start, args.end, document.text.slice(args.start, args.end));
    const segment = getSegment(project.db, args.segmentId)!;
    return { result: segment, summary: `Resized a segment in "${document.name}" to “${segment.text.slice(0, 40)}”` };
  });
}

/** Applies a label to every hit of a query in every document (less the hits left out), as one undoable step. */
export async function autocode(project: Project, args: { labelName?: string; labelId?: string; query: AutocodeQuery } & AutocodeOptions): Promise<AutocodeResult> {
  const described = 'speaker' in args.query ? `speaker ${args.query.speaker}` : 'text' in args.query ? `“${args.query.text}”` : `/${args.query.regex}/`;
  if ('regex' in args.query) compileRegex(args.query.regex);
  const exclude = new Set(args.exclude ?? []);
  // Read before the write: inside it the index would be built afresh and not kept.
  const roles = speechIndex(project.db);
  // Matched document by document, giving other callers their turn between documents; then coded in
  // one write (this runs as a long call: nothing else writes in between, see Project.run).
  const summaries = listDocuments(project.db);
  const plans: Array<{ documentId: string; text: string; spans: Range[] }> = [];
  for (const [index, summary] of summaries.entries()) {
    await checkpoint();
    reportProgress(index, summaries.length, summary.name);
    const document = getDocument(project.db, summary.id)!;
    const planned = planAutocode(document, roles.documents.get(document.id), args.query, args).filter((hit) => !exclude.has(hit.key));
    if (planned.length) plans.push({ documentId: document.id, text: document.text, spans: planned.map((hit) => hit.span) });
  }
  await checkpoint();
  reportProgress(summaries.length, summaries.length, '');
  const total = plans.reduce((sum, plan) => sum + plan.spans.length, 0);
  const done = await project.writeInChunks('codings/autocode', async () => {
    project.coderKey();
    const label = resolveLabel(project, { ...args, origin: 'emergent' });
    let hits = 0;
    let coded = 0;
    for (const plan of plans) {
      for (const span of plan.spans) {
        // Thousands of hits take seconds to code: other callers get their turn in between.
        if (hits % 200 === 0) {
          await checkpoint();
          reportProgress(hits, total, '');
        }
        hits++;
        if (codeSpan(project, plan.documentId, plan.text, span, label.id)) coded++;
      }
    }
    const name = labelRow(project.db, label.id)!.name;
    const how = args.scope && args.scope !== 'sentence' ? ` (${args.scope})` : '';
    return { result: { labelId: label.id, hits, coded, documents: plans.length }, summary: `Auto-coded ${coded} segments of ${described}${how} with "${name}"` };
  });
  // The label counted as the run chose whose speech to code, once the write is in (see applyLabel).
  return { label: getLabel(project.db, done.labelId, args.speakers ?? 'participants')!, hits: done.hits, coded: done.coded, documents: done.documents };
}
