import type { Db } from '../db/database.ts';

/**
 * Rebuilds the full-text index's b-tree from scratch ('optimize' merges every segment), so that
 * index blocks still holding removed words are dropped; with `secure_delete` their pages are zeroed.
 */
export function purgeSearchIndex(db: Db): void {
  db.prepare("INSERT INTO turns_fts (turns_fts) VALUES ('optimize')").run();
}

/** Free pages above this share of the file are given back when the project closes. */
const MAX_FREE_SHARE = 0.1;

/**
 * Leaves the file compact: when more than a tenth of its pages are free (after a migration dropped a
 * copy of the texts, or a purge), VACUUM rewrites it. Runs on close, outside any transaction.
 */
export function compactAfterClose(db: Db): void {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  if (pages > 0 && free / pages > MAX_FREE_SHARE) db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
