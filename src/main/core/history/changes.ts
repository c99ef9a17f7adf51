import type { ChangeEntry } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';

export function listChanges(db: Db, limit: number): ChangeEntry[] {
  return db
    .prepare('SELECT id, at, coder, action, summary FROM change_log ORDER BY id DESC LIMIT ?')
    .all(limit) as ChangeEntry[];
}
