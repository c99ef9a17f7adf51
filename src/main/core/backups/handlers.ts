import { basename } from 'node:path';
import type { BackupList } from '../../../shared/protect.ts';
import type { HandlerMap } from '../handlers.ts';
import type { Project } from '../project.ts';
import { backupFolder, completeRestore, listBackups, makeBackup, stageRestore } from './backups.ts';
import { backupsIdle } from './scheduler.ts';
import { lastPurge, readPolicy, writePolicy } from './store.ts';
import { storageWarning } from './synced.ts';

export function backupList(project: Project): BackupList {
  const folder = backupFolder(project.path);
  return {
    folder,
    folderName: basename(folder),
    entries: listBackups(project.path),
    policy: readPolicy(project.db),
    warning: storageWarning(project.path),
    purgedAt: lastPurge(project.db),
  };
}

/** Backups (issue 24); registered into the handler map (handlers.ts). */
export const backupsHandlers: HandlerMap<'backups/list' | 'backups/make' | 'backups/restore' | 'backups/configure'> = {
  // A backup being made in its thread is listed once it is there (the screen opens right after a change).
  'backups/list': async (session) => {
    await backupsIdle(session.project);
    return backupList(session.project);
  },
  'backups/make': (session) => {
    const project = session.project;
    makeBackup(project, readPolicy(project.db));
    return backupList(project);
  },
  'backups/restore': (session, { id }) => {
    const project = session.project;
    const path = project.path;
    const readOnly = project.readOnly;
    const staged = stageRestore(path, id, project.openOptions);
    // The state the restore replaces is backed up first, so a restore can itself be taken back from
    // the list (with a purging write in effect, closing purges and backs up instead).
    if (!project.purgePending) makeBackup(project, readPolicy(project.db));
    session.close();
    try {
      completeRestore(path, staged);
    } finally {
      // Restored or not (another process took the lock meanwhile), the project is open again.
      session.open(path, readOnly);
    }
    return backupList(session.project);
  },
  'backups/configure': (session, policy) => {
    const project = session.project;
    project.write('backups/configure', () => {
      writePolicy(project.db, policy);
      return { result: null, summary: `Set the backups: every ${policy.everyMinutes} min of writing, ${policy.keepToday} of today, one a day for ${policy.keepDays} days` };
    });
    return backupList(project);
  },
};
