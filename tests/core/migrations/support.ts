import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { loadMigrations, migrate } from '../../../src/main/core/db/migrations.ts';
import { tempDir } from '../../support/temp.ts';

const open: Database.Database[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/**
 * A project file migrated up to `version` only, as a project of that version was (Signal-Desktop's
 * habit: migrate to N−1, seed rows of the old shape, migrate to N, assert).
 */
export function projectAt(version: number): { db: Database.Database; to: (version: number) => void; toLatest: () => void } {
  const db = new Database(join(tempDir(), 'old.duiding'));
  open.push(db);
  db.pragma('foreign_keys = ON');
  const migrations = loadMigrations();
  migrate(db, migrations, { to: version });
  // Today's repos read today's schema: a test that reads with them migrates on to the latest first.
  return { db, to: (next: number) => migrate(db, migrations, { to: next }), toLatest: () => migrate(db, migrations) };
}

export const columns = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
export const tableExists = (db: Database.Database, table: string) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
export const triggerNames = (db: Database.Database) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all() as string[];

/** A document with turns joined by blank lines, as the importers write them (before 0010: with `text`). */
export function seedDocument(db: Database.Database, id: string, turns: Array<{ speaker: string | null; text: string }>, options: { text?: string; participant?: string | null } = {}): string {
  let at = 0;
  const placed = turns.map((t, position) => {
    const start = at;
    at += t.text.length + 2;
    return { ...t, position, start, end: start + t.text.length };
  });
  const text = options.text ?? turns.map((t) => t.text).join('\n\n');
  const hasText = columns(db, 'documents').includes('text');
  // From 0012 turns point at the document's seq, not its id.
  const hasSeq = columns(db, 'documents').includes('seq');
  db.prepare(
    `INSERT INTO documents (id, name, kind, participant_id, ${hasText ? 'text, ' : ''}${hasSeq ? 'seq, ' : ''}word_count, source_name, source_hash, importer, imported_at, imported_by)
     VALUES (?, ?, 'interview', ?, ${hasText ? '?, ' : ''}${hasSeq ? '(SELECT IFNULL(MAX(seq), 0) + 1 FROM documents), ' : ''}3, ?, ?, 'txt', '2026-01-01T00:00:00.000Z', 'test')`,
  ).run(...[id, `doc ${id}`, options.participant ?? null, ...(hasText ? [text] : []), `${id}.txt`, `hash-${id}`]);
  const key = hasSeq ? (db.prepare('SELECT seq FROM documents WHERE id = ?').pluck().get(id) as number) : id;
  const insert = db.prepare(`INSERT INTO turns (${hasSeq ? 'document_seq' : 'document_id'}, position, speaker, start, end, time_start_ms, time_end_ms, text) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)`);
  for (const t of placed) insert.run(key, t.position, t.speaker, t.start, t.end, t.text);
  return text;
}
