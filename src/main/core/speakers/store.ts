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

/** Per document (every one, or the one given): how much each speaker says (characters), from the turns. */
export function speakerSizes(db: Db, documentId?: string): Map<string, Map<string, { size: number; turns: number }>> {
  const out = new Map<string, Map<string, { size: number; turns: number }>>();
  const idOf = documentIdsBySeq(db);
  const rows =
    documentId === undefined
      ? db.prepare('SELECT document_seq, speaker, SUM(end - start), COUNT(*) FROM turns WHERE speaker IS NOT NULL GROUP BY document_seq, speaker').raw().all()
      : db
          .prepare('SELECT document_seq, speaker, SUM(end - start), COUNT(*) FROM turns WHERE document_seq = (SELECT seq FROM documents WHERE id = ?) AND speaker IS NOT NULL GROUP BY speaker')
          .raw()
          .all(documentId);
  for (const [seq, speaker, size, turns] of rows as Array<[number, string, number, number]>) {
    const documentId = idOf.get(seq)!;
    let forDocument = out.get(documentId);
    if (!forDocument) out.set(documentId, (forDocument = new Map()));
    forDocument.set(speaker, { size, turns });
  }
  return out;
}

/** Every document's (or the one given) id, name, participant and speakers in order of their first turn (kept on the document, migration 0008). */
export function documentSpeakerHeads(db: Db, documentId?: string): Array<{ id: string; name: string; participantId: string | null; speakers: string[] }> {
  const columns = 'SELECT id, name, participant_id AS participantId, speakers FROM documents';
  return (
    (documentId === undefined ? db.prepare(`${columns} ORDER BY name COLLATE NOCASE, imported_at`).all() : db.prepare(`${columns} WHERE id = ?`).all(documentId)) as Array<{
      id: string;
      name: string;
      participantId: string | null;
      speakers: string;
    }>
  ).map((d) => ({ ...d, speakers: JSON.parse(d.speakers) as string[] }));
}

/** Every turn's span and speaker (of every document, or the one given), by document then position: what the speech index is built from. */
export function allTurnSpans(db: Db, documentId?: string): Array<[documentId: string, start: number, end: number, speaker: string | null]> {
  const idOf = documentIdsBySeq(db);
  const rows = (
    documentId === undefined
      ? db.prepare('SELECT document_seq, start, end, speaker FROM turns ORDER BY document_seq, position').raw().all()
      : db.prepare('SELECT document_seq, start, end, speaker FROM turns WHERE document_seq = (SELECT seq FROM documents WHERE id = ?) ORDER BY position').raw().all(documentId)
  ) as Array<[number | string, number, number, string | null]>;
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
 * Which documents' speech the change-log entries after `from` up to `to` changed: those whose turns
 * or speaker list changed (a corrected transcript). Null when the change may reach other documents
 * too: a speaker row (the project's interviewers), a document's name or participant, a document
 * added or removed.
 */
export function speechChangedDocuments(db: Db, from: number, to: number): Set<string> | null {
  const rows = db
    .prepare(
      `SELECT tbl, op, row_id,
              CASE tbl WHEN 'turns' THEN (SELECT id FROM documents WHERE seq = COALESCE(json_extract(after, '$.document_seq'), json_extract(before, '$.document_seq'))) END,
              CASE tbl WHEN 'documents' THEN json_extract(before, '$.name') IS NOT json_extract(after, '$.name')
                                          OR json_extract(before, '$.participant_id') IS NOT json_extract(after, '$.participant_id') END
       FROM change_rows WHERE change_id > ? AND change_id <= ? AND tbl IN ('speakers', 'turns', 'documents')`,
    )
    .raw()
    .all(from, to) as Array<[string, string, string, string | null, number | null]>;
  const documents = new Set<string>();
  for (const [table, op, rowId, turnDocument, headChanged] of rows) {
    if (table === 'speakers' || (table === 'documents' && (op !== 'update' || headChanged === 1))) return null;
    const documentId = table === 'documents' ? rowId : turnDocument;
    if (documentId === null) return null;
    documents.add(documentId);
  }
  return documents;
}

/** The document and span of these segments (ids as one JSON array); unknown ids are left out. */
export function segmentSpans(db: Db, segmentIds: readonly string[]): Array<{ id: string; document: string; start: number; end: number }> {
  if (segmentIds.length === 0) return [];
  return db
    .prepare('SELECT s.id, s.document_id AS document, s.start, s.end FROM json_each(?) j JOIN segments s ON s.id = j.value')
    .all(JSON.stringify(segmentIds)) as Array<{ id: string; document: string; start: number; end: number }>;
}
