import type { ChangeEntry } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';

export function insertChange(
  db: Db,
  change: { at: string; coder: string; action: string; summary: string; detail: string | null },
): number {
  const info = db
    .prepare('INSERT INTO change_log (at, coder, action, summary, detail) VALUES (@at, @coder, @action, @summary, @detail)')
    .run(change);
  return Number(info.lastInsertRowid);
}

export function listChanges(db: Db, limit: number): ChangeEntry[] {
  return db
    .prepare('SELECT id, at, coder, action, summary FROM change_log ORDER BY id DESC LIMIT ?')
    .all(limit) as ChangeEntry[];
}
