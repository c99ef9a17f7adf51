import { DuidingError, isDuidingError, type ErrorKind } from '../../shared/errors.ts';
import type { TaskProgress } from '../../shared/api/changes.ts';
import { call } from '../core/handlers.ts';
import { taskEvents } from '../core/tasks.ts';
import type { ChangeEvent } from '../core/project.ts';
import type { Session } from '../core/session.ts';
import { errorReply, internalReply, type CallReply } from './reply.ts';

/**
 * The core's side of a host that runs it away from its request thread (a worker thread for
 * `duiding serve`, a utility process for the desktop app): calls come in as messages, answers and
 * change events go out as messages. Every call answers; nothing a call does ends the endpoint.
 */

/** Vets arguments before dispatch (see guard.ts). */
export type Guard = (name: string, args: Record<string, unknown>) => Record<string, unknown>;

/** A call's arguments: a value (from a socket message or IPC), or the bytes of an HTTP body, parsed where the core runs. */
export type CallArgs = { value: unknown } | { json: Uint8Array };

/**
 * `trusted` skips the page's guard: only the host's own code sets it (the desktop app opening the
 * file its native dialog chose); the page's calls never reach this channel but through the host.
 */
export type CoreRequest = { type: 'call'; id: number; name: string; args: CallArgs; trusted?: boolean; task?: string } | { type: 'close'; id: number };

export type CoreMessage =
  | { type: 'reply'; id: number; status: number; text: string }
  | { type: 'closed'; id: number; path: string | null }
  | { type: 'change'; event: ChangeEvent }
  /** How far a long call named with a task id has come. */
  | { type: 'progress'; progress: TaskProgress }
  /** The core's first word: the project is open (with the notices of opening it), or why not. */
  | { type: 'started'; notices: string[] }
  | { type: 'refused'; kind: ErrorKind; message: string }
  /** A bug in the core: the project that was open is closed, the core ends. */
  | { type: 'crashed'; message: string; path: string | null };

function parseArgs(args: CallArgs): unknown {
  if ('value' in args) return args.value ?? {};
  if (args.json.length === 0) return {};
  try {
    return JSON.parse(Buffer.from(args.json.buffer, args.json.byteOffset, args.json.byteLength).toString('utf8'));
  } catch {
    throw new DuidingError('The request body is not valid JSON.', 'usage');
  }
}

/** The HTTP status that goes with a refusal of this kind. */
export function statusOf(error: DuidingError): number {
  return error.kind === 'usage' ? 400 : error.kind === 'locked' || error.kind === 'cancelled' ? 409 : 422;
}

/**
 * Answers calls against one session and follows whichever project it has open (a call may open,
 * create or close one), handing that project's change events to `onChange`.
 */
export function coreEndpoint(session: Session, guard: Guard | undefined, onChange: (event: ChangeEvent) => void, onProgress?: (progress: TaskProgress) => void) {
  if (onProgress) taskEvents.on('progress', onProgress);
  let watched: Session['project'] | null = null;
  const watch = () => {
    const project = session.hasProject ? session.project : null;
    if (project === watched) return;
    watched?.events.off('change', onChange);
    project?.events.on('change', onChange);
    watched = project;
  };
  watch();
  return {
    /** One call: its answer as JSON text and the HTTP status that goes with it. */
    async answer(name: string, args: CallArgs, trusted = false, task?: string): Promise<{ status: number; text: string }> {
      let status = 200;
      let reply: CallReply;
      try {
        const value = parseArgs(args);
        const vetted = guard && !trusted ? guard(name, (value ?? {}) as Record<string, unknown>) : value;
        const { result, change } = await call(session, name, vetted, task === undefined ? {} : { task });
        reply = { ok: true, result, change };
      } catch (error) {
        status = isDuidingError(error) ? statusOf(error) : 500;
        reply = isDuidingError(error) ? errorReply(error) : internalReply(error);
      } finally {
        watch();
      }
      try {
        return { status, text: JSON.stringify(reply) };
      } catch (error) {
        // A result that does not serialise is a fault of this call alone.
        return { status: 500, text: JSON.stringify(internalReply(error)) };
      }
    },
    /** Closes the project (releasing its lock); says which one was open. */
    close(): string | null {
      const path = session.hasProject ? session.project.path : null;
      watched?.events.off('change', onChange);
      watched = null;
      if (onProgress) taskEvents.off('progress', onProgress);
      session.close();
      return path;
    },
  };
}

/**
 * Runs the core at the far end of a message channel (a worker thread, a utility process): opens the
 * project, answers requests, posts change events; a bug that escapes a call's own handling closes the
 * project (lock, -wal) before the core ends, and says so.
 */
export function runCore(options: {
  session: Session;
  file: string | null;
  guard: Guard | undefined;
  post: (message: CoreMessage) => void;
  listen: (handler: (request: CoreRequest) => void) => void;
  exit: (code: number) => void;
}): void {
  const { session, post } = options;
  const crash = (error: unknown) => {
    const path = session.hasProject ? session.project.path : null;
    try {
      session.close();
    } finally {
      post({ type: 'crashed', message: error instanceof Error ? (error.stack ?? error.message) : String(error), path });
      options.exit(70);
    }
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  try {
    if (options.file) session.open(options.file);
  } catch (error) {
    session.close();
    if (!isDuidingError(error)) throw error;
    post({ type: 'refused', kind: error.kind, message: error.message });
    options.exit(1);
    return;
  }
  const endpoint = coreEndpoint(
    session,
    options.guard,
    (event) => post({ type: 'change', event }),
    (progress) => post({ type: 'progress', progress }),
  );
  options.listen((request) => {
    if (request.type === 'close') {
      post({ type: 'closed', id: request.id, path: endpoint.close() });
      return;
    }
    void endpoint.answer(request.name, request.args, request.trusted, request.task).then(({ status, text }) => post({ type: 'reply', id: request.id, status, text }));
  });
  post({ type: 'started', notices: session.hasProject ? session.project.notices : [] });
}
