import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelTask, useTasks, type RunningTask } from '../../data/index.ts';

/** A task shows once it has run this long: a quick call should not flash a bar. */
const SHOW_AFTER_MS = 400;

function TaskRow({ task }: { task: RunningTask }) {
  const { t, i18n } = useTranslation();
  const progress = task.progress;
  const known = `tasks.action.${task.action}`;
  const title = i18n.exists(known) ? t(known) : t('tasks.action.other');
  const share = progress && progress.total > 0 ? progress.done / progress.total : null;
  return (
    <div className="task-row" data-task={task.action}>
      <div className="task-row__text">
        <strong>{title}…</strong>
        {progress && progress.total > 0 ? <span className="muted"> {t('tasks.of', { done: progress.done, total: progress.total })}</span> : null}
        {progress?.item ? <span className="task-row__item muted"> — {progress.item}</span> : null}
      </div>
      <progress max={1} value={share ?? undefined} aria-label={title} />
      <button className="button" disabled={task.cancelling} title={t('tasks.cancelHelp')} onClick={() => void cancelTask(task.id)}>
        {task.cancelling ? t('tasks.cancelling') : t('tasks.cancel')}
      </button>
    </div>
  );
}

/**
 * Open modal dialogs: a modal dialog keeps pointer and focus inside itself, so while one is open the
 * task bar shows inside it (the dialog's own `<TaskBar inDialog />`) rather than behind its overlay.
 */
let openDialogs = 0;
const dialogListeners = new Set<() => void>();
const subscribeDialogs = (listener: () => void) => {
  dialogListeners.add(listener);
  return () => dialogListeners.delete(listener);
};
export function useDialogOpen(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    openDialogs++;
    for (const listener of dialogListeners) listener();
    return () => {
      openDialogs--;
      for (const listener of dialogListeners) listener();
    };
  }, [open]);
}

/** The long calls of this page, each with its progress and a Cancel button. */
export function TaskBar({ inDialog = false }: { inDialog?: boolean }) {
  const { t } = useTranslation();
  const tasks = useTasks();
  const dialogs = useSyncExternalStore(subscribeDialogs, () => openDialogs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (tasks.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, [tasks.length]);
  const shown = tasks.filter((task) => now - task.startedAt >= SHOW_AFTER_MS || task.progress !== null);
  if (shown.length === 0 || (dialogs > 0) !== inDialog) return null;
  return (
    <div className={`task-bar${inDialog ? ' task-bar--in-dialog' : ''}`} role="status" aria-live="polite" aria-label={t('tasks.region')}>
      {shown.map((task) => (
        <TaskRow key={task.id} task={task} />
      ))}
    </div>
  );
}
