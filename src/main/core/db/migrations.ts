import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { dropTriggers, installTriggers } from '../history/triggers.ts';
import { inCliBundle } from '../bundled.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Where the numbered .sql files live; a packaged app passes its resources folder instead. */
export const defaultMigrationsDir = fileURLToPath(new URL(inCliBundle ? '../../src/main/core/db/migrations/' : './migrations/', import.meta.url));

export function loadMigrations(dir = defaultMigrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, m: FILE.exec(file) }))
    .filter((x): x is { file: string; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => ({ version: Number(m[1]), name: m[2]!, sql: readFileSync(`${dir}/${file}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 0001, 0002, … without gaps; found ${migration.version} at ${index + 1}.`);
    }
  });
  return migrations;
}

/**
 * Runs all pending migrations (or those up to `to`, for the migration tests) in one transaction: a
 * project is never left half-migrated. The generated history triggers are installed again at the
 * end, in the same transaction, so that they cover every column the migrations added.
 */
export function migrate(db: Database, migrations: Migration[], options: { to?: number } = {}): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from && (options.to === undefined || m.version <= options.to));
  if (pending.length === 0) return { from, to: from };
  const to = pending[pending.length - 1]!.version;
  // SQLite's way to change a table's constraints is to build it anew and drop the old one; with
  // foreign keys on, that drop would cascade to every row pointing at it (codings at segments). They
  // are off while migrating (the pragma cannot change inside a transaction) and checked before commit.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      // Generated triggers name every column: a migration that drops or renames one would fail on them.
      dropTriggers(db);
      for (const migration of pending) db.exec(migration.sql);
      const broken = db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
      if (broken.length) throw new Error(`Migration to ${to} left ${broken.length} rows of ${broken[0]!.table} pointing at no row of ${broken[0]!.parent}.`);
      db.pragma(`user_version = ${to}`);
      // Before 0009 the migrations wrote their own triggers (and write_context had no `record`).
      if (to >= DECLARED_WRITES) installTriggers(db);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return { from, to };
}

/** The migration from which the history triggers are generated in code. */
export const DECLARED_WRITES = 9;
