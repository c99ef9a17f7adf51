import type { Db } from '../db/database.ts';
import type { MemoFields } from '../memos/store.ts';

/** The few reads and writes the REFI-QDA interchange needs beyond the other repos. */

/** How much a project already holds: a .qdpx goes only into an empty one. */
export function projectContents(db: Db): { documents: number; labels: number; participants: number; memos: number } {
  return db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM labels) AS labels,
              (SELECT COUNT(*) FROM participants) AS participants, (SELECT COUNT(*) FROM memos) AS memos`,
    )
    .get() as { documents: number; labels: number; participants: number; memos: number };
}

export function documentHashes(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT id, source_hash AS hash FROM documents').all() as Array<{ id: string; hash: string }>;
  return new Map(rows.map((r) => [r.id, r.hash]));
}

/** A memo as a file recorded it: who wrote it and when, and who changed it last. */
export type MemoRowIn = MemoFields & { id: string; createdBy: string; createdAt: string; updatedBy: string; updatedAt: string };

/** A memo with its own authorship and dates, as the file recorded them. */
export function insertMemoAsRecorded(db: Db, memo: MemoRowIn): void {
  db.prepare(
    `INSERT INTO memos (id, target_kind, target_id, title, body_rich, body_text, created_by, created_at, updated_by, updated_at)
     VALUES (@id, @targetKind, @targetId, @title, @bodyRich, @bodyText, @createdBy, @createdAt, @updatedBy, @updatedAt)`,
  ).run(memo);
}

/** Puts a label at a given place among its siblings (an imported tree keeps the file's order). */
export function setLabelPosition(db: Db, id: string, position: number): void {
  db.prepare('UPDATE labels SET position = ? WHERE id = ?').run(position, id);
}

export function setAttributePosition(db: Db, id: string, position: number): void {
  db.prepare('UPDATE attributes SET position = ? WHERE id = ?').run(position, id);
}

/** Every id in use in the tables an import fills, so that GUIDs from a file never collide with them. */
export function idsInUse(db: Db): Set<string> {
  const rows = db
    .prepare(
      `SELECT id FROM documents UNION ALL SELECT id FROM labels UNION ALL SELECT id FROM segments UNION ALL SELECT id FROM codings
       UNION ALL SELECT id FROM memos UNION ALL SELECT id FROM participants UNION ALL SELECT id FROM attributes`,
    )
    .all() as Array<{ id: string }>;
  return new Set(rows.map((r) => r.id));
}

export function insertParticipantAs(db: Db, participant: { id: string; name: string; createdAt: string }): void {
  db.prepare('INSERT INTO participants (id, name, created_at) VALUES (@id, @name, @createdAt)').run(participant);
}

/** A selection of a document with one of its codings (none: the coding fields are null). */
export interface SelectionRow {
  segmentId: string;
  start: number;
  end: number;
  text: string;
  createdBy: string;
  createdAt: string;
  codingId: string | null;
  labelId: string | null;
  coder: string | null;
  codedAt: string | null;
}

/**
 * A document's segments with their codings, a row per coding, in the order of the segments in the
 * text and of the codings in time; iterated, so that an export writes each row as it is read.
 */
export function selectionRows(db: Db, documentId: string): IterableIterator<SelectionRow> {
  return db
    .prepare(
      `SELECT s.id AS segmentId, s.start, s.end, s.text, s.created_by AS createdBy, s.created_at AS createdAt,
              c.id AS codingId, c.label_id AS labelId, COALESCE(k.name, c.coder) AS coder, c.created_at AS codedAt
       FROM segments s LEFT JOIN codings c ON c.segment_id = s.id LEFT JOIN coders k ON k.id = c.coder
       WHERE s.document_id = ? ORDER BY s.start, s.end, s.id, c.created_at, c.id`,
    )
    .iterate(documentId) as IterableIterator<SelectionRow>;
}

/**
 * Tables that round 1 of the interchange writes field by field (or that are bookkeeping); every
 * other table (the guide, rounds 2 and 3, the outline, and whatever later migrations add) travels
 * row for row in the Duiding block, so that a round trip loses nothing.
 */
const WRITTEN_BY_FIELD = new Set([
  'project_meta', 'participants', 'attributes', 'participant_attributes', 'documents', 'turns', 'change_log', 'change_rows',
  'write_context', 'coders', 'labels', 'segments', 'codings', 'memos',
  // The audit of exports belongs to this file: it does not travel to another project.
  'export_log',
  // Per document in the block, with the case's GUID: they follow the document's and the case's new ids.
  'speakers',
]);

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

const columnsOf = (db: Db, table: string) => db.prepare(`PRAGMA table_info("${table.replace(/"/g, '')}")`).all() as ColumnInfo[];

/** Those other tables, parents before children (by their foreign keys). */
export function rowTables(db: Db): string[] {
  const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' ORDER BY name").all() as Array<{ name: string }>)
    .map((r) => r.name)
    .filter((n) => !WRITTEN_BY_FIELD.has(n) && !n.startsWith('sqlite_') && !n.startsWith('turns_fts') && columnsOf(db, n).some((c) => c.name === 'id' && c.pk === 1));
  const parents = new Map(
    names.map((n) => [n, (db.prepare(`PRAGMA foreign_key_list("${n}")`).all() as Array<{ table: string }>).map((f) => f.table).filter((t) => t !== n && names.includes(t))]),
  );
  const ordered: string[] = [];
  const visit = (n: string, path: Set<string>) => {
    if (ordered.includes(n) || path.has(n)) return;
    path.add(n);
    for (const p of parents.get(n) ?? []) visit(p, path);
    ordered.push(n);
  };
  for (const n of names) visit(n, new Set());
  return ordered;
}

export function dumpTable(db: Db, table: string): Array<Record<string, unknown>> {
  return db.prepare(`SELECT * FROM "${table.replace(/"/g, '')}" ORDER BY rowid`).all() as Array<Record<string, unknown>>;
}

/**
 * Writes rows back (a row whose id exists, such as a built-in relation type, is updated). A row whose
 * references are missing is retried after the others (a child section before its parent) and, if it
 * still cannot go in, counted as refused rather than failing the whole import.
 */
export function restoreRows(db: Db, table: string, rows: Array<Record<string, unknown>>): { restored: number; refused: number } {
  const columns = columnsOf(db, table);
  const known = new Map(columns.map((c) => [c.name, c]));
  let pending = rows.filter((r) => typeof r === 'object' && r !== null && typeof r.id === 'string');
  let restored = 0;
  while (pending.length > 0) {
    const failed: typeof pending = [];
    for (const row of pending) {
      const names = Object.keys(row).filter((k) => known.has(k));
      const values = names.map((k) => {
        const v = row[k];
        return typeof v === 'number' && Number.isInteger(v) && known.get(k)!.type.toUpperCase() !== 'REAL' ? BigInt(v) : (v as string | number | null);
      });
      const updates = names.filter((k) => k !== 'id').map((k) => `"${k}" = excluded."${k}"`);
      const sql = `INSERT INTO "${table}" (${names.map((k) => `"${k}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})
        ON CONFLICT (id) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`;
      try {
        db.prepare(sql).run(...values);
        restored++;
      } catch {
        failed.push(row);
      }
    }
    if (failed.length === pending.length) return { restored, refused: failed.length };
    pending = failed;
  }
  return { restored, refused: 0 };
}
