import type { ChangeNotice, TableName } from '../../../shared/api/changes.ts';
import { isTableName } from '../../../shared/api/changes.ts';
import type { Db } from '../db/database.ts';
import { TRACKED_TABLES } from './tracked.ts';
import { columnsOf, rowKey } from './triggers.ts';

/**
 * The change log: one entry per write (who, when, which action, a one-line summary), and under it
 * the rows the write changed (`change_rows`, filled by the generated triggers). Undo replays an
 * entry's rows backwards, redo forwards; both are entries of their own, so the audit trail keeps them.
 */
export type ChangeKind = ChangeNotice['kind'];

const TRACKED: ReadonlySet<string> = new Set(TRACKED_TABLES);

export function beginChange(db: Db, change: { at: string; coder: string; action: string; kind: ChangeKind }): number {
  const id = Number(
    db.prepare("INSERT INTO change_log (at, coder, action, summary, kind) VALUES (@at, @coder, @action, '', @kind)").run(change).lastInsertRowid,
  );
  // A purging write may rewrite the audit lines that hold what it removes (the triggers of migration 0013 refuse it otherwise).
  db.prepare('UPDATE write_context SET change_id = ?, record = ?, audit_rewrite = ? WHERE one = 1').run(id, change.kind === 'baseline' ? 0 : 1, change.kind === 'purging' ? 1 : 0);
  return id;
}

/**
 * Closes the entry; answers the tables it changed (from its rows in change_rows, plus those a
 * baseline write declared, whose rows are not copied), and keeps them on the entry for the audit.
 */
export function endChange(
  db: Db,
  id: number,
  summary: string,
  detail: string | null,
  links: { undoOf?: number; redoOf?: number } = {},
  declared: readonly TableName[] = [],
): TableName[] {
  const tables = [...new Set([...tablesOf(db, id), ...declared])].sort();
  // While the entry is still the open one: the append-only triggers let only it be completed.
  db.prepare('UPDATE change_log SET summary = ?, detail = ?, undo_of = ?, redo_of = ?, tables = ? WHERE id = ?').run(
    summary,
    detail,
    links.undoOf ?? null,
    links.redoOf ?? null,
    JSON.stringify(tables),
    id,
  );
  db.prepare('UPDATE write_context SET change_id = NULL, record = 1, audit_rewrite = 0 WHERE one = 1').run();
  return tables;
}

/**
 * Drops every row image: they serve undo and redo within a session, which ends here. The entries
 * stay, with the tables each changed. Inside the caller's transaction.
 */
export function pruneHistory(db: Db): void {
  db.prepare('DELETE FROM change_rows').run();
  db.prepare('UPDATE write_context SET pruned_through = (SELECT COALESCE(MAX(id), 0) FROM change_log) WHERE one = 1').run();
}

/**
 * An entry of its own for the purge (it changes no project row): who purged, when, and what left the
 * file. Entries are append-only; this is how the audit learns that stored values were rewritten.
 */
export function appendPurgeEntry(db: Db, entry: { at: string; coder: string; summary: string; detail: unknown }): void {
  db.prepare("INSERT INTO change_log (at, coder, action, summary, kind, detail, tables) VALUES (@at, @coder, 'project/purge', @summary, 'purging', @detail, '[]')").run({
    ...entry,
    detail: JSON.stringify(entry.detail),
  });
}

/** The last change-log entry whose row images are gone. */
export function prunedThrough(db: Db): number {
  return db.prepare('SELECT pruned_through FROM write_context WHERE one = 1').pluck().get() as number;
}

/** The tracked tables whose rows a change-log entry changed. */
export function tablesOf(db: Db, id: number): TableName[] {
  return (db.prepare('SELECT DISTINCT tbl FROM change_rows WHERE change_id = ?').pluck().all(id) as string[]).filter(isTableName);
}

export function changeSummary(db: Db, id: number): string {
  return (db.prepare('SELECT summary FROM change_log WHERE id = ?').get(id) as { summary: string } | undefined)?.summary ?? '';
}

interface ChangeRow {
  tbl: string;
  op: 'insert' | 'update' | 'delete';
  row_id: string;
  image: string | null;
}

/**
 * Writes one row image back. The columns are read out of the JSON image by SQLite itself
 * (`json_extract`), so that each value keeps its storage class: an INTEGER stays an INTEGER in an
 * `ANY` column, where a number bound from JavaScript would come back as REAL.
 */
function replayRow(db: Db, table: string, op: 'insert' | 'update' | 'delete', rowId: string, image: string | null): void {
  if (!TRACKED.has(table)) throw new Error(`Not a tracked table: ${table}`);
  const key = rowKey(db, table);
  const where = key === 'id' ? '"id" = ?' : 'rowid = ?';
  if (op === 'delete') {
    db.prepare(`DELETE FROM "${table}" WHERE ${where}`).run(rowId);
    return;
  }
  const known = new Set(columnsOf(db, table).map((c) => c.name));
  const columns = Object.keys(JSON.parse(image!) as Record<string, unknown>).filter((c) => known.has(c));
  const value = (c: string) => `json_extract(@image, '$."${c}"')`;
  if (op === 'insert') {
    const names = [...(key === 'rowid' ? ['rowid'] : []), ...columns.map((c) => `"${c}"`)];
    const values = [...(key === 'rowid' ? ['@rowId'] : []), ...columns.map(value)];
    db.prepare(`INSERT INTO "${table}" (${names.join(', ')}) VALUES (${values.join(', ')})`).run({ image, rowId });
  } else {
    const sets = columns.filter((c) => c !== 'id').map((c) => `"${c}" = ${value(c)}`).join(', ');
    db.prepare(`UPDATE "${table}" SET ${sets} WHERE ${key === 'id' ? '"id" = @rowId' : 'rowid = @rowId'}`).run({ image, rowId });
  }
}

/** Replays one change: backwards (undo) or forwards (redo), inside the caller's transaction. */
export function replayChange(db: Db, id: number, direction: 'backward' | 'forward'): number {
  const backward = direction === 'backward';
  const rows = db
    .prepare(
      `SELECT tbl, op, row_id, CASE WHEN ${backward ? "op = 'insert'" : "op = 'delete'"} THEN NULL WHEN ${backward ? '1' : '0'} THEN before ELSE after END AS image
       FROM change_rows WHERE change_id = ? ORDER BY seq ${backward ? 'DESC' : 'ASC'}`,
    )
    .all(id) as ChangeRow[];
  // Rows come back in an order that may briefly break a foreign key (a coding before its label);
  // the keys are checked when the transaction commits.
  db.pragma('defer_foreign_keys = ON');
  for (const row of rows) {
    if (backward) {
      if (row.op === 'insert') replayRow(db, row.tbl, 'delete', row.row_id, null);
      else if (row.op === 'delete') replayRow(db, row.tbl, 'insert', row.row_id, row.image);
      else replayRow(db, row.tbl, 'update', row.row_id, row.image);
    } else {
      replayRow(db, row.tbl, row.op, row.row_id, row.image);
    }
  }
  return rows.length;
}
