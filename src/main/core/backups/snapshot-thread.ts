// A backup made in a worker thread (background.ts starts it): the copy of snapshot.ts, read through
// this thread's own connection, so that the core's thread goes on answering meanwhile. It answers
// once, on its port, then raises its flag for a core thread that waits for it (a purge, a close).
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { removeWithSidecars } from '../db/database.ts';
import type { SnapshotAnswer, SnapshotJob } from './background.ts';
import { copyError, copyInto } from './snapshot.ts';

const job = workerData as SnapshotJob;
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
