import type { Db } from '../db/database.ts';

/**
 * The coders of a project (migration 0018): an id with a display name and the laptop that made it.
 * `codings.coder` holds the id. A coder the researcher united with another (`same_as`) keeps its
 * row, so that merging a copy that still codes under the old id maps it to the kept one.
 */
export interface CoderRow {
  id: string;
  name: string;
  laptop: string | null;
  sameAs: string | null;
  firstSeen: string;
}

const COLUMNS = 'id, name, laptop, same_as AS sameAs, first_seen AS firstSeen';

export function allCoders(db: Db): CoderRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM coders ORDER BY first_seen, id`).all() as CoderRow[];
}

export function getCoder(db: Db, id: string): CoderRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM coders WHERE id = ?`).get(id) as CoderRow | undefined;
}

/** The coder a laptop's researcher is under that name (before following `same_as`). */
export function findCoder(db: Db, name: string, laptop: string | null): CoderRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM coders WHERE name = ? AND laptop IS ? ORDER BY first_seen LIMIT 1`).get(name, laptop) as CoderRow | undefined;
}

export function insertCoder(db: Db, coder: CoderRow): void {
  db.prepare('INSERT INTO coders (id, name, laptop, same_as, first_seen) VALUES (@id, @name, @laptop, @sameAs, @firstSeen)').run(coder);
}

export function claimCoder(db: Db, id: string, laptop: string): void {
  db.prepare('UPDATE coders SET laptop = ? WHERE id = ? AND laptop IS NULL').run(laptop, id);
}

export function setSameAs(db: Db, id: string, into: string): void {
  db.prepare('UPDATE coders SET same_as = ? WHERE id = ?').run(into, id);
}

export function renameCoder(db: Db, id: string, name: string): void {
  db.prepare('UPDATE coders SET name = ? WHERE id = ?').run(name, id);
}

/** Moves a coder's codings to another; where the other already has that coding, the duplicate goes. */
export function moveCodingsOfCoder(db: Db, from: string, into: string): number {
  const moved = db
    .prepare(
      `UPDATE codings SET coder = @into WHERE coder = @from AND NOT EXISTS (
         SELECT 1 FROM codings t WHERE t.coder = @into AND t.segment_id = codings.segment_id AND t.label_id = codings.label_id)`,
    )
    .run({ from, into }).changes;
  db.prepare('DELETE FROM codings WHERE coder = ?').run(from);
  return moved;
}

export function codingCounts(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT coder, COUNT(*) AS n FROM codings GROUP BY coder').all() as Array<{ coder: string; n: number }>;
  return new Map(rows.map((r) => [r.coder, r.n]));
}

/** The coder this one was united into, if any. */
export function sameAsOf(db: Db, id: string): string | null {
  return (db.prepare('SELECT same_as FROM coders WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}
