import type { SpeakerRole } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';

export interface SpeakerRow {
  id: string;
  documentId: string;
  name: string;
  role: SpeakerRole;
  participantId: string | null;
  confirmed: boolean;
}

/** Every stored speaker row (documents whose roles the researcher set or confirmed). */
export function storedSpeakers(db: Db): SpeakerRow[] {
  return (
    db.prepare('SELECT id, document_id AS documentId, name, role, participant_id AS participantId, confirmed FROM speakers').all() as Array<
      Omit<SpeakerRow, 'confirmed'> & { confirmed: number }
    >
  ).map((r) => ({ ...r, confirmed: r.confirmed === 1 }));
}

export function insertSpeaker(db: Db, row: SpeakerRow): void {
  db.prepare(
    'INSERT INTO speakers (id, document_id, name, role, participant_id, confirmed) VALUES (@id, @documentId, @name, @role, @participantId, @confirmed)',
  ).run({ ...row, confirmed: row.confirmed ? 1 : 0 });
}

export function updateSpeaker(db: Db, id: string, patch: { role: SpeakerRole; participantId: string | null; confirmed: boolean }): void {
  db.prepare('UPDATE speakers SET role = ?, participant_id = ?, confirmed = ? WHERE id = ?').run(patch.role, patch.participantId, patch.confirmed ? 1 : 0, id);
}

/** Per document: its participant and how much each speaker says (characters), from the turns. */
export function speakerSizes(db: Db): Map<string, Map<string, { size: number; turns: number }>> {
  const out = new Map<string, Map<string, { size: number; turns: number }>>();
  const idOf = documentIdsBySeq(db);
  for (const [seq, speaker, size, turns] of db
    .prepare('SELECT document_seq, speaker, SUM(end - start), COUNT(*) FROM turns WHERE speaker IS NOT NULL GROUP BY document_seq, speaker')
    .raw()
    .all() as Array<[number, string, number, number]>) {
    const documentId = idOf.get(seq)!;
    let forDocument = out.get(documentId);
    if (!forDocument) out.set(documentId, (forDocument = new Map()));
    forDocument.set(speaker, { size, turns });
  }
  return out;
}

/** Every document's id, name, participant and speakers in order of their first turn (kept on the document, migration 0008). */
export function documentSpeakerHeads(db: Db): Array<{ id: string; name: string; participantId: string | null; speakers: string[] }> {
  return (
    db.prepare('SELECT id, name, participant_id AS participantId, speakers FROM documents ORDER BY name COLLATE NOCASE, imported_at').all() as Array<{
      id: string;
      name: string;
      participantId: string | null;
      speakers: string;
    }>
  ).map((d) => ({ ...d, speakers: JSON.parse(d.speakers) as string[] }));
}

/** Every turn's span and speaker, by document then position: what the speech index is built from. */
export function allTurnSpans(db: Db): Array<[documentId: string, start: number, end: number, speaker: string | null]> {
  const idOf = documentIdsBySeq(db);
  const rows = db.prepare('SELECT document_seq, start, end, speaker FROM turns ORDER BY document_seq, position').raw().all() as Array<[number | string, number, number, string | null]>;
  for (const row of rows) row[0] = idOf.get(row[0] as number)!;
  return rows as Array<[string, number, number, string | null]>;
}

/**
 * Turns name their document by its `seq` (migration 0012); one pass over the documents maps it back,
 * cheaper than a join that looks up the document for each of 100,000 turns.
 */
function documentIdsBySeq(db: Db): Map<number, string> {
  return new Map(db.prepare('SELECT seq, id FROM documents').raw().all() as Array<[number, string]>);
}

/**
 * Something that changes the roles without a row of `speakers` in the change log: documents and
 * participants are written by imports, which keep no row history.
 */
export function rolesFingerprint(db: Db): string {
  const row = db
    .prepare(
      `SELECT (SELECT COUNT(*) || '/' || COALESCE(MAX(rowid), 0) FROM documents) AS d,
              (SELECT COUNT(*) || '/' || COALESCE(MAX(rowid), 0) || '/' || COALESCE(SUM(length(name)), 0) FROM participants) AS p,
              (SELECT COUNT(*) || '/' || COALESCE(MAX(rowid), 0) FROM speakers) AS s`,
    )
    .get() as { d: string; p: string; s: string };
  return `${row.d}|${row.p}|${row.s}`;
}

/**
 * Whether who speaks where may have changed in the change-log entries after `from` up to `to` (a
 * range of the log's key): a speaker row, or a turn or a document's speaker list (a corrected
 * transcript, pseudonymising).
 */
export function speakersChangedSince(db: Db, from: number, to: number): boolean {
  return db.prepare("SELECT 1 FROM change_rows WHERE change_id > ? AND change_id <= ? AND tbl IN ('speakers', 'turns', 'documents') LIMIT 1").get(from, to) !== undefined;
}

/** The document and span of these segments (ids as one JSON array); unknown ids are left out. */
export function segmentSpans(db: Db, segmentIds: readonly string[]): Array<{ id: string; document: string; start: number; end: number }> {
  if (segmentIds.length === 0) return [];
  return db
    .prepare('SELECT s.id, s.document_id AS document, s.start, s.end FROM json_each(?) j JOIN segments s ON s.id = j.value')
    .all(JSON.stringify(segmentIds)) as Array<{ id: string; document: string; start: number; end: number }>;
}
