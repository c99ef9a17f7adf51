import type { Db } from './database.ts';

/**
 * When the write-ahead log is copied back into the project file (a checkpoint): while the
 * researcher pauses, not inside their next write.
 *
 * SQLite checkpoints on its own when a commit leaves more than 1,000 pages in the log, in that
 * commit. A correction of the long transcript at size L writes about 380 pages, so every third
 * correction paid for the copy of three (20–40 ms of a 100 ms budget: issue 28). Instead, the log is
 * checkpointed once no write came for `IDLE_MS`; SQLite's own checkpoint stays as a cap for work that
 * never pauses (an import writes pages by the thousand), at `CAP_PAGES`, so the log stays bounded.
 * A passive checkpoint waits for nobody: what a reader (a backup's thread) still needs is copied by
 * a later one.
 */
export const IDLE_MS = 500;
export const CAP_PAGES = 4000;

export interface IdleCheckpoints {
  /** A write committed: the checkpoint is due after the next pause. */
  written(): void;
  /** No checkpoint after this (the connection is about to close, or a purge checkpoints itself). */
  stop(): void;
}

export function idleCheckpoints(db: Db): IdleCheckpoints {
  db.pragma(`wal_autocheckpoint = ${CAP_PAGES}`);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const run = () => {
    timer = null;
    if (stopped || !db.open) return;
    // A long write keeps its transaction open across turns of the event loop: after it, then.
    if (db.inTransaction) return schedule();
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Nothing is lost (the writes are in the log): tried again after the next write, and the cap
      // still bounds the log; a full disk is told by that write itself.
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, IDLE_MS);
    // A pending checkpoint keeps no process alive: closing the project checkpoints anyway.
    timer.unref();
  };
  return {
    written: () => {
      if (!stopped) schedule();
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
