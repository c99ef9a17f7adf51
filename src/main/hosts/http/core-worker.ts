import { Worker } from 'node:worker_threads';
import { connectCore, type RemoteCore } from '../core-client.ts';
import type { CoreMessage } from '../core-endpoint.ts';
import { inCliBundle } from '../../core/bundled.ts';

/** What the worker thread is started with. */
export interface CoreThreadData {
  coder: string;
  /** The folder whose projects the page may create and open (`--dir`, or the served file's folder). */
  projectsDir: string;
  /** The project to open at once (`duiding serve FILE`). */
  file: string | null;
}

export type WorkerCore = RemoteCore;

/** From the sources a boot file registers tsx in the thread first; the CLI bundle has the thread's own entry beside it. */
const BOOT = new URL(inCliBundle ? './core-thread.js' : './core-thread-boot.mjs', import.meta.url);

/**
 * Starts the core of `duiding serve` in a worker thread and resolves once it has opened the
 * project (or rejects with the reason it could not, as a DuidingError, like opening it here).
 */
export function startCoreWorker(data: CoreThreadData): Promise<WorkerCore> {
  const worker = new Worker(BOOT, { workerData: data });
  let error: string | null = null;
  worker.on('error', (e) => (error ??= e.stack ?? e.message));
  return connectCore({
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', (message: CoreMessage) => listener(message)),
    onExit: (listener) => worker.once('exit', () => listener(error)),
    end: () => worker.terminate(),
  });
}
