import { DuidingError } from '../../../shared/errors.ts';
import { canonicalText, countWords } from '../../../shared/text/normalize.ts';
import { applyEdits, assertEdits, offsetMap, type OffsetMap, type TextEdit } from '../../../shared/text/offset-map.ts';
import type { TranscriptEditResult } from '../../../shared/transcripts.ts';
import type { Db } from '../db/database.ts';
import type { Project } from '../project.ts';
import { joinTurns, speakersOf } from '../documents/store.ts';
import { getSegment } from '../coding/store.ts';
import { remapSegment } from './remap.ts';
import { markCountsUnchanged } from '../coding/counts-version.ts';
import { latestChange } from '../concepts/store-sets.ts';
import {
  clearSegmentTextFlags,
  documentGuideMarks,
  documentSegmentsNear,
  documentToEdit,
  dropRolesOfGoneSpeakers,
  guideMarkWriter,
  segmentMover,
  segmentTextFlags,
  shiftSegmentsAfter,
  turnsToEdit,
  turnWriter,
  updateEditedDocument,
  type EditedDocument,
  type EditedTurn,
} from './store.ts';

/**
 * Correcting a transcript after coding (issue 28): words of a turn, its speaker or timestamp, a turn
 * split in two or two turns joined. Each is one undoable write that works out the document's new
 * turns, the text edit they amount to, and moves every segment and guide mark through it
 * (remap.ts); the search index follows the turns through its triggers, roles and counts follow the
 * turns through the change log. Everything that points at a segment (codings, memos, quotes, the
 * outline) points at it by id, so it follows the segment.
 */

type TurnRow = EditedTurn;
type DocumentRow = EditedDocument;

/** The turns a document will have after an edit: existing rows keep their id, a new one has none. */
type NewTurn = Omit<TurnRow, 'id' | 'position' | 'start' | 'end'> & { id: number | null };

interface Planned {
  turns: NewTurn[];
  /** Old turns `from` .. `from + remove` became `insert` new ones; the others only moved with the edit. */
  splice: { from: number; remove: number; insert: number };
  /** The edit of the document's text (absolute offsets), or none when only a speaker or time changed. */
  edits: TextEdit[];
  summary: string;
}

function loadDocument(db: Db, documentId: string): { doc: DocumentRow; turns: TurnRow[] } {
  const doc = documentToEdit(db, documentId);
  if (!doc) throw new DuidingError(`There is no document with id ${documentId}.`);
  return { doc, turns: turnsToEdit(db, documentId) };
}

function turnAt(doc: DocumentRow, turns: TurnRow[], position: number): { turn: TurnRow; index: number } {
  const index = turns.findIndex((t) => t.position === position);
  if (index < 0) throw new DuidingError(`"${doc.name}" has no turn ${position + 1}.`);
  return { turn: turns[index]!, index };
}

/** A turn's words as the researcher typed them: canonical, trimmed, not empty, no blank line inside. */
function turnText(doc: DocumentRow, position: number, input: string): string {
  const text = canonicalText(input).replace(/[ \t]+\n/g, '\n').trim();
  if (text === '') throw new DuidingError(`Turn ${position + 1} of "${doc.name}" cannot be left empty: join it with the turn before or after it instead.`);
  if (/\n\s*\n/.test(text)) throw new DuidingError(`Turn ${position + 1} of "${doc.name}" would hold a blank line: split the turn there instead.`);
  return text;
}

/**
 * The replacement turning `before` into `after`: their common start and end are kept, to whole words
 * (a word with a letter changed or added is a changed word: "team" → "teams" replaces "team").
 */
export function minimalEdit(before: string, after: string, offset = 0): TextEdit | null {
  if (before === after) return null;
  let head = 0;
  const shortest = Math.min(before.length, after.length);
  while (head < shortest && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  // Never split a surrogate pair: an emoji is replaced whole or not at all.
  if (head > 0 && isHighSurrogate(before.charCodeAt(head - 1))) head--;
  while (head > 0 && isWord(before[head - 1]) && (isWord(before[head]) || isWord(after[head]))) head--;
  let tail = 0;
  while (tail < shortest - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  while (tail > 0 && isWord(before[before.length - tail]) && (isWord(before[before.length - tail - 1]) || isWord(after[after.length - tail - 1]))) tail--;
  return { start: offset + head, end: offset + before.length - tail, text: after.slice(head, after.length - tail) };
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const isWord = (char: string | undefined) => char !== undefined && WORD.test(char);

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

const keep = (t: TurnRow): NewTurn => ({ id: t.id, speaker: t.speaker, timeStartMs: t.timeStartMs, timeEndMs: t.timeEndMs, text: t.text, page: t.page });

/** A text of another program (REFI-QDA) keeps its own layout; its turns are stretches of it. */
function assertOwnLayoutAllows(doc: DocumentRow, what: string): void {
  if (doc.ownText !== null) {
    throw new DuidingError(`"${doc.name}" came from another program and keeps its own layout: its turns cannot be ${what}, only their words, speaker and time corrected.`);
  }
}

export interface TurnChange {
  documentId: string;
  position: number;
  text?: string;
  speaker?: string | null;
  startMs?: number | null;
}

function planTurnChange(doc: DocumentRow, turns: TurnRow[], change: TurnChange): Planned {
  const { turn, index } = turnAt(doc, turns, change.position);
  const next = keep(turn);
  const edits: TextEdit[] = [];
  const what: string[] = [];
  if (change.text !== undefined) {
    next.text = turnText(doc, change.position, change.text);
    if (doc.ownText !== null && doc.ownText.slice(turn.start, turn.end) !== turn.text) {
      throw new DuidingError(`Turn ${change.position + 1} of "${doc.name}" is not a stretch of its text (it came from another program); its words cannot be corrected here.`);
    }
    const edit = minimalEdit(turn.text, next.text, turn.start);
    if (edit) {
      edits.push(edit);
      what.push('words');
    }
  }
  if (change.speaker !== undefined) {
    const speaker = change.speaker === null ? null : change.speaker.normalize('NFC').trim() || null;
    if (speaker !== turn.speaker) what.push('speaker');
    next.speaker = speaker;
  }
  if (change.startMs !== undefined && change.startMs !== turn.timeStartMs) {
    next.timeStartMs = change.startMs;
    what.push('time');
  }
  if (what.length === 0) throw new DuidingError(`Nothing to change in turn ${change.position + 1} of "${doc.name}".`, 'usage');
  const planned = turns.map(keep);
  planned[index] = next;
  return { turns: planned, splice: { from: index, remove: 1, insert: 1 }, edits, summary: `Corrected the ${what.join(', ')} of turn ${change.position + 1} in "${doc.name}"` };
}

function planSplit(doc: DocumentRow, turns: TurnRow[], args: { position: number; at: number; speaker?: string | null }): Planned {
  assertOwnLayoutAllows(doc, 'split');
  const { turn, index } = turnAt(doc, turns, args.position);
  const left = turn.text.slice(0, args.at).trimEnd();
  const right = turn.text.slice(args.at).trimStart();
  const atSpace = /\s/.test(turn.text[args.at - 1] ?? '') || /\s/.test(turn.text[args.at] ?? '');
  if (!Number.isInteger(args.at) || !atSpace || left === '' || right === '') {
    throw new DuidingError(`Turn ${args.position + 1} of "${doc.name}" can only be split between words, with words on both sides.`, 'usage');
  }
  const first: NewTurn = { ...keep(turn), text: left, timeEndMs: null };
  const speaker = args.speaker === undefined ? turn.speaker : args.speaker === null ? null : args.speaker.normalize('NFC').trim() || null;
  const second: NewTurn = { id: null, speaker, timeStartMs: null, timeEndMs: turn.timeEndMs, text: right, page: turn.page };
  const planned = turns.map(keep);
  planned.splice(index, 1, first, second);
  // The space at the split becomes the blank line between two turns.
  const edits = [{ start: turn.start + left.length, end: turn.end - right.length, text: '\n\n' }];
  return { turns: planned, splice: { from: index, remove: 1, insert: 2 }, edits, summary: `Split turn ${args.position + 1} of "${doc.name}" in two` };
}

function planJoin(doc: DocumentRow, turns: TurnRow[], args: { position: number }): Planned {
  assertOwnLayoutAllows(doc, 'joined');
  const { turn, index } = turnAt(doc, turns, args.position);
  const following = turns[index + 1];
  if (!following) throw new DuidingError(`Turn ${args.position + 1} is the last of "${doc.name}": there is no turn after it to join.`, 'usage');
  const joined: NewTurn = { ...keep(turn), text: `${turn.text} ${following.text}`, timeEndMs: following.timeEndMs ?? turn.timeEndMs };
  const planned = turns.map(keep);
  planned.splice(index, 2, joined);
  const edits = [{ start: turn.end, end: following.start, text: ' ' }];
  return { turns: planned, splice: { from: index, remove: 2, insert: 1 }, edits, summary: `Joined turns ${args.position + 1} and ${args.position + 2} of "${doc.name}"` };
}

type PlacedTurn = NewTurn & { position: number; start: number; end: number };

/** Where each planned turn lies in the new text. */
function placeTurns(doc: DocumentRow, old: TurnRow[], planned: Planned, map: OffsetMap): PlacedTurn[] {
  const byId = new Map(old.map((t) => [t.id, t]));
  let at = 0;
  return planned.turns.map((t, position): PlacedTurn => {
    // A text of another program keeps its layout: its turns move with the edit, as segments do; the
    // edited turn (the one edit lies inside it) keeps its start and takes in all its new words.
    const before = t.id === null ? undefined : byId.get(t.id);
    const edited = before !== undefined && before.text !== t.text;
    const start = doc.ownText === null ? at : edited ? before.start : map.map(before!.start, 'start');
    const end = doc.ownText === null || edited ? start + t.text.length : map.map(before!.end, 'end');
    at = end + 2;
    return { ...t, position, start, end };
  });
}

/**
 * How the turns after the edited ones moved, when all of them moved alike (the same number of places
 * and characters, nothing else changed): then one statement moves them all. A correction early in a
 * 300,000-character transcript moves hundreds of turns, and one by one that was a third of its time.
 */
function tailShift(old: TurnRow[], placed: PlacedTurn[], splice: Planned['splice']): { from: number; positions: number; chars: number } | null {
  const before = old.slice(splice.from + splice.remove);
  const after = placed.slice(splice.from + splice.insert);
  if (before.length === 0 || before.length !== after.length) return null;
  const positions = after[0]!.position - before[0]!.position;
  const chars = after[0]!.start - before[0]!.start;
  const alike = before.every((o, i) => {
    const p = after[i]!;
    return p.id === o.id && p.position - o.position === positions && p.start - o.start === chars && p.end - o.end === chars &&
      p.speaker === o.speaker && p.timeStartMs === o.timeStartMs && p.timeEndMs === o.timeEndMs && p.text === o.text;
  });
  return alike ? { from: before[0]!.position, positions, chars } : null;
}

/** Writes the turns whose rows differ: the moved tail at once where it can, the others one by one. */
function writeTurns(db: Db, doc: DocumentRow, old: TurnRow[], planned: Planned, map: OffsetMap): PlacedTurn[] {
  const placed = placeTurns(doc, old, planned, map);
  const byId = new Map(old.map((t) => [t.id, t]));
  const turnRows = turnWriter(db);
  // First, before any turn takes one of their old places.
  const tail = tailShift(old, placed, planned.splice);
  if (tail && (tail.positions !== 0 || tail.chars !== 0)) turnRows.shift(doc.seq, tail.from, tail.positions, tail.chars);
  const kept = new Set(placed.map((t) => t.id));
  for (const t of old) if (!kept.has(t.id)) turnRows.remove(t.id);
  for (const t of tail ? placed.slice(0, planned.splice.from + planned.splice.insert) : placed) {
    const before = t.id === null ? undefined : byId.get(t.id);
    if (!before) turnRows.insert(doc.seq, t);
    else if (
      before.position !== t.position || before.speaker !== t.speaker || before.start !== t.start || before.end !== t.end ||
      before.timeStartMs !== t.timeStartMs || before.timeEndMs !== t.timeEndMs || before.text !== t.text
    ) {
      turnRows.update({ ...t, id: before.id }, before.text !== t.text);
    }
  }
  return placed;
}

type Span = { start: number; end: number };

/** Every segment moved through the edits (remap.ts); those whose words or flag changed are told to the page. */
function moveSegments(db: Db, documentId: string, edits: TextEdit[], newText: string, map: OffsetMap, result: TranscriptEditResult, changedSpans: Array<[Span, Span]>): void {
  // A segment that begins after the last edit only moves by what the edits added or took away
  // (offset-map.ts): those are moved in one statement, the ones an edit may touch one by one.
  const through = edits[edits.length - 1]!.end;
  const delta = edits.reduce((sum, e) => sum + e.text.length - (e.end - e.start), 0);
  // One that ends before the first edit stays where it is. Read before the shift: a shortened text
  // would bring shifted ones into this range.
  const segments = documentSegmentsNear(db, documentId, edits[0]!.start, through);
  if (delta !== 0) result.moved += shiftSegmentsAfter(db, documentId, through, delta);
  const moveSegment = segmentMover(db);
  for (const segment of segments) {
    const moved = remapSegment(segment, edits, newText, map);
    if (moved.outcome === 'same') continue;
    moveSegment(moved);
    if (moved.outcome === 'changed') {
      result.changed.push(moved.id);
      changedSpans.push([segment, moved]);
    }
    else if (moved.outcome === 'removed') result.removed.push(moved.id);
    else result.moved++;
    // Moved by the edit alone, the page can move it too; anything else it is told.
    if (moved.text !== segment.text || moved.textStatus !== segment.textStatus) result.segments.push(getSegment(db, moved.id)!);
  }
}

/** Guide marks move with their words; one whose words are all gone goes (it holds no coding). Returns how many went. */
function moveGuideMarks(db: Db, documentId: string, map: OffsetMap): number {
  const guides = documentGuideMarks(db, documentId);
  const marks = guideMarkWriter(db);
  let dropped = 0;
  for (const guide of guides) {
    const span = map.span(guide.start, guide.end);
    if (span.start >= span.end) {
      marks.drop(guide.id);
      dropped++;
    } else if (span.start !== guide.start || span.end !== guide.end) marks.move(guide.id, span.start, span.end);
  }
  return dropped;
}

function write(db: Db, doc: DocumentRow, old: TurnRow[], planned: Planned): { result: TranscriptEditResult; countsKept: boolean } {
  const oldText = doc.ownText ?? joinTurns(old.map((t) => t.text));
  assertEdits(planned.edits, oldText.length);
  const newText = applyEdits(oldText, planned.edits);
  const map = offsetMap(planned.edits);
  const placed = writeTurns(db, doc, old, planned, map);
  const speakers = speakersOf(placed);
  const wordCount = countWords(newText);
  updateEditedDocument(db, doc.id, { ownText: doc.ownText === null ? null : newText, wordCount, turnCount: placed.length, speakers });
  dropRolesOfGoneSpeakers(db, doc.id, speakers);

  const { from, remove, insert } = planned.splice;
  const result: TranscriptEditResult = {
    documentId: doc.id,
    changed: [],
    removed: [],
    moved: 0,
    guideMarksDropped: 0,
    edit: planned.edits[0] ?? null,
    turns: {
      from,
      remove,
      insert: placed.slice(from, from + insert).map((t) => ({ position: t.position, speaker: t.speaker, start: t.start, end: t.end, startMs: t.timeStartMs, endMs: t.timeEndMs, text: t.text, ...(t.page === null ? {} : { page: t.page }) })),
    },
    segments: [],
    document: { wordCount, turnCount: placed.length, speakers },
  };
  const changedSpans: Array<[Span, Span]> = [];
  if (planned.edits.length > 0) {
    moveSegments(db, doc.id, planned.edits, newText, map, result, changedSpans);
    result.guideMarksDropped = moveGuideMarks(db, doc.id, map);
  }
  return { result, countsKept: leavesCountsAsTheyWere(old, placed, planned, result, changedSpans) };
}

/** The turns a span overlaps, as speakers/service.ts's `speechIn` counts them. */
const turnsOver = (turns: ReadonlyArray<{ id: number | null; start: number; end: number }>, span: Span) =>
  turns.filter((t) => t.end > span.start && t.start < span.end).map((t) => t.id);

/**
 * A correction that keeps the number of turns and every speaker, removes no coded passage's words
 * and leaves each flagged passage over the same turns leaves every count as it was: each passage
 * keeps its labels, its document and whose speech it covers, only moved with the words
 * (coding/counts-version.ts; the property test checks the claim against counts worked out afresh).
 */
function leavesCountsAsTheyWere(old: TurnRow[], placed: PlacedTurn[], planned: Planned, result: TranscriptEditResult, changed: Array<[Span, Span]>): boolean {
  const { from, remove, insert } = planned.splice;
  if (result.removed.length > 0 || remove !== insert) return false;
  if (!placed.slice(from, from + insert).every((t, i) => t.speaker === old[from + i]!.speaker)) return false;
  return changed.every(([before, after]) => {
    const [was, is] = [turnsOver(old, before), turnsOver(placed, after)];
    return was.length === is.length && was.every((id, i) => id === is[i]);
  });
}

function run(project: Project, action: string, documentId: string, plan: (doc: DocumentRow, turns: TurnRow[]) => Planned): TranscriptEditResult {
  // Planned before the write: a refusal writes nothing.
  const { doc, turns } = loadDocument(project.db, documentId);
  const planned = plan(doc, turns);
  const { result, countsKept } = project.write(action, () => {
    const written = write(project.db, doc, turns, planned);
    const flagged = written.result.changed.length + written.result.removed.length;
    const summary = flagged ? `${planned.summary} (${flagged} coded passage${flagged === 1 ? '' : 's'} to check)` : planned.summary;
    return { result: written, summary };
  });
  if (countsKept) markCountsUnchanged(project.db, latestChange(project.db));
  return result;
}

export function editTurn(project: Project, change: TurnChange): TranscriptEditResult {
  return run(project, 'transcript/edit-turn', change.documentId, (doc, turns) => planTurnChange(doc, turns, change));
}

export function splitTurn(project: Project, args: { documentId: string; position: number; at: number; speaker?: string | null }): TranscriptEditResult {
  return run(project, 'transcript/split-turn', args.documentId, (doc, turns) => planSplit(doc, turns, args));
}

export function joinTurnWithNext(project: Project, args: { documentId: string; position: number }): TranscriptEditResult {
  return run(project, 'transcript/join-turns', args.documentId, (doc, turns) => planJoin(doc, turns, args));
}

/** The researcher has looked at segments an edit changed: their flags go (a removed one must be removed or anchored again). */
export function confirmSegmentText(project: Project, segmentIds: readonly string[]): { confirmed: number } {
  const rows = segmentTextFlags(project.db, segmentIds);
  if (rows.length !== new Set(segmentIds).size) throw new DuidingError('Some of these segments no longer exist.');
  if (rows.some((r) => r.status === 'removed')) {
    throw new DuidingError('A passage whose words were all deleted cannot be confirmed: remove it, or select its new words and anchor it there.', 'usage');
  }
  const flagged = rows.filter((r) => r.status !== null);
  if (flagged.length === 0) return { confirmed: 0 };
  return project.write('segments/confirm-text', () => {
    clearSegmentTextFlags(project.db, flagged.map((row) => row.id));
    return { result: { confirmed: flagged.length }, summary: `Confirmed the new words of ${flagged.length} coded passage${flagged.length === 1 ? '' : 's'}` };
  });
}
