import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { removeWithSidecars } from '../db/database.ts';
import { tempPathFor } from '../files/temp-files.ts';
import type { CopyOptions } from './snapshot.ts';

/** What the backup thread (snapshot-thread.ts) is given. */
export interface SnapshotJob extends CopyOptions {
  /** The project file: the thread opens it read-only with a connection of its own. */
  path: string;
  /** Where the copy is written; `out` is the name it will be given (by the core thread: see scheduler.ts). */
  temp: string;
  out: string;
  /** The thread's answer comes here, once. */
  port: MessagePort;
  /** Set to 1 once the answer is posted, for a core thread that must wait for it (Atomics.wait). */
  done: Int32Array;
}

export type SnapshotAnswer = { ok: true } | { ok: false; message: string };

/**
 * From the sources (tests, tsx) a boot file registers tsx in the thread first; in a bundle (dist/cli
 * of the command line and `serve`, out/ of the desktop app) the thread's own entry lies beside the
 * bundled core (scripts/build-cli.js, scripts/build-electron.js).
 */
const THREAD = new URL(import.meta.url.endsWith('.ts') ? './snapshot-thread-boot.mjs' : './snapshot-thread.js', import.meta.url);

/** Longer than any backup takes; a thread still busy then is given up (a close must end). */
const WAIT_LIMIT_MS = 5 * 60_000;

export interface BackgroundSnapshot {
  /** The copy under its temporary name, whole once the answer is `ok`. */
  readonly temp: string;
  /** The thread's answer (a thread that stops without one answers a failure). */
  readonly answer: Promise<SnapshotAnswer>;
  /** Blocks this thread until the copy is done (a purge or a close cannot go on beside it); the same answer. */
  waitSync(): SnapshotAnswer;
}

/** Starts copying the project at `path` in a worker thread, to a temporary name beside `out`. */
export function startSnapshot(path: string, out: string, options: CopyOptions): BackgroundSnapshot {
  const temp = tempPathFor(out);
  if (!existsSync(fileURLToPath(THREAD))) {
    const missing: SnapshotAnswer = { ok: false, message: `the backup thread's file is missing (${fileURLToPath(THREAD)})` };
    return { temp, answer: Promise.resolve(missing), waitSync: () => missing };
  }
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const job: SnapshotJob = { name: options.name, nativeBinding: options.nativeBinding, purging: options.purging, path, temp, out, port: port2, done };
  const worker = new Worker(THREAD, { workerData: job, transferList: [port2] });
  let settled: SnapshotAnswer | null = null;
  let resolve: (answer: SnapshotAnswer) => void = () => {};
  const answer = new Promise<SnapshotAnswer>((r) => (resolve = r));
  const settle = (result: SnapshotAnswer): SnapshotAnswer => {
    if (settled) return settled;
    settled = result;
    port1.close();
    if (!result.ok) removeWithSidecars(temp);
    resolve(result);
    return result;
  };
  let failure = '';
  port1.once('message', (message: SnapshotAnswer) => settle(message));
  worker.once('error', (error) => (failure = `: ${error.message}`));
  worker.once('exit', () => settle(receiveMessageOnPort(port1)?.message ?? { ok: false, message: `the backup thread stopped${failure}` }));
  const waitSync = (): SnapshotAnswer => {
    if (settled) return settled;
    const until = Date.now() + WAIT_LIMIT_MS;
    while (Atomics.load(done, 0) === 0 && Date.now() < until) Atomics.wait(done, 0, 0, 1000);
    const message = receiveMessageOnPort(port1)?.message as SnapshotAnswer | undefined;
    // Done, or given up: either way no thread is left reading the project once this returns.
    void worker.terminate();
    if (message) return settle(message);
    return settle({ ok: false, message: `the backup thread did not finish within ${WAIT_LIMIT_MS / 60_000} minutes` });
  };
  return { temp, answer, waitSync };
}
