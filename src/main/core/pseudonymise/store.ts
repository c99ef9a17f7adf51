import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

/**
 * What the project keeps about pseudonymising, in `project_meta`: the pseudonyms applied (so that the
 * name finder does not suggest them) and the names the researcher dismissed — as salted hashes only,
 * since the project must never hold a real name. The salt is the project's own, so the same name
 * hashes differently in two projects.
 */
const PSEUDONYMS = 'pseudonyms';
const SALT = 'names_salt';
const DISMISSED = 'names_dismissed';

function get(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value FROM project_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

function set(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

const list = (db: Db, key: string): string[] => JSON.parse(get(db, key) ?? '[]') as string[];

export function appliedPseudonyms(db: Db): string[] {
  return list(db, PSEUDONYMS);
}

/** Adds pseudonyms to those applied; writes only when one is new (an unchanged row is no change). */
export function recordPseudonyms(db: Db, pseudonyms: readonly string[]): void {
  const known = list(db, PSEUDONYMS);
  const next = [...new Set([...known, ...pseudonyms])].sort();
  if (next.length !== known.length) set(db, PSEUDONYMS, JSON.stringify(next));
}

/** A name as the finder compares it: case, spacing and a possessive ending do not matter. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('nl').replace(/\s+/g, ' ').replace(/['’]s?$/u, '').trim();
}

function hashName(salt: string, name: string): string {
  return createHash('sha256').update(`${salt}\u0000${nameKey(name)}`).digest('hex');
}

/** The hashes of the dismissed names, with a test for a name; read-only (no salt yet: nothing dismissed). */
export function dismissedNames(db: Db): (name: string) => boolean {
  const salt = get(db, SALT);
  if (salt === undefined) return () => false;
  const hashes = new Set(list(db, DISMISSED));
  return (name) => hashes.has(hashName(salt, name));
}

/** Remembers a dismissed name as a salted hash; answers false when it was already dismissed. */
export function dismissName(db: Db, name: string): boolean {
  let salt = get(db, SALT);
  if (salt === undefined) {
    salt = randomBytes(16).toString('hex');
    set(db, SALT, salt);
  }
  const hashes = list(db, DISMISSED);
  const hash = hashName(salt, name);
  if (hashes.includes(hash)) return false;
  set(db, DISMISSED, JSON.stringify([...hashes, hash].sort()));
  return true;
}

// ---- What pseudonymising reads and rewrites (apply.ts, names.ts) ----

export interface PseudonymDocumentRow {
  id: string;
  name: string;
  source_name: string;
  speakers: string;
  own_text: string | null;
}

export interface SpanRow {
  id: string;
  start: number;
  end: number;
  text?: string;
}

/** One row update a plan makes. */
export interface RowUpdate {
  table: string;
  key: string | number;
  keyColumn: 'id' | 'rowid';
  values: Record<string, string | number>;
}

export function documentsToPseudonymise(db: Db): PseudonymDocumentRow[] {
  return db.prepare('SELECT id, name, source_name, speakers, own_text FROM documents ORDER BY name COLLATE NOCASE, imported_at').all() as PseudonymDocumentRow[];
}

export function documentNames(db: Db): Array<{ id: string; name: string }> {
  return db.prepare('SELECT id, name FROM documents ORDER BY name COLLATE NOCASE').all() as Array<{ id: string; name: string }>;
}

export function segmentSpans(db: Db, documentId: string): SpanRow[] {
  return db.prepare('SELECT id, start, end, text FROM segments WHERE document_id = ?').all(documentId) as SpanRow[];
}

export function guideSpans(db: Db, documentId: string): SpanRow[] {
  return db.prepare('SELECT id, start, end FROM guide_spans WHERE document_id = ?').all(documentId) as SpanRow[];
}

/** The text values of one column of one table (a place a name can be written), by rowid. */
export function textValues(db: Db, table: string, column: string): Array<{ k: number; v: string }> {
  return db.prepare(`SELECT rowid AS k, "${column}" AS v FROM "${table}" WHERE typeof("${column}") = 'text'`).all() as Array<{ k: number; v: string }>;
}

export function participantNames(db: Db): string[] {
  return db.prepare('SELECT name FROM participants').pluck().all() as string[];
}

/** The documents with a turn matching a full-text query; throws when the index cannot answer it. */
export function documentsMatching(db: Db, query: string): string[] {
  return db.prepare('SELECT DISTINCT d.id FROM turns_fts f JOIN turns t ON t.id = f.rowid JOIN documents d ON d.seq = t.document_seq WHERE turns_fts MATCH ?').pluck().all(query) as string[];
}

/** Runs a plan's row updates, one prepared statement per shape of update. */
export function runRowUpdates(db: Db, updates: readonly RowUpdate[]): void {
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  for (const update of updates) {
    const columns = Object.keys(update.values);
    const sql = `UPDATE "${update.table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE ${update.keyColumn} = ?`;
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    statement.run([...columns.map((c) => update.values[c]!), update.key]);
  }
}

/** The change log's own lines (summary and detail of each step). */
export function changeLogLines(db: Db): Array<{ id: number; summary: string; detail: string | null }> {
  return db.prepare('SELECT id, summary, detail FROM change_log').all() as Array<{ id: number; summary: string; detail: string | null }>;
}

export function rewriteChangeLogLine(db: Db, id: number, summary: string, detail: string | null): void {
  db.prepare('UPDATE change_log SET summary = ?, detail = ? WHERE id = ?').run(summary, detail, id);
}
