import type { Db } from './database.ts';

export interface ProjectMeta {
  id: string;
  title: string;
  createdAt: string;
  createdBy: string;
}

const KEYS: Record<keyof ProjectMeta, string> = {
  id: 'id',
  title: 'title',
  createdAt: 'created_at',
  createdBy: 'created_by',
};

export function writeMeta(db: Db, meta: Partial<ProjectMeta>): void {
  const upsert = db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [field, value] of Object.entries(meta)) {
    if (value !== undefined) upsert.run(KEYS[field as keyof ProjectMeta], value);
  }
}

export function readMeta(db: Db): ProjectMeta {
  const rows = db.prepare('SELECT key, value FROM project_meta').all() as Array<{ key: string; value: string }>;
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return {
    id: byKey.get(KEYS.id) ?? '',
    title: byKey.get(KEYS.title) ?? '',
    createdAt: byKey.get(KEYS.createdAt) ?? '',
    createdBy: byKey.get(KEYS.createdBy) ?? '',
  };
}
