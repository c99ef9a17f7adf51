import type { SpeakerRole } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';
import { prunedThrough } from '../history/log.ts';
import { latestChange } from '../concepts/store-sets.ts';

/**
 * Every segment's document, span and labels, held in memory and kept up to date from the change log.
 *
 * The label counts (codebook, palette) and the whole-project counts (the matrix, the concept
 * list) need every coding with its segment's document. In SQL that is a join on text ids over all
 * codings: 0.2–0.5 s for the 62,000 codings of a 1,000-interview project, and even reading the
 * codings alone costs 0.1 s. So the join is done once, on first use, and after that each write's
 * rows in `change_rows` (every write goes through `Project.write`, whose triggers log each row of
 * segments and codings it inserts, updates or deletes; undo and redo too) are applied to it: a
 * keypress's coding costs a few lookups instead of a new pass.
 *
 * The version is the latest change-log entry the index has seen. Inside a running write the data
 * may still move, so callers there get a fresh index that is not kept.
 */
export interface SegmentEntry {
  document: string;
  start: number;
  end: number;
  /** One label id per coding, so a label given by two coders is in it twice. */
  labels: string[];
  /** Whose speech the segment covers (services/speakers.ts), kept until the span or the roles change. */
  speech?: Speech;
  /** The roles index the kept speech was worked out with. */
  speechSerial?: number;
}

/** What a segment covers: the participants whose speech it holds, and whether it holds anyone else's. */
export interface Speech {
  /** Participant column keys (a participant id, '' for a participant without a case), in text order. */
  keys: string[];
  /** Some of it is the interviewer's or another non-participant's speech. */
  staff: boolean;
  /** The role of the first such speaker (to attribute an interviewer's passage). */
  staffRole: SpeakerRole | null;
}

export interface LabelTally {
  segments: number;
  /** The segments themselves: the codebook counts them by whose speech they cover (services/label-counts.ts). */
  ids: Set<string>;
  /** Document id → how many of the label's segments lie in it. */
  documents: Map<string, number>;
}

export class CodingIndex {
  readonly segments = new Map<string, SegmentEntry>();
  readonly labels = new Map<string, LabelTally>();
  /** Set when a change cannot be applied in place (it never happens through the project's own writes); the next read rebuilds. */
  stale = false;

  constructor(public version: number) {}

  addSegment(id: string, document: string, start: number, end: number): void {
    if (!this.segments.has(id)) this.segments.set(id, { document, start, end, labels: [] });
  }

  removeSegment(id: string): void {
    const entry = this.segments.get(id);
    if (!entry) return;
    for (const label of [...entry.labels]) this.removeCoding(id, label);
    this.segments.delete(id);
  }

  addCoding(segment: string, label: string): void {
    const entry = this.segments.get(segment);
    if (!entry) {
      this.stale = true;
      return;
    }
    if (!entry.labels.includes(label)) {
      let tally = this.labels.get(label);
      if (!tally) this.labels.set(label, (tally = { segments: 0, ids: new Set(), documents: new Map() }));
      tally.segments++;
      tally.ids.add(segment);
      tally.documents.set(entry.document, (tally.documents.get(entry.document) ?? 0) + 1);
    }
    entry.labels.push(label);
  }

  removeCoding(segment: string, label: string): void {
    const entry = this.segments.get(segment);
    // The segment went first (a cascade): its codings were taken off with it.
    if (!entry) return;
    const at = entry.labels.indexOf(label);
    if (at < 0) return;
    entry.labels.splice(at, 1);
    if (entry.labels.includes(label)) return;
    const tally = this.labels.get(label);
    if (!tally) return;
    tally.segments--;
    tally.ids.delete(segment);
    const left = (tally.documents.get(entry.document) ?? 1) - 1;
    if (left > 0) tally.documents.set(entry.document, left);
    else tally.documents.delete(entry.document);
    if (tally.segments === 0) this.labels.delete(label);
  }
}

/** A change-log row of segments or codings: the segment and label before and after, and the segment's document and span after. */
type ChangeRow = [
  tbl: string,
  op: string,
  beforeSegment: string | null,
  beforeLabel: string | null,
  afterSegment: string | null,
  afterLabel: string | null,
  document: string | null,
  start: number | null,
  end: number | null,
];

/** Above this many logged rows since the index's version, reading everything again is cheaper. */
const REBUILD_ABOVE = 20_000;

/** The index read afresh from the file (tests compare the kept one with it). */
export function buildCodingIndex(db: Db, version = latestChange(db)): CodingIndex {
  const index = new CodingIndex(version);
  for (const [id, document, start, end] of db.prepare('SELECT id, document_id, start, end FROM segments').raw().all() as Array<[string, string, number, number]>) {
    index.addSegment(id, document, start, end);
  }
  for (const [segment, label] of db.prepare('SELECT segment_id, label_id FROM codings').raw().all() as Array<[string, string]>) index.addCoding(segment, label);
  return index;
}

function changedRowCount(db: Db, from: number, to: number): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM change_rows WHERE change_id > ? AND change_id <= ? AND tbl IN ('segments', 'codings')").get(from, to) as { n: number }).n;
}

function hasBaseline(db: Db, from: number, to: number): boolean {
  return db.prepare("SELECT 1 FROM change_log WHERE id > ? AND id <= ? AND kind = 'baseline' LIMIT 1").get(from, to) !== undefined;
}

function changedRows(db: Db, from: number, to: number): ChangeRow[] {
  return db
    .prepare(
      `SELECT tbl, op,
              COALESCE(json_extract(before, '$.segment_id'), CASE WHEN tbl = 'segments' THEN json_extract(before, '$.id') END),
              json_extract(before, '$.label_id'),
              COALESCE(json_extract(after, '$.segment_id'), CASE WHEN tbl = 'segments' THEN json_extract(after, '$.id') END),
              json_extract(after, '$.label_id'),
              json_extract(COALESCE(after, before), '$.document_id'),
              json_extract(after, '$.start'),
              json_extract(after, '$.end')
       FROM change_rows WHERE change_id > ? AND change_id <= ? AND tbl IN ('segments', 'codings') ORDER BY change_id, seq`,
    )
    .raw()
    .all(from, to) as ChangeRow[];
}

function apply(index: CodingIndex, rows: ChangeRow[]): void {
  for (const [tbl, op, beforeSegment, beforeLabel, afterSegment, afterLabel, document, start, end] of rows) {
    if (tbl === 'segments') {
      if (op === 'insert') index.addSegment(afterSegment!, document!, start!, end!);
      else if (op === 'delete') index.removeSegment(beforeSegment!);
      else {
        // A resize keeps the segment in its document; anything else is not applied in place.
        const entry = index.segments.get(afterSegment!);
        if (!entry || entry.document !== document || beforeSegment !== afterSegment) index.stale = true;
        else {
          entry.start = start!;
          entry.end = end!;
          entry.speech = undefined;
        }
      }
    } else {
      if (op !== 'insert') index.removeCoding(beforeSegment!, beforeLabel!);
      if (op !== 'delete') index.addCoding(afterSegment!, afterLabel!);
    }
  }
}

const indexes = new WeakMap<Db, CodingIndex>();

/** The index as of the latest change: built on first use, then brought up to date from the change log. */
export function codingIndex(db: Db): CodingIndex {
  const version = latestChange(db);
  if (db.inTransaction) return buildCodingIndex(db, version);
  let index = indexes.get(db);
  if (index && !index.stale && index.version < version) {
    // A baseline write (an import) leaves no rows in the history: the index is read afresh after one.
    // Nor are a closed session's rows (another process closed the project since this index was built).
    if (changedRowCount(db, index.version, version) > REBUILD_ABOVE || hasBaseline(db, index.version, version) || prunedThrough(db) > index.version) index = undefined;
    else {
      apply(index, changedRows(db, index.version, version));
      index.version = version;
    }
  }
  if (!index || index.stale || index.version !== version) {
    index = buildCodingIndex(db, version);
    indexes.set(db, index);
  }
  return index;
}
