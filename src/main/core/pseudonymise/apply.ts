import { DuidingError } from '../../../shared/errors.ts';
import { checkpoint, reportProgress } from '../tasks.ts';
import type { Replacement } from '../../../shared/model.ts';
import type { PseudonymiseDocument, PseudonymisePlace, PseudonymisePreview, PseudonymiseResult, ReplacementExample } from '../../../shared/pseudonymise.ts';
import { countWords } from '../../../shared/text/normalize.ts';
import { applyEdits, assertEdits, offsetMap, type OffsetMap, type TextEdit } from '../../../shared/text/offset-map.ts';
import type { Db } from '../db/database.ts';
import type { Project } from '../project.ts';
import { createPseudonymizer, replacementsSince, type PseudonymEntry, type Pseudonymizer } from '../documents/pseudonyms.ts';
import { documentTurns, joinTurns } from '../documents/store.ts';
import { PLACES, rewriteJson, rewriteValue } from './places.ts';
import {
  changeLogLines,
  documentsMatching,
  documentsToPseudonymise,
  guideSpans,
  participantNames,
  recordPseudonyms,
  rewriteChangeLogLine,
  runRowUpdates,
  segmentSpans,
  textValues,
  type PseudonymDocumentRow,
  type RowUpdate,
} from './store.ts';

/**
 * Pseudonymising a project in place: the same list and matching as at import (whole words, any case,
 * possessives), applied to every transcript — text, speakers, document and file names — and to every
 * other place a name can be written (places.ts). Offsets are mapped through the replacements, so that
 * every turn, segment and guide span stays on the same words, and segment snapshots are rewritten.
 *
 * `plan` works out everything without writing (the preview), `apply` writes it as one purging write.
 */
type DocumentRow = PseudonymDocumentRow;
type Update = RowUpdate;

interface Plan {
  preview: PseudonymisePreview;
  updates: Update[];
}

export interface PseudonymiseProgress {
  done: number;
  total: number;
  document: string;
}

const EXAMPLE_CONTEXT = 40;
const EXAMPLES_PER_DOCUMENT = 3;

function examplesOf(oldText: string, newText: string, edits: TextEdit[], offsets: OffsetMap): ReplacementExample[] {
  return edits.slice(0, EXAMPLES_PER_DOCUMENT).map((edit) => {
    const from = Math.max(0, edit.start - EXAMPLE_CONTEXT);
    const to = Math.min(oldText.length, edit.end + EXAMPLE_CONTEXT);
    const line = (text: string, start: number, end: number) => `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
    // The same stretch after: every name in it replaced, not only this one.
    return { before: line(oldText, from, to), after: line(newText, offsets.map(from, 'start'), offsets.map(to, 'end')) };
  });
}

function planDocument(db: Db, doc: DocumentRow, pz: Pseudonymizer, updates: Update[]): PseudonymiseDocument | null {
  const before = pz.counts();
  const turns = documentTurns(db, doc.id);
  const oldText = doc.own_text ?? joinTurns(turns.map((t) => t.text));
  const edits = pz.edits(oldText);
  assertEdits(edits, oldText.length);
  const newText = applyEdits(oldText, edits);
  const offsets = offsetMap(edits);
  const ownUpdates: Update[] = [];

  for (const turn of turns) {
    const values: Record<string, string | number> = {};
    const speaker = turn.speaker === null ? null : pz.apply(turn.speaker);
    if (speaker !== null && speaker !== turn.speaker) values.speaker = speaker;
    const span = offsets.span(turn.start, turn.end);
    // A turn is its stretch of the text; where it is not (a text of another tool), its own words are rewritten.
    const text = oldText.slice(turn.start, turn.end) === turn.text ? newText.slice(span.start, span.end) : pz.apply(turn.text);
    if (text !== turn.text) values.text = text;
    if (span.start !== turn.start) values.start = span.start;
    if (span.end !== turn.end) values.end = span.end;
    if (Object.keys(values).length) ownUpdates.push({ table: 'turns', key: turn.id, keyColumn: 'id', values });
  }

  let segmentsMoved = 0;
  const segments = segmentSpans(db, doc.id);
  for (const segment of segments) {
    const span = offsets.span(segment.start, segment.end);
    // The snapshot follows the text; one that had drifted from it keeps its own words, rewritten.
    const text = oldText.slice(segment.start, segment.end) === segment.text ? newText.slice(span.start, span.end) : pz.apply(segment.text!);
    const values: Record<string, string | number> = {};
    if (span.start !== segment.start) values.start = span.start;
    if (span.end !== segment.end) values.end = span.end;
    if (text !== segment.text) values.text = text;
    if (Object.keys(values).length) {
      segmentsMoved++;
      ownUpdates.push({ table: 'segments', key: segment.id, keyColumn: 'id', values });
    }
  }
  for (const guide of guideSpans(db, doc.id)) {
    const span = offsets.span(guide.start, guide.end);
    if (span.start !== guide.start || span.end !== guide.end) ownUpdates.push({ table: 'guide_spans', key: guide.id, keyColumn: 'id', values: { start: span.start, end: span.end } });
  }

  const docValues: Record<string, string | number> = {};
  const name = pz.apply(doc.name);
  if (name !== doc.name) docValues.name = name;
  const sourceName = pz.apply(doc.source_name);
  if (sourceName !== doc.source_name) docValues.source_name = sourceName;
  const speakers = rewriteJson(doc.speakers, (s) => pz.apply(s));
  if (speakers !== null) docValues.speakers = speakers;
  if (edits.length) {
    if (doc.own_text !== null) docValues.own_text = newText;
    docValues.word_count = countWords(newText);
  }
  if (Object.keys(docValues).length) ownUpdates.push({ table: 'documents', key: doc.id, keyColumn: 'id', values: docValues });

  const replacements = replacementsSince(pz, before);
  if (replacements.length === 0) return null;
  updates.push(...ownUpdates);
  return { documentId: doc.id, name: doc.name, renamed: name !== doc.name ? name : null, replacements, examples: examplesOf(oldText, newText, edits, offsets), segmentsMoved };
}

function planPlaces(db: Db, pz: Pseudonymizer, updates: Update[]): PseudonymisePlace[] {
  const counts = new Map<string, number>();
  const total = () => [...pz.counts().values()].reduce((a, b) => a + b, 0);
  for (const place of PLACES) {
    const rows = textValues(db, place.table, place.column);
    for (const row of rows) {
      const was = total();
      const next = rewriteValue(row.v, place.format, (s) => pz.apply(s));
      if (next === null) continue;
      counts.set(place.table, (counts.get(place.table) ?? 0) + total() - was);
      updates.push({ table: place.table, key: row.k, keyColumn: 'rowid', values: { [place.column]: next } });
    }
  }
  return [...counts].map(([place, count]) => ({ place, count }));
}

/** Two participants may not end up with one name (names are unique): say which, before anything is written. */
function assertNoCollision(db: Db, pz: Pseudonymizer): void {
  const names = participantNames(db);
  const seen = new Map<string, string>();
  for (const name of names) {
    const next = pz.apply(name);
    const key = next.toLocaleLowerCase('nl');
    const other = seen.get(key);
    if (other !== undefined) {
      throw new DuidingError(`Two participants would both be called "${next}" after pseudonymising; give them different pseudonyms in the list, or rename one first.`);
    }
    seen.set(key, name);
  }
}

/**
 * The documents whose turns may hold a name of the list, from the search index (a phrase query per
 * name and its possessive): a 1,000-interview corpus is read only
 * where a name occurs. Null (read every document) when the index cannot answer.
 */
function documentsWithNames(db: Db, entries: PseudonymEntry[]): Set<string> | null {
  const phrases = entries.map((e) => e.name.match(/[\p{L}\p{N}]+/gu) ?? []);
  if (phrases.some((words) => words.length === 0)) return null;
  // Whole tokens, not prefixes ("an*" would match half the corpus): the name, and its possessive in s ("Katriens"); "Katrien's" is the tokens katrien + s.
  const query = phrases.flatMap((words) => [`"${words.join(' ')}"`, `"${words.join(' ')}s"`]).join(' OR ');
  try {
    return new Set(documentsMatching(db, query));
  } catch {
    return null;
  }
}

async function plan(db: Db, entries: PseudonymEntry[], onProgress?: (progress: PseudonymiseProgress) => void): Promise<Plan> {
  const pz = createPseudonymizer(entries);
  assertNoCollision(db, createPseudonymizer(entries));
  const updates: Update[] = [];
  const docs = documentsToPseudonymise(db);
  const documents: PseudonymiseDocument[] = [];
  const withNames = documentsWithNames(db, entries);
  // A test of its own: `apply` on the real one counts replacements.
  const probe = createPseudonymizer(entries);
  const named = (doc: DocumentRow) => [doc.name, doc.source_name, doc.speakers].some((text) => probe.apply(text) !== text);
  for (const [index, doc] of docs.entries()) {
    // Between documents other callers get their turn, and Cancel ends it (nothing is written before the plan is whole).
    await checkpoint();
    reportProgress(index, docs.length, doc.name);
    // A text of another tool (own_text) is read whatever the index says: its turns need not cover it.
    const planned = withNames === null || withNames.has(doc.id) || doc.own_text !== null || named(doc) ? planDocument(db, doc, pz, updates) : null;
    if (planned) documents.push(planned);
    onProgress?.({ done: index + 1, total: docs.length, document: doc.name });
  }
  await checkpoint();
  reportProgress(docs.length, docs.length, '');
  const elsewhere = planPlaces(db, pz, updates);
  const replacements: Replacement[] = replacementsSince(pz);
  return { preview: { documents, elsewhere, replacements, total: replacements.reduce((sum, r) => sum + r.count, 0) }, updates };
}

/** What pseudonymising with this list would replace, per document and elsewhere; writes nothing. */
export async function previewPseudonyms(project: Project, entries: PseudonymEntry[]): Promise<PseudonymisePreview> {
  return (await plan(project.db, entries)).preview;
}

/**
 * Pseudonymises in place: one purging write (undoable in this session; the names leave the file when
 * the project closes or is purged). Every update is worked out before the write starts, so a refusal
 * (two participants given one name) writes nothing. Its summary and detail never carry a real name.
 */
export async function applyPseudonyms(project: Project, entries: PseudonymEntry[], onProgress?: (progress: PseudonymiseProgress) => void): Promise<PseudonymiseResult> {
  const { preview, updates } = await plan(project.db, entries, onProgress);
  if (preview.total === 0) return { ...preview, applied: false };
  const pz = createPseudonymizer(entries);
  project.write('pseudonyms/apply', () => {
    // Pseudonyms go first: segment snapshots and turns are rewritten in one pass, and their FTS rows follow through the triggers.
    runRowUpdates(project.db, updates);
    // The change log's own lines (an import's file name, a label's name) are not row images: rewritten here, they are not undone.
    for (const row of changeLogLines(project.db)) {
      const summary = pz.apply(row.summary);
      const detail = row.detail === null ? null : (rewriteValue(row.detail, 'auto', (s) => pz.apply(s)) ?? row.detail);
      if (summary !== row.summary || detail !== row.detail) rewriteChangeLogLine(project.db, row.id, summary, detail);
    }
    recordPseudonyms(project.db, entries.map((e) => e.pseudonym));
    return {
      result: null,
      summary: `Pseudonymised ${preview.total} occurrence${preview.total === 1 ? '' : 's'} of ${preview.replacements.length} name${preview.replacements.length === 1 ? '' : 's'} in ${preview.documents.length} document${preview.documents.length === 1 ? '' : 's'}`,
      detail: { documents: preview.documents.map((d) => d.documentId), occurrences: preview.total },
    };
  });
  return { ...preview, applied: true };
}
