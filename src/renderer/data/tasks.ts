import { useSyncExternalStore } from 'react';
import type { TaskProgress } from '../../shared/api/changes.ts';
import type { HandlerName } from '../../shared/api/contract.ts';
import { call, onProgress } from '../api/client.ts';

/**
 * The long calls this page is running (LONG_CALLS: imports, exports, auto-code, pseudonymising),
 * each named with a task id of its own: the core's progress notices for that id fill it in, and
 * Cancel sends `tasks/cancel` with it. The task bar shows them.
 */
export interface RunningTask {
  id: string;
  action: HandlerName;
  startedAt: number;
  progress: TaskProgress | null;
  cancelling: boolean;
}

let tasks: readonly RunningTask[] = [];
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};
const update = (id: string, change: (task: RunningTask) => RunningTask) => {
  tasks = tasks.map((task) => (task.id === id ? change(task) : task));
  emit();
};

let stopListening: (() => void) | null = null;
let counter = 0;
/** Unique within this page, and unlike another window's (several pages may share one core). */
const pageKey = Math.random().toString(36).slice(2, 10);

/** Runs `run` as a task named with a fresh id; it shows in the task bar until it ends. */
export async function asTask<T>(action: HandlerName, run: (task: string) => Promise<T>): Promise<T> {
  stopListening ??= onProgress((progress) => {
    if (tasks.some((task) => task.id === progress.task)) update(progress.task, (task) => ({ ...task, progress }));
  });
  const id = `page-${pageKey}-${++counter}`;
  tasks = [...tasks, { id, action, startedAt: Date.now(), progress: null, cancelling: false }];
  emit();
  try {
    return await run(id);
  } finally {
    tasks = tasks.filter((task) => task.id !== id);
    emit();
  }
}

/** Asks the core to cancel a task; the call then answers with a `cancelled` refusal, having written nothing. */
export async function cancelTask(id: string): Promise<void> {
  update(id, (task) => ({ ...task, cancelling: true }));
  await call('tasks/cancel', { task: id });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTasks(): readonly RunningTask[] {
  return useSyncExternalStore(subscribe, () => tasks);
}
