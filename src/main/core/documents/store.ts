import type { DocumentDetail, DocumentKind, DocumentSummary, Turn } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';

export interface NewDocument {
  id: string;
  name: string;
  kind: DocumentKind;
  participantId: string | null;
  text: string;
  wordCount: number;
  sourceName: string;
  sourceHash: string;
  importer: string;
  importedAt: string;
  importedBy: string;
  turns: Turn[];
}

/** The speakers of the turns, each once, in the order of their first turn (kept on the document, migration 0008). */
export function speakersOf(turns: ReadonlyArray<Pick<Turn, 'position' | 'speaker'>>): string[] {
  const seen = new Set<string>();
  for (const turn of [...turns].sort((a, b) => a.position - b.position)) if (turn.speaker !== null) seen.add(turn.speaker);
  return [...seen];
}

/**
 * Turns point at their document by its `seq` (migration 0012), not its id: a condition on one
 * document's turns reads `document_seq = ${SEQ_OF_ID}` with the id bound to `?`.
 */
export const SEQ_OF_ID = '(SELECT seq FROM documents WHERE id = ?)';

/** The canonical text of a transcript as its importers make it: the turns joined by a blank line. */
export function joinTurns(texts: readonly string[]): string {
  return texts.join('\n\n');
}

/**
 * Stores a document. Its text is stored once, in its turns; only a text that is not the turns joined
 * by blank lines (a REFI-QDA source) keeps its own copy (migration 0010).
 */
export function insertDocument(db: Db, doc: NewDocument): void {
  const { seq, turns } = insertDocumentRow(db, doc);
  insertTurns(db, seq, turns);
}

/**
 * A document's own row, without its turns: what `insertDocument` does first. Returns its `seq` and
 * its turns in order, for `insertTurns` — which a long import calls in slices, giving other callers
 * their turn in between (issue 16: one file's 1,200 turns with their search index were one piece).
 */
export function insertDocumentRow(db: Db, doc: NewDocument): { seq: number; turns: Turn[] } {
  const { turns, text, ...row } = doc;
  const ordered = [...turns].sort((a, b) => a.position - b.position);
  const ownText = joinTurns(ordered.map((t) => t.text)) === text ? null : text;
  db.prepare(
    `INSERT INTO documents (id, seq, name, kind, participant_id, own_text, word_count, source_name, source_hash, importer, imported_at, imported_by, turn_count, speakers)
     VALUES (@id, (SELECT IFNULL(MAX(seq), 0) + 1 FROM documents), @name, @kind, @participantId, @ownText, @wordCount, @sourceName, @sourceHash, @importer, @importedAt, @importedBy, @turnCount, @speakers)`,
  ).run({ ...row, ownText, turnCount: turns.length, speakers: JSON.stringify(speakersOf(turns)) });
  const seq = db.prepare('SELECT seq FROM documents WHERE id = ?').pluck().get(doc.id) as number;
  return { seq, turns: ordered };
}

/** Turns of the document with this `seq` (from `insertDocumentRow`), in order. */
export function insertTurns(db: Db, seq: number, turns: readonly Turn[]): void {
  const insertTurn = db.prepare(
    `INSERT INTO turns (document_seq, position, speaker, start, end, time_start_ms, time_end_ms, text, page)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const t of turns) insertTurn.run(seq, t.position, t.speaker, t.start, t.end, t.startMs, t.endMs, t.text, t.page ?? null);
}

export function findDocumentByHash(db: Db, hash: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM documents WHERE source_hash = ? LIMIT 1').get(hash) as { id: string; name: string } | undefined;
}

const SUMMARY_SELECT = `
  SELECT d.id, d.name, d.kind, d.participant_id AS participantId, p.name AS participantName,
         d.word_count AS wordCount, d.source_name AS sourceName, d.importer, d.imported_at AS importedAt,
         d.imported_by AS importedBy,
         d.turn_count AS turnCount, d.speakers AS speakersJson, d.citation
  FROM documents d LEFT JOIN participants p ON p.id = d.participant_id`;

type SummaryRow = Omit<DocumentSummary, 'speakers' | 'rolesUnconfirmed'> & { speakersJson: string };

/** `rolesUnconfirmed` comes from the speakers' roles (services/speakers.ts); the handlers fill it in. */
function toSummary({ speakersJson, ...row }: SummaryRow): DocumentSummary {
  return { ...row, speakers: JSON.parse(speakersJson) as string[], rolesUnconfirmed: false };
}

export function listDocuments(db: Db): DocumentSummary[] {
  return (db.prepare(`${SUMMARY_SELECT} ORDER BY d.name COLLATE NOCASE, d.imported_at`).all() as SummaryRow[]).map(toSummary);
}

export function getDocument(db: Db, id: string): DocumentDetail | undefined {
  const row = db.prepare(`${SUMMARY_SELECT} WHERE d.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) return undefined;
  const turns = db
    .prepare(
      `SELECT position, speaker, start, end, time_start_ms AS startMs, time_end_ms AS endMs, text, page
       FROM turns WHERE document_seq = ${SEQ_OF_ID} ORDER BY position`,
    )
    .all(id) as Turn[];
  // Only a PDF's turns have a page: the others' stay as they were.
  for (const turn of turns) if (turn.page === null) delete turn.page;
  const own = db.prepare('SELECT own_text FROM documents WHERE id = ?').pluck().get(id) as string | null;
  return { ...toSummary(row), text: own ?? joinTurns(turns.map((t) => t.text)), turns };
}

/** A document's canonical text; undefined when there is no such document. */
export function documentText(db: Db, id: string): string | undefined {
  const row = db.prepare('SELECT own_text AS own FROM documents WHERE id = ?').get(id) as { own: string | null } | undefined;
  if (!row) return undefined;
  return row.own ?? joinTurns(db.prepare(`SELECT text FROM turns WHERE document_seq = ${SEQ_OF_ID} ORDER BY position`).pluck().all(id) as string[]);
}

/** A document's name and text only: what a coding action needs, without the turns' other fields and the summary's joins. */
export function getDocumentText(db: Db, id: string): { id: string; name: string; text: string } | undefined {
  const row = db.prepare('SELECT id, name FROM documents WHERE id = ?').get(id) as { id: string; name: string } | undefined;
  return row && { ...row, text: documentText(db, id)! };
}

export function setDocumentCitation(db: Db, documentId: string, citation: string | null): void {
  db.prepare('UPDATE documents SET citation = ? WHERE id = ?').run(citation, documentId);
}

export function linkDocumentToParticipant(db: Db, documentId: string, participantId: string | null): void {
  db.prepare('UPDATE documents SET participant_id = ? WHERE id = ?').run(participantId, documentId);
}

export function countRows(db: Db, table: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table);
  // Tables of later rounds arrive with later migrations; until then there are none of them.
  if (!exists) return 0;
  return (db.prepare(`SELECT COUNT(*) AS n FROM "${table.replace(/"/g, '')}"`).get() as { n: number }).n;
}

export function totalWords(db: Db): number {
  return (db.prepare('SELECT COALESCE(SUM(word_count), 0) AS n FROM documents').get() as { n: number }).n;
}

export interface TurnRow {
  id: number;
  position: number;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
}

/** A document's turns with their keys, in order: what a withdrawal cuts from a focus group. */
export function documentTurns(db: Db, id: string): TurnRow[] {
  return db.prepare(`SELECT id, position, speaker, start, end, text FROM turns WHERE document_seq = ${SEQ_OF_ID} ORDER BY position`).all(id) as TurnRow[];
}

/** A document's own copy of its text (a text of another tool that is not its turns joined), or null. */
export function documentOwnText(db: Db, id: string): string | null {
  return (db.prepare('SELECT own_text FROM documents WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}
