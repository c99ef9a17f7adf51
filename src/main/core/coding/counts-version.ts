import type { Db } from '../db/database.ts';
import { latestChange } from '../concepts/store-sets.ts';

/**
 * The change-log entry the project's counts last could change at: what the counts kept in memory
 * (the codebook's, the support counts of the matrix and the concepts) are keyed by.
 *
 * Every write adds an entry, and after one the counts used to be worked out again. A write that
 * leaves every count as it was says so: a correction of a transcript that flags no coded passage, adds
 * or removes no turn and changes no speaker (transcripts/edit.ts) moves passages, but each keeps its
 * labels, its document and whose speech it covers. At size L the recount after each such correction
 * took a quarter of a second of the core's time (codebook and concept counts, asked for again by the
 * page), beside the page painting the correction. The marks live in memory, as the kept counts do:
 * another process's entries are never marked, so counts are worked out again after them.
 */
const unchanged = new WeakMap<Db, Set<number>>();

/** Marks a committed write's entry as one that changed no count. */
export function markCountsUnchanged(db: Db, change: number): void {
  // An entry of a transaction still open could be rolled back, and its id given to the next write.
  if (db.inTransaction) return;
  let marks = unchanged.get(db);
  if (!marks) unchanged.set(db, (marks = new Set()));
  marks.add(change);
}

/** Whether this entry was marked as changing no count (tests check the claim). */
export function leftCountsUnchanged(db: Db, change: number): boolean {
  return unchanged.get(db)?.has(change) ?? false;
}

/** The latest change-log entry not marked: counts kept at it still hold. */
export function countsVersion(db: Db): number {
  let version = latestChange(db);
  const marks = unchanged.get(db);
  while (marks?.has(version)) version--;
  return version;
}
