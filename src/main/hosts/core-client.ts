import { DuidingError } from '../../shared/errors.ts';
import type { TaskProgress } from '../../shared/api/changes.ts';
import type { ChangeEvent } from '../core/project.ts';
import type { CallArgs, CoreMessage, CoreRequest } from './core-endpoint.ts';
import { internalReply } from './reply.ts';

/** A message channel to a core that runs elsewhere (a worker thread, a utility process). */
export interface CoreTransport {
  post(message: CoreRequest): void;
  onMessage(listener: (message: CoreMessage) => void): void;
  /** Once, when the other end has ended, with what it said about why (if anything). */
  onExit(listener: (error: string | null) => void): void;
  /** Ends the other end (after it closed its project). */
  end(): Promise<unknown> | void;
}

export interface RemoteCore {
  /** Notices of opening the project (a stale lock taken over, say). */
  notices: string[];
  /** One call: its answer as JSON text and the HTTP status that goes with it. `trusted` skips the page's guard. */
  call(name: string, args: CallArgs, options?: { trusted?: boolean; task?: string }): Promise<{ status: number; text: string }>;
  /** Change events of whichever project is open; returns the unsubscribe. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** Progress of long calls named with a task id; returns the unsubscribe. */
  onProgress(listener: (progress: TaskProgress) => void): () => void;
  /** Closes the project and ends the core; resolves with the project that was open. */
  close(): Promise<string | null>;
  /** Called once if the core ends without being asked to (a bug in it): its report and the project it closed. */
  onCrash(listener: (report: string, closed: string | null) => void): void;
}

/**
 * The host's side of a core behind a message channel. Resolves once the core has opened the project,
 * or rejects with the reason it could not (a DuidingError, as opening it here would).
 */
export function connectCore(transport: CoreTransport): Promise<RemoteCore> {
  const waiting = new Map<number, (message: CoreMessage) => void>();
  const listeners = new Set<(event: ChangeEvent) => void>();
  const progressListeners = new Set<(progress: TaskProgress) => void>();
  let crashListener: ((report: string, closed: string | null) => void) | null = null;
  let crash: { report: string | null; path: string | null } = { report: null, path: null };
  let nextId = 1;
  let closing = false;
  let ended = false;

  const request = (message: CoreRequest) =>
    new Promise<CoreMessage>((resolve, reject) => {
      if (ended) return reject(new Error('The core of Duiding has stopped.'));
      waiting.set(message.id, resolve);
      transport.post(message);
    });

  return new Promise((resolveStart, rejectStart) => {
    let started = false;
    transport.onMessage((message) => {
      if (message.type === 'started') {
        started = true;
        resolveStart(remote(message.notices));
      } else if (message.type === 'refused') rejectStart(new DuidingError(message.message, message.kind));
      else if (message.type === 'crashed') crash = { report: message.message, path: message.path };
      else if (message.type === 'change') for (const listener of listeners) listener(message.event);
      else if (message.type === 'progress') for (const listener of progressListeners) listener(message.progress);
      else {
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
      }
    });
    transport.onExit((error) => {
      ended = true;
      const report = crash.report ?? error ?? 'The core of Duiding stopped without a word.';
      const reply = JSON.stringify(internalReply(new Error(report.split('\n')[0])));
      for (const done of waiting.values()) done({ type: 'reply', id: 0, status: 500, text: reply });
      waiting.clear();
      if (!started) rejectStart(new Error(report));
      else if (!closing) crashListener?.(report, crash.path);
    });

    const remote = (notices: string[]): RemoteCore => ({
      notices,
      async call(name, args, options = {}) {
        const reply = await request({ type: 'call', id: nextId++, name, args, ...(options.trusted ? { trusted: true } : {}), ...(options.task ? { task: options.task } : {}) });
        return reply.type === 'reply' ? { status: reply.status, text: reply.text } : { status: 500, text: JSON.stringify(internalReply(new Error('No answer.'))) };
      },
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onProgress(listener) {
        progressListeners.add(listener);
        return () => progressListeners.delete(listener);
      },
      async close() {
        if (ended) return null;
        closing = true;
        const reply = await request({ type: 'close', id: nextId++ });
        await transport.end();
        return reply.type === 'closed' ? reply.path : null;
      },
      onCrash(listener) {
        crashListener = listener;
      },
    });
  });
}
