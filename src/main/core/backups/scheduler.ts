import type { Project } from '../project.ts';
import { makeBackup, replaceBackupsAfterPurge } from './backups.ts';
import { readPolicy } from './store.ts';
import { storageWarning } from './synced.ts';
import { isTempPath } from '../files/temp-files.ts';

/**
 * When backups are made for a project open for writing: after the first write of the session, then
 * after every `everyMinutes` of writing, and at close when something was written since the last one;
 * read-only opens (info, search, export) make none. After a purge, a backup of the purged project
 * replaces every older one (a backup made while a purging write is in effect holds none of what it
 * removed: see snapshot.ts). A backup runs after the write's reply has gone out (setImmediate), so
 * the researcher's action is not held up by it.
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
  // A project open read-only never writes, purges or closes with a write: none of these events come.
  let last = 0;
  let dirty = false;
  let queued = false;
  let closed = false;
  let warned = false;
  const attempt = (make: () => unknown) => {
    try {
      make();
      last = Date.now();
      dirty = false;
    } catch (error) {
      if (!warned) project.notices.push(`A backup of ${project.name} could not be made: ${(error as Error).message}`);
      warned = true;
    }
  };
  const due = () => last === 0 || Date.now() - last >= readPolicy(project.db).everyMinutes * 60_000;
  project.events.on('change', () => {
    dirty = true;
    if (queued || !due()) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      if (closed || !due()) return;
      attempt(() => makeBackup(project, readPolicy(project.db)));
    });
  });
  project.events.on('purged', () => attempt(() => replaceBackupsAfterPurge(project, readPolicy(project.db))));
  project.events.on('closing', () => {
    closed = true;
    if (dirty) attempt(() => makeBackup(project, readPolicy(project.db)));
  });
}
