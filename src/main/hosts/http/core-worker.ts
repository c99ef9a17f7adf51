import { Worker } from 'node:worker_threads';
import { DuidingError, type ErrorKind } from '../../../shared/errors.ts';
import type { ChangeEvent } from '../../core/project.ts';
import { internalReply, type CallArgs, type CoreMessage, type CoreRequest } from '../core-endpoint.ts';
import type { HostCore } from './server.ts';

/** What the worker thread is started with. */
export interface CoreThreadData {
  coder: string;
  /** The folder whose projects the page may create and open (`--dir`, or the served file's folder). */
  projectsDir: string;
  /** The project to open at once (`duiding serve FILE`). */
  file: string | null;
}

/** The worker's first word: the project is open (with the notices of opening it), or why not. */
export type CoreThreadStart =
  | { type: 'started'; notices: string[] }
  | { type: 'refused'; kind: ErrorKind; message: string }
  /** A bug in the core: the project (that was open) is closed, the thread ends. */
  | { type: 'crashed'; message: string; path: string | null };

export interface WorkerCore extends HostCore {
  /** Notices of opening the project (a stale lock taken over, say). */
  notices: string[];
  /** Closes the project in the worker and ends it; resolves with the project that was open. */
  close(): Promise<string | null>;
  /** Called once if the worker ends without being asked to (a bug in the core): with its report and the project it closed. */
  onCrash(listener: (report: string, closed: string | null) => void): void;
}

const BOOT = new URL('./core-thread-boot.mjs', import.meta.url);

/**
 * Starts the core of `duiding serve` in a worker thread and resolves once it has opened the
 * project (or rejects with the reason it could not, as a DuidingError, like opening it here).
 */
export function startCoreWorker(data: CoreThreadData): Promise<WorkerCore> {
  const worker = new Worker(BOOT, { workerData: data });
  const waiting = new Map<number, (message: CoreMessage) => void>();
  const listeners = new Set<(event: ChangeEvent) => void>();
  let crashListener: ((report: string, closed: string | null) => void) | null = null;
  let crashReport: string | null = null;
  let crashClosed: string | null = null;
  let nextId = 1;
  let closing = false;
  let ended = false;

  const request = (message: CoreRequest) =>
    new Promise<CoreMessage>((resolve, reject) => {
      if (ended) return reject(new Error('The core of Duiding has stopped.'));
      waiting.set(message.id, resolve);
      worker.postMessage(message);
    });

  return new Promise((resolveStart, rejectStart) => {
    let started = false;
    worker.on('message', (message: CoreMessage | CoreThreadStart) => {
      if (message.type === 'started') {
        started = true;
        resolveStart(core(message.notices));
      } else if (message.type === 'refused') rejectStart(new DuidingError(message.message, message.kind));
      else if (message.type === 'crashed') {
        crashReport = message.message;
        crashClosed = message.path;
      }
      else if (message.type === 'change') for (const listener of listeners) listener(message.event);
      else {
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
      }
    });
    worker.on('error', (error) => {
      crashReport ??= error.stack ?? error.message;
    });
    worker.on('exit', () => {
      ended = true;
      const report = crashReport ?? 'The core of Duiding stopped without a word.';
      for (const done of waiting.values()) done({ type: 'reply', id: 0, status: 500, text: JSON.stringify(internalReply(new Error(report.split('\n')[0]))) });
      waiting.clear();
      if (!started) rejectStart(new Error(report));
      else if (!closing) crashListener?.(report, crashClosed);
    });

    const core = (notices: string[]): WorkerCore => ({
      notices,
      async call(name: string, args: CallArgs) {
        const reply = await request({ type: 'call', id: nextId++, name, args });
        return reply.type === 'reply' ? { status: reply.status, text: reply.text } : { status: 500, text: JSON.stringify(internalReply(new Error('No answer.'))) };
      },
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      async close() {
        if (ended) return null;
        closing = true;
        const reply = await request({ type: 'close', id: nextId++ });
        await worker.terminate();
        return reply.type === 'closed' ? reply.path : null;
      },
      onCrash(listener) {
        crashListener = listener;
      },
    });
  });
}
