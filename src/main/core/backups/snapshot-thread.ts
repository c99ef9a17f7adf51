// A backup made in a worker thread (background.ts starts it): the copy of snapshot.ts, read through
// this thread's own connection, so that the core's thread goes on answering meanwhile. It answers
// once, on its port, then raises its flag for a core thread that waits for it (a purge, a close).
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { removeWithSidecars } from '../db/database.ts';
import type { SnapshotAnswer, SnapshotJob } from './background.ts';
import { copyError, copyInto } from './snapshot.ts';

const job = workerData as SnapshotJob;

/**
 * A backup is background work: on a laptop's two cores it would otherwise take turns evenly with the
 * core and the page, and the researcher's next actions of the session wait (at L, corrections made
 * during the first backup took 2–3× as long). On Linux a thread has its own id (/proc/thread-self) and
 * priority, so this thread alone gets the lowest; elsewhere it keeps the process's priority.
 */
function yieldToForeground(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) setPriority(tid, constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: the backup runs at the process's priority.
  }
}

yieldToForeground();
let answer: SnapshotAnswer;
try {
  const source = new Database(job.path, { readonly: true, fileMustExist: true, nativeBinding: job.nativeBinding });
  try {
    copyInto(source, job.temp, job);
  } finally {
    source.close();
  }
  answer = { ok: true };
} catch (error) {
  removeWithSidecars(job.temp);
  answer = { ok: false, message: copyError(error, job.out).message };
}
job.port.postMessage(answer);
job.port.close();
Atomics.store(job.done, 0, 1);
Atomics.notify(job.done, 0);
