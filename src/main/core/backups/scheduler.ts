import type { Project } from '../project.ts';
import { removeWithSidecars } from '../db/database.ts';
import { makeBackup, newBackupName, pruneBackups, replaceBackupsAfterPurge } from './backups.ts';
import { startSnapshot, type BackgroundSnapshot, type SnapshotAnswer } from './background.ts';
import { copyError, giveName } from './snapshot.ts';
import { readPolicy } from './store.ts';
import { storageWarning } from './synced.ts';
import { isTempPath } from '../files/temp-files.ts';

/** How long a backup that is due waits for the researcher to pause, and at most. */
export const PAUSE_MS = 2000;
const MAX_WAIT_MS = 60_000;

/** A backup being made in its thread. */
interface Running {
  snapshot: BackgroundSnapshot;
  out: string;
  /** Whether a purging write was in effect when it started (the thread then purged the copy's search index). */
  purging: boolean;
}

/** Per open project: resolves once no backup is being made (tests, and a host that wants to know). */
const idle = new WeakMap<Project, () => Promise<void>>();

export function backupsIdle(project: Project): Promise<void> {
  return idle.get(project)?.() ?? Promise.resolve();
}

/**
 * When backups are made for a project open for writing: after the first write of the session, then
 * after every `everyMinutes` of writing — each at the next pause in the writing (`queue`) — and at
 * close when something was written since the last one;
 * read-only opens (info, search, export) make none. After a purge, a backup of the purged project
 * replaces every older one (a backup made while a purging write is in effect holds none of what it
 * removed: see snapshot.ts).
 *
 * The backups after a write are made in a worker thread (background.ts), one at a time: at size L a
 * copy takes seconds, which the core's thread spends answering instead. A write while one is made
 * leaves the project dirty for the next. A purge or a close waits for a running one first (the
 * purge's VACUUM and checkpoint, and the close's return to one file, need no reader beside them);
 * the backups a purge or a close makes, and "Make a backup now", are made on the core's thread.
 *
 * A failing backup never fails the researcher's work: it is reported once through the project's notices.
 */
export function attachBackups(project: Project): void {
  // A project built under a temporary name (`new --from x.qdpx`) is not the researcher's yet: backups
  // of it would lie in a folder named after the temporary file, left behind once it gets its name.
  if (isTempPath(project.path)) return;
  // Said once at opening (the CLI prints notices; the page shows it in the backups screen).
  const warning = storageWarning(project.path);
  if (warning) {
    project.notices.push(
      `${project.name} lies in ${warning.kind === 'synced' ? `a folder kept by ${warning.service}` : `a network drive (${warning.service})`}: a sync or network copy can damage an open project. Keep projects on this computer's own disk.`,
    );
  }
  const state = backupState(project);
  // A project open read-only never writes, purges or closes with a write: none of these events come.
  project.events.on('change', () => {
    state.dirty = true;
    if (state.running || !state.due()) return;
    state.queue();
  });
  project.events.on('settle', () => state.settle());
  project.events.on('purged', () => state.attempt(() => replaceBackupsAfterPurge(project, readPolicy(project.db))));
  project.events.on('closing', () => {
    state.closed = true;
    state.settle();
    if (state.dirty) state.attempt(() => makeBackup(project, readPolicy(project.db)));
  });
  idle.set(project, async () => {
    // One waiting for a pause is made now: whoever asks wants to see it.
    if (state.queued) state.startQueued();
    while (state.running) await state.running.snapshot.answer.then(() => new Promise((done) => setImmediate(done)));
  });
}

/** The backups' state of one open project, and what starts and ends a backup. */
function backupState(project: Project) {
  let timer: NodeJS.Timeout | null = null;
  let queuedAt = 0;
  const state = {
    last: 0,
    dirty: false,
    queued: false,
    closed: false,
    warned: false,
    running: null as Running | null,
    due: () => state.last === 0 || Date.now() - state.last >= readPolicy(project.db).everyMinutes * 60_000,
    failed(message: string) {
      state.dirty = true;
      if (!state.warned) project.notices.push(`A backup of ${project.name} could not be made: ${message}`);
      state.warned = true;
    },
    /**
     * A backup that is due waits for a pause in the researcher's writes (`PAUSE_MS` without one), so
     * that copying the whole project does not share the laptop's cores with their next actions (at
     * size L the copy of 123 MB slowed the corrections made while it ran by half); but not longer
     * than `MAX_WAIT_MS` of writing without a pause.
     */
    queue() {
      if (!state.queued) queuedAt = Date.now();
      state.queued = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => state.startQueued(), Math.max(0, Math.min(PAUSE_MS, queuedAt + MAX_WAIT_MS - Date.now())));
      timer.unref();
    },
    startQueued() {
      if (timer) clearTimeout(timer);
      timer = null;
      state.queued = false;
      if (!state.closed && !state.running && state.due()) state.start();
    },
    /** A backup made on this thread (a purge's, a close's). */
    attempt(make: () => unknown) {
      try {
        make();
        state.last = Date.now();
        state.dirty = false;
      } catch (error) {
        state.failed((error as Error).message);
      }
    },
    start() {
      try {
        const { out } = newBackupName(project.path);
        const purging = project.purgePending;
        const snapshot = startSnapshot(project.path, out, { name: project.name, nativeBinding: project.openOptions.nativeBinding, purging });
        const run: Running = { snapshot, out, purging };
        state.running = run;
        state.dirty = false;
        void snapshot.answer.then((answer) => state.finish(run, answer));
      } catch (error) {
        state.failed((error as Error).message);
      }
    },
    /** Waits here for a running backup, and ends it (a purge or a close goes on after it). */
    settle() {
      if (timer) clearTimeout(timer);
      timer = null;
      state.queued = false;
      if (state.running) state.finish(state.running, state.running.snapshot.waitSync());
    },
    finish(run: Running, answer: SnapshotAnswer) {
      if (state.running !== run) return;
      state.running = null;
      if (!answer.ok) return state.failed(answer.message);
      // A purging write committed while the thread copied, which was not told to purge: the copy may
      // hold what that write removed. It is dropped; the next backup is made knowing.
      if (!run.purging && project.purgePending) {
        removeWithSidecars(run.snapshot.temp);
        state.dirty = true;
        return;
      }
      try {
        giveName(run.snapshot.temp, run.out);
        pruneBackups(project.path, readPolicy(project.db));
        state.last = Date.now();
      } catch (error) {
        removeWithSidecars(run.snapshot.temp);
        state.failed(copyError(error, run.out).message);
      }
    },
  };
  return state;
}
