import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const MIGRATIONS = join(import.meta.dirname, '../../src/main/core/db/migrations');
const INIT = join(MIGRATIONS, '0001_init.sql');
// 0012 rebuilt the turns table (an integer document key) under a temporary name.
const TURNS = join(MIGRATIONS, '0012_turns_document_seq.sql');

/**
 * The schema the turns live in, taken from the shipped migration rather than copied, so that the
 * baseline always indexes text the way the project does: the turns table, its FTS5 index and the
 * trigger that fills the index.
 */
function turnsSchema(): string[] {
  const pick = (file: string, re: RegExp) => {
    const m = re.exec(readFileSync(file, 'utf8'));
    if (!m) throw new Error(`${file}: could not find ${re} — has the turns schema moved?`);
    return m[0];
  };
  return [
    pick(TURNS, /CREATE TABLE turns_new \([\s\S]*?\) STRICT;/).replace('turns_new', 'turns'),
    pick(TURNS, /CREATE INDEX turns_speech [^;]*;/),
    pick(INIT, /CREATE VIRTUAL TABLE turns_fts USING fts5 \([\s\S]*?\);/),
    pick(TURNS, /CREATE TRIGGER turns_fts_insert [\s\S]*?END;/),
  ];
}

/**
 * The machine's limit for what import does: the same turn texts written with better-sqlite3 in one
 * transaction through one prepared statement into the same FTS5 schema, with the project's pragmas
 * and no parsing. Foreign keys are off: there is no documents table to point at.
 */
export function rawInsert(dir: string, turnTexts: string[], documents: number): { ms: number } {
  const path = join(dir, 'raw-baseline.sqlite');
  const db = new Database(path);
  try {
    // better-sqlite3 turns foreign keys on by default; the turns' documents are not part of the baseline.
    db.pragma('foreign_keys = OFF');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    for (const statement of turnsSchema()) db.exec(statement);
    const insert = db.prepare('INSERT INTO turns (document_seq, position, speaker, start, end, text) VALUES (?, ?, ?, ?, ?, ?)');
    const perDocument = Math.ceil(turnTexts.length / documents);
    const started = performance.now();
    db.transaction(() => {
      let offset = 0;
      turnTexts.forEach((text, i) => {
        const position = i % perDocument;
        if (position === 0) offset = 0;
        insert.run(1 + Math.floor(i / perDocument), position, null, offset, offset + text.length, text);
        offset += text.length + 2;
      });
    })();
    return { ms: performance.now() - started };
  } finally {
    db.close();
    rmSync(path, { force: true });
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
  }
}
