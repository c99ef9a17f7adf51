import type { Db } from '../db/database.ts';
import { TRACKED_TABLES } from './tracked.ts';

/**
 * Row history: for every tracked table, three triggers copy each row a write inserts, updates or
 * deletes into `change_rows`, under the change-log entry of that write (`write_context.change_id`),
 * as a JSON image of all its columns. Undo replays a change's rows backwards, redo forwards.
 *
 * The triggers are generated here from `PRAGMA table_info`, so that a column added by a migration is
 * in the history at once: they used to be hand-copied column lists in the migrations (66 triggers),
 * and migration 0003 had to drop and rewrite a set to add one column. They are installed again after
 * every migration, and when an opened project's triggers differ from what this version generates.
 *
 * A row is addressed by its `id` where the table has one (the coding index reads segment and coding
 * ids from the images), else by its rowid.
 *
 * An update's two images hold every column but a text one that kept its value: a key or a column of
 * a foreign key is always there (the coding index and the speech cache read document and segment ids
 * from them), a number always, a text only when it changed. Replay sets the columns an image holds,
 * so undo and redo restore the row exactly, while a correction that moves 1,400 coded passages and 600
 * turns of a long transcript logs their places, not each passage's and turn's words twice (1.6 MB
 * and 720 pages of the file per correction, before). A baseline write (an import) sets `record = 0`: its rows
 * are not copied, since nothing before it can be undone and a transcript's text would be stored twice.
 */
const PREFIX = 'history_';

interface Column {
  name: string;
  type: string;
  pk: number;
}

export function columnsOf(db: Db, table: string): Column[] {
  return db.prepare(`PRAGMA table_info("${table}")`).all() as Column[];
}

/** How a row of the table is addressed in `change_rows.row_id` and found again by replay. */
export function rowKey(db: Db, table: string): 'id' | 'rowid' {
  return columnsOf(db, table).some((c) => c.name === 'id' && c.pk === 1) ? 'id' : 'rowid';
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The columns an update's image holds only when their value changed: those that may hold text and are no key. */
function textColumns(db: Db, table: string, columns: Column[]): Set<string> {
  const foreign = new Set((db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Array<{ from: string }>).map((k) => k.from));
  const text = columns.filter((c) => c.pk === 0 && !foreign.has(c.name) && !/^(INTEGER|INT|REAL)$/i.test(c.type)).map((c) => c.name);
  // One member is always there, so that the others can each start with a comma.
  return new Set(text.length === columns.length ? text.slice(1) : text);
}

/** An update's image of the old or new row, as JSON built by concatenation (json_object cannot leave a member out). */
function updateImage(columns: Column[], text: Set<string>, row: 'new' | 'old'): string {
  const member = (c: Column, first: boolean) => `'${first ? '' : ','}${JSON.stringify(c.name)}:' || json_quote(${row}.${quote(c.name)})`;
  const always = columns.filter((c) => !text.has(c.name));
  const parts = always.map((c, i) => member(c, i === 0));
  for (const c of columns.filter((c) => text.has(c.name))) parts.push(`CASE WHEN old.${quote(c.name)} IS new.${quote(c.name)} THEN '' ELSE ${member(c, false)} END`);
  return `('{' || ${parts.join(' || ')} || '}')`;
}

function triggerSql(db: Db, table: string): string[] {
  const columns = columnsOf(db, table);
  if (columns.length === 0) throw new Error(`A tracked table does not exist: ${table}`);
  const key = rowKey(db, table);
  const image = (row: 'new' | 'old') => `json_object(${columns.map((c) => `'${c.name}', ${row}.${quote(c.name)}`).join(', ')})`;
  const text = textColumns(db, table, columns);
  const id = (row: 'new' | 'old') => (key === 'id' ? `${row}."id"` : `${row}.rowid`);
  const seq = '(SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id)';
  const when = 'WHEN (SELECT change_id FROM write_context WHERE one = 1 AND record = 1) IS NOT NULL';
  const body = (op: string, rowId: string, before: string, after: string) =>
    `INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after) SELECT w.change_id, ${seq}, '${table}', '${op}', ${rowId}, ${before}, ${after} FROM write_context w WHERE w.one = 1;`;
  return [
    `CREATE TRIGGER ${quote(`${PREFIX}${table}_insert`)} AFTER INSERT ON ${quote(table)} ${when} BEGIN ${body('insert', id('new'), 'NULL', image('new'))} END`,
    `CREATE TRIGGER ${quote(`${PREFIX}${table}_update`)} AFTER UPDATE ON ${quote(table)} ${when} BEGIN ${body('update', id('new'), updateImage(columns, text, 'old'), updateImage(columns, text, 'new'))} END`,
    `CREATE TRIGGER ${quote(`${PREFIX}${table}_delete`)} AFTER DELETE ON ${quote(table)} ${when} BEGIN ${body('delete', id('old'), image('old'), 'NULL')} END`,
  ];
}

/** The history triggers this version generates for the project's present tables. */
export function generatedTriggers(db: Db): string[] {
  // A table of a later migration is not there yet while the migration tests stop short of it.
  const present = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name));
  return TRACKED_TABLES.filter((table) => present.has(table)).flatMap((table) => triggerSql(db, table));
}

function installedTriggers(db: Db): Array<{ name: string; sql: string }> {
  return db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '${PREFIX}%' ORDER BY name`).all() as Array<{ name: string; sql: string }>;
}

/** True when the project's history triggers are exactly the generated ones. */
export function triggersCurrent(db: Db): boolean {
  const wanted = generatedTriggers(db).sort();
  const present = installedTriggers(db).map((t) => t.sql).sort();
  return wanted.length === present.length && wanted.every((sql, i) => sql === present[i]);
}

/** Drops the generated triggers (before a migration changes the tables they name). */
export function dropTriggers(db: Db): void {
  for (const { name } of installedTriggers(db)) db.exec(`DROP TRIGGER ${quote(name)}`);
}

/** Drops the generated triggers and creates them anew; inside the caller's transaction. */
export function installTriggers(db: Db): void {
  dropTriggers(db);
  for (const sql of generatedTriggers(db)) db.exec(sql);
}

/**
 * Runs `fn` with the table's history triggers set aside, inside a baseline write only: there
 * (`record = 0`) they would copy nothing, yet SQLite still runs each one's WHEN per row, and for a
 * survey's 420,000 answers that was three quarters of the insert's time. They are created again
 * before the write commits (a failed write rolls both back), so no other write ever runs without them.
 */
export function withoutHistoryTriggers<T>(db: Db, table: string, fn: () => T): T {
  const context = db.prepare('SELECT change_id AS changeId, record FROM write_context WHERE one = 1').get() as { changeId: number | null; record: number } | undefined;
  if (!context || context.changeId === null || context.record !== 0) throw new Error(`History triggers of ${table} may be set aside only inside a baseline write.`);
  const names = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name LIKE '${PREFIX}%'`).pluck().all(table) as string[];
  for (const name of names) db.exec(`DROP TRIGGER ${quote(name)}`);
  const result = fn();
  if (names.length) for (const sql of triggerSql(db, table)) db.exec(sql);
  return result;
}
