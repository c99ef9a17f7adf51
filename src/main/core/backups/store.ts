import type { BackupPolicy } from '../../../shared/protect.ts';
import { DEFAULT_BACKUP_POLICY } from '../../../shared/protect.ts';
import type { Db } from '../db/database.ts';

/** The project's own backup policy, in `project_meta` (the defaults where the researcher set none). */
const POLICY = 'backup_policy';

export function readPolicy(db: Db): BackupPolicy {
  const raw = db.prepare('SELECT value FROM project_meta WHERE key = ?').pluck().get(POLICY) as string | undefined;
  if (raw === undefined) return DEFAULT_BACKUP_POLICY;
  try {
    return { ...DEFAULT_BACKUP_POLICY, ...(JSON.parse(raw) as Partial<BackupPolicy>) };
  } catch {
    return DEFAULT_BACKUP_POLICY;
  }
}

export function writePolicy(db: Db, policy: BackupPolicy): void {
  db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(POLICY, JSON.stringify(policy));
}

/** When the latest purge ran (its audit entry), or null. */
export function lastPurge(db: Db): string | null {
  return (db.prepare("SELECT MAX(at) FROM change_log WHERE action = 'project/purge'").pluck().get() as string | null) ?? null;
}
