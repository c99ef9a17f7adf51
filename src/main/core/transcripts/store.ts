/** The SQL of correcting a transcript: the document's turns, and the segments and guide marks that move with them. */
import type { Db } from '../db/database.ts';
import { SEQ_OF_ID } from '../documents/store.ts';
import type { StoredSegment } from './remap.ts';

export interface EditedTurn {
  id: number;
  position: number;
  speaker: string | null;
  start: number;
  end: number;
  timeStartMs: number | null;
  timeEndMs: number | null;
  text: string;
  /** A PDF's page (migration 0020): a turn split off keeps it. */
  page: number | null;
}

export interface EditedDocument {
  id: string;
  name: string;
  seq: number;
  ownText: string | null;
}

export function documentToEdit(db: Db, id: string): EditedDocument | undefined {
  return db.prepare('SELECT id, name, seq, own_text AS ownText FROM documents WHERE id = ?').get(id) as EditedDocument | undefined;
}

export function turnsToEdit(db: Db, documentId: string): EditedTurn[] {
  return db
    .prepare(
      `SELECT id, position, speaker, start, end, time_start_ms AS timeStartMs, time_end_ms AS timeEndMs, text, page
       FROM turns WHERE document_seq = ${SEQ_OF_ID} ORDER BY position`,
    )
    .all(documentId) as EditedTurn[];
}

/** Writes turns one by one, each statement prepared once. */
export function turnWriter(db: Db): {
  remove(id: number): void;
  /** Writes a turn's new place, speaker, times and words (`textChanged` false: its words stay as they are). */
  update(turn: EditedTurn, textChanged: boolean): void;
  insert(documentSeq: number, turn: Omit<EditedTurn, 'id'>): void;
  /** Moves every turn of the document from position `from` on by `positions` places and `chars` characters. */
  shift(documentSeq: number, from: number, positions: number, chars: number): void;
} {
  const remove = db.prepare('DELETE FROM turns WHERE id = ?');
  const update = db.prepare('UPDATE turns SET position = ?, speaker = ?, start = ?, end = ?, time_start_ms = ?, time_end_ms = ?, text = ? WHERE id = ?');
  // A turn that only moves keeps its words: naming `text` in the SET would fire the search index's
  // UPDATE OF text trigger, which takes the turn out of the index and tokenises it in again — for
  // every turn after a correction (most of a 300,000-character transcript's).
  const move = db.prepare('UPDATE turns SET position = ?, speaker = ?, start = ?, end = ?, time_start_ms = ?, time_end_ms = ? WHERE id = ?');
  const insert = db.prepare('INSERT INTO turns (document_seq, position, speaker, start, end, time_start_ms, time_end_ms, text, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  return {
    remove: (id) => void remove.run(id),
    update: (t, textChanged) =>
      void (textChanged
        ? update.run(t.position, t.speaker, t.start, t.end, t.timeStartMs, t.timeEndMs, t.text, t.id)
        : move.run(t.position, t.speaker, t.start, t.end, t.timeStartMs, t.timeEndMs, t.id)),
    insert: (seq, t) => void insert.run(seq, t.position, t.speaker, t.start, t.end, t.timeStartMs, t.timeEndMs, t.text, t.page),
    shift: (seq, from, positions, chars) =>
      void db.prepare('UPDATE turns SET position = position + ?, start = start + ?, end = end + ? WHERE document_seq = ? AND position >= ?').run(positions, chars, chars, seq, from),
  };
}

/** The document's segments that end at or after `from` and begin at or before `through`. */
export function documentSegmentsNear(db: Db, documentId: string, from: number, through: number): StoredSegment[] {
  return db
    .prepare('SELECT id, start, end, text, text_status AS textStatus, previous_text AS previousText FROM segments WHERE document_id = ? AND start <= ? AND end >= ?')
    .all(documentId, through, from) as StoredSegment[];
}

/** Moves the document's segments that begin after `after` by `delta` characters; answers how many. */
export function shiftSegmentsAfter(db: Db, documentId: string, after: number, delta: number): number {
  return db.prepare('UPDATE segments SET start = start + ?, end = end + ? WHERE document_id = ? AND start > ?').run(delta, delta, documentId, after).changes;
}

/** Writes moved segments one by one, the statement prepared once. */
export function segmentMover(db: Db): (segment: StoredSegment) => void {
  const move = db.prepare('UPDATE segments SET start = ?, end = ?, text = ?, text_status = ?, previous_text = ? WHERE id = ?');
  return (s) => void move.run(s.start, s.end, s.text, s.textStatus, s.previousText, s.id);
}

export function documentGuideMarks(db: Db, documentId: string): Array<{ id: string; start: number; end: number }> {
  return db.prepare('SELECT id, start, end FROM guide_spans WHERE document_id = ?').all(documentId) as Array<{ id: string; start: number; end: number }>;
}

/** Drops or moves guide marks one by one, each statement prepared once. */
export function guideMarkWriter(db: Db): { drop(id: string): void; move(id: string, start: number, end: number): void } {
  const drop = db.prepare('DELETE FROM guide_spans WHERE id = ?');
  const move = db.prepare('UPDATE guide_spans SET start = ?, end = ? WHERE id = ?');
  return { drop: (id) => void drop.run(id), move: (id, start, end) => void move.run(start, end, id) };
}

export function updateEditedDocument(db: Db, id: string, values: { ownText: string | null; wordCount: number; turnCount: number; speakers: readonly string[] }): void {
  db.prepare('UPDATE documents SET own_text = ?, word_count = ?, turn_count = ?, speakers = ? WHERE id = ?').run(
    values.ownText,
    values.wordCount,
    values.turnCount,
    JSON.stringify(values.speakers),
    id,
  );
}

/** A role set for a speaker no turn has any more would come back with the name: it goes. */
export function dropRolesOfGoneSpeakers(db: Db, documentId: string, speakers: readonly string[]): void {
  const dropRole = db.prepare('DELETE FROM speakers WHERE document_id = ? AND name = ?');
  for (const name of db.prepare('SELECT name FROM speakers WHERE document_id = ?').pluck().all(documentId) as string[]) if (!speakers.includes(name)) dropRole.run(documentId, name);
}

/** The text flags of these segments (those that exist). */
export function segmentTextFlags(db: Db, ids: readonly string[]): Array<{ id: string; status: string | null }> {
  return db.prepare('SELECT s.id, s.text_status AS status FROM json_each(?) j JOIN segments s ON s.id = j.value').all(JSON.stringify(ids)) as Array<{ id: string; status: string | null }>;
}

export function clearSegmentTextFlags(db: Db, ids: readonly string[]): void {
  const clear = db.prepare('UPDATE segments SET text_status = NULL, previous_text = NULL WHERE id = ?');
  for (const id of ids) clear.run(id);
}

/** What removing a segment tells the researcher: its words (or those it had) and its document. */
export function segmentToRemove(db: Db, id: string): { text: string; previous: string | null; name: string } | undefined {
  return db.prepare('SELECT s.text, s.previous_text AS previous, d.name FROM segments s JOIN documents d ON d.id = s.document_id WHERE s.id = ?').get(id) as
    | { text: string; previous: string | null; name: string }
    | undefined;
}

/** Removes a segment with its codings (they cascade). */
export function deleteSegment(db: Db, id: string): void {
  db.prepare('DELETE FROM segments WHERE id = ?').run(id);
}
