import type { Db } from '../db/database.ts';

/**
 * Rebuilds the full-text index's b-tree from scratch ('optimize' merges every segment), so that
 * index blocks still holding removed words are dropped; with `secure_delete` their pages are zeroed.
 */
export function purgeSearchIndex(db: Db): void {
  db.prepare("INSERT INTO turns_fts (turns_fts) VALUES ('optimize')").run();
}

/** Free pages above this share of the file are given back (on close, and in a copy). */
const MAX_FREE_SHARE = 0.1;

/** Whether more than a tenth of the file's pages are free. */
export function mostlyFree(db: Db): boolean {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return pages > 0 && free / pages > MAX_FREE_SHARE;
}

/**
 * Leaves the file compact: when more than a tenth of its pages are free (after a migration dropped a
 * copy of the texts, or a purge), VACUUM rewrites it. Runs on close, outside any transaction.
 */
export function compactAfterClose(db: Db): void {
  if (mostlyFree(db)) db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Writes a compact copy of the database to `path`, read through this connection (it sees the `-wal` too). */
export function vacuumInto(db: Db, path: string): void {
  db.prepare('VACUUM INTO ?').run(path);
}

/**
 * Empties the session's undo history in a copy of the project: undo serves a session only, and its
 * row images may hold what a purging write removed. The change log stays, marked as pruned.
 */
export function dropRowImages(db: Db): void {
  db.prepare('DELETE FROM change_rows').run();
  db.prepare('UPDATE write_context SET change_id = NULL, record = 1, pruned_through = (SELECT COALESCE(MAX(id), 0) FROM change_log) WHERE one = 1').run();
}

/** Rewrites the file without free pages. Outside any transaction. */
export function vacuum(db: Db): void {
  db.exec('VACUUM');
}
