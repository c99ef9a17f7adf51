import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { DuidingError } from '../../shared/errors.ts';
import type { TaskProgress } from '../../shared/api/changes.ts';

/**
 * Long calls (an import of many files, an export, an auto-code run, pseudonymising) as tasks: each
 * call runs as one, so that it can report progress, be cancelled, and give other callers their turn.
 *
 * The core is one thread: a call that computes for seconds without awaiting holds up every other
 * caller. Long work therefore calls `checkpoint()` between its chunks (a file, a document, a
 * source); after `SLICE_MS` of work that awaits a turn of the event loop, in which other calls are
 * answered (reads from the project as last committed, see Project.run), and a cancelled task ends
 * there with `cancelled()`. A task names itself with the id its caller chose (any transport passes
 * it beside the call); the caller's `tasks/cancel` with that id cancels it.
 */

/** Work between two turns of the event loop: other callers wait at most about this long (plus one chunk). */
export const SLICE_MS = 40;

export class Task {
  private readonly controller = new AbortController();
  private lastReport = 0;

  constructor(
    /** The caller's id for it, or null when the caller did not name it (it cannot then be cancelled by id). */
    readonly id: string | null,
    readonly action: string,
  ) {}

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  cancel(): void {
    this.controller.abort();
  }

  /** Progress for the caller's screen: at most ten notices a second, and always the last. */
  progress(done: number, total: number, item: string): void {
    if (this.id === null) return;
    const at = performance.now();
    if (done < total && at - this.lastReport < 100) return;
    this.lastReport = at;
    taskEvents.emit('progress', { task: this.id, action: this.action, done, total, item });
  }
}

/** Progress of every named task; a host forwards it to the caller's screen. */
export const taskEvents = new EventEmitter<{ progress: [TaskProgress] }>();

const running = new Map<string, Task>();
const all = new Set<Task>();
const context = new AsyncLocalStorage<Task>();

/** Runs `fn` as a task: `currentTask()`, `checkpoint()` and `reportProgress()` inside it refer to this one. */
export async function runTask<T>(id: string | null, action: string, fn: () => T | Promise<T>): Promise<T> {
  const task = new Task(id, action);
  if (id !== null) {
    if (running.has(id)) throw new DuidingError(`A call with task id ${id} is already running.`, 'usage');
    running.set(id, task);
  }
  all.add(task);
  try {
    return await context.run(task, fn);
  } finally {
    all.delete(task);
    if (id !== null) running.delete(id);
  }
}

/** Cancels the running task with this id; false when none runs (it finished, or never started). */
export function cancelTask(id: string): boolean {
  const task = running.get(id);
  task?.cancel();
  return task !== undefined;
}

/** Cancels every running task (the project closes, the CLI is interrupted). */
export function cancelAll(): void {
  for (const task of all) task.cancel();
}

export function currentTask(): Task | undefined {
  return context.getStore();
}

/** What a cancelled call answers: nothing of it was written. */
export function cancelled(action: string): DuidingError {
  return new DuidingError(`Cancelled: ${action} stopped and nothing of it was written.`, 'cancelled', { code: 'cancelled', params: { action } });
}

let sliceStart = performance.now();

/**
 * Between two chunks of a long call: ends a cancelled task, and after SLICE_MS of work since the
 * last turn lets the event loop answer other callers. Cheap enough to call per item.
 */
export async function checkpoint(): Promise<void> {
  const task = currentTask();
  if (task?.cancelled) throw cancelled(task.action);
  if (performance.now() - sliceStart < SLICE_MS) return;
  await new Promise((resolve) => setImmediate(resolve));
  sliceStart = performance.now();
  if (task?.cancelled) throw cancelled(task.action);
}

/** Progress of the running task (if the caller named it): `done` of `total`, working on `item`. */
export function reportProgress(done: number, total: number, item: string): void {
  currentTask()?.progress(done, total, item);
}
