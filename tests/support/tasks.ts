import { expect } from 'vitest';
import { call } from '../../src/main/core/handlers.ts';
import type { Session } from '../../src/main/core/session.ts';
import { taskEvents } from '../../src/main/core/tasks.ts';
import type { TaskProgress } from '../../src/shared/api/changes.ts';

/**
 * Runs a long call as task `task` and, at its first progress notice, `atFirst` (which asks what it
 * wants of the core meanwhile and cancels the task with `cancel`); the call must end cancelled.
 * Answers the task's progress notices.
 */
export async function cancelledAtFirstStep(session: Session, name: string, args: unknown, task: string, atFirst: (cancel: () => void) => void): Promise<TaskProgress[]> {
  const notices: TaskProgress[] = [];
  const cancel = () => void call(session, 'tasks/cancel', { task });
  const listen = (progress: TaskProgress) => {
    if (progress.task !== task) return;
    notices.push(progress);
    if (notices.length === 1) atFirst(cancel);
  };
  taskEvents.on('progress', listen);
  try {
    await expect(call(session, name, args, { task })).rejects.toMatchObject({ kind: 'cancelled' });
  } finally {
    taskEvents.off('progress', listen);
  }
  return notices;
}
