import type { Db } from '../db/database.ts';

/**
 * Labels merged away (labels/merge), remembered as source id → target id in `project_meta`: another
 * copy still codes with the source label, and merging that copy again must bring its codings to the
 * target rather than the merged-away label back (issue 25). Written inside the label merge, so undo
 * forgets it with it.
 */
const KEY = 'label_merges';

export function labelAliases(db: Db): Map<string, string> {
  const raw = db.prepare('SELECT value FROM project_meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  return new Map(Object.entries(raw ? (JSON.parse(raw) as Record<string, string>) : {}));
}

export function rememberLabelMerge(db: Db, sourceId: string, targetId: string): void {
  const aliases = labelAliases(db);
  aliases.set(sourceId, targetId);
  // Labels merged into the source earlier now lead to the target too.
  for (const [from, to] of aliases) if (to === sourceId) aliases.set(from, targetId);
  const value = JSON.stringify(Object.fromEntries([...aliases].sort(([a], [b]) => a.localeCompare(b))));
  db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, value);
}
