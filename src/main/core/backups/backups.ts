import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry, BackupPolicy } from '../../../shared/protect.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { APPLICATION_ID, PROJECT_EXTENSION, removeWithSidecars, type OpenOptions } from '../db/database.ts';
import { acquireWriteLock } from '../db/lock.ts';
import type { Project } from '../project.ts';
import { removeStaleTemps, tempPathFor } from '../files/temp-files.ts';
import { snapshotTo } from './snapshot.ts';

/**
 * Rolling backups of a project, in a folder beside it that the researcher can see
 * (`study.duiding` → `study backups/`), one file per backup named by its time (UTC), so that a
 * listing needs nothing of the project itself: a damaged project can still list and restore them.
 */
export function backupFolder(projectPath: string): string {
  return join(dirname(projectPath), `${basename(projectPath, PROJECT_EXTENSION)} backups`);
}

const ID = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

function idOf(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

function timeOf(id: string): string | null {
  const m = ID.exec(id);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : null;
}

/** The backups of a project, newest first. */
export function listBackups(projectPath: string): BackupEntry[] {
  const folder = backupFolder(projectPath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(PROJECT_EXTENSION))
    .map((f) => ({ id: f.slice(0, -PROJECT_EXTENSION.length), file: join(folder, f) }))
    .flatMap(({ id, file }) => {
      const at = timeOf(id);
      return at ? [{ id, at, bytes: statSync(file).size }] : [];
    })
    .sort((a, b) => b.id.localeCompare(a.id));
}

/** Makes a backup of the open project now; answers it. It is checked (integrity_check) before it gets its name. */
export function makeBackup(project: Project, policy: BackupPolicy): BackupEntry {
  const { id, at, out } = newBackupName(project.path);
  const bytes = snapshotTo(project, out);
  pruneBackups(project.path, policy);
  return { id, at, bytes };
}

/** The name of a backup made now (its folder made): a backup's name is its time. */
export function newBackupName(projectPath: string): { id: string; at: string; out: string } {
  const folder = backupFolder(projectPath);
  mkdirSync(folder, { recursive: true });
  let date = new Date();
  // Two backups in one millisecond (a test, a purge right after a write) get distinct names.
  while (existsSync(join(folder, `${idOf(date)}${PROJECT_EXTENSION}`))) date = new Date(date.getTime() + 1);
  const id = idOf(date);
  return { id, at: date.toISOString(), out: join(folder, `${id}${PROJECT_EXTENSION}`) };
}

const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Which backups the policy keeps: the latest few of today, and the latest of each of the days before, for a week (configurable). */
export function keptBackups(entries: readonly BackupEntry[], policy: BackupPolicy, now = new Date()): Set<string> {
  const today = localDay(now.toISOString());
  const kept = new Set<string>();
  const days = new Set<string>();
  let todays = 0;
  const oldest = new Date(now);
  oldest.setDate(oldest.getDate() - policy.keepDays);
  const oldestDay = localDay(oldest.toISOString());
  for (const entry of entries) {
    const day = localDay(entry.at);
    if (day === today || day > today) {
      if (todays++ < policy.keepToday) kept.add(entry.id);
    } else if (day >= oldestDay && !days.has(day)) {
      days.add(day);
      kept.add(entry.id);
    }
  }
  // The newest is never removed, whatever the clock says.
  if (entries[0]) kept.add(entries[0].id);
  return kept;
}

export function pruneBackups(projectPath: string, policy: BackupPolicy): void {
  const entries = listBackups(projectPath);
  const kept = keptBackups(entries, policy);
  for (const entry of entries) if (!kept.has(entry.id)) rmSync(join(backupFolder(projectPath), `${entry.id}${PROJECT_EXTENSION}`), { force: true });
}

/**
 * After a purge, no backup made before it may stay: it would bring a removed name back. A backup
 * of the purged project is made first, then every older one goes.
 */
export function replaceBackupsAfterPurge(project: Project, policy: BackupPolicy): BackupEntry {
  const fresh = makeBackup(project, policy);
  for (const entry of listBackups(project.path)) {
    if (entry.id < fresh.id) rmSync(join(backupFolder(project.path), `${entry.id}${PROJECT_EXTENSION}`), { force: true });
  }
  return fresh;
}

export function backupPath(projectPath: string, id: string): string {
  const entries = listBackups(projectPath);
  const wanted = id === 'latest' ? entries[0] : entries.find((e) => e.id === id);
  if (!wanted) {
    throw new DuidingError(
      entries.length
        ? `There is no backup "${id}" of ${basename(projectPath)}; the backups are: ${entries.map((e) => e.id).join(', ')}.`
        : `${basename(projectPath)} has no backups (none in ${backupFolder(projectPath)}).`,
      'usage',
    );
  }
  return join(backupFolder(projectPath), `${wanted.id}${PROJECT_EXTENSION}`);
}

/** Checks a backup before it replaces anything: a Duiding project that passes integrity_check. */
function assertSound(path: string, options: OpenOptions): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new Error('it is not a Duiding project');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (error) {
    throw new DuidingError(`The backup ${basename(path)} cannot be restored: ${(error as Error).message}.`);
  } finally {
    db?.close();
  }
}

/**
 * Stages a backup for a restore: checked, then copied under a temporary name beside the project
 * (the same disk, so that the final rename is atomic). Staged before the project is closed, since
 * closing makes a backup of its own and the policy may then drop the one chosen.
 */
export function stageRestore(projectPath: string, id: string, options: OpenOptions = {}): string {
  const source = backupPath(projectPath, id);
  assertSound(source, options);
  removeStaleTemps(dirname(projectPath));
  const temp = tempPathFor(projectPath);
  copyFileSync(source, temp);
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/**
 * Puts a staged backup in the project's place, under the project's write lock (refused while another
 * process has it open for writing). The -wal and -shm of the file it replaces go with it.
 */
export function completeRestore(projectPath: string, staged: string): void {
  let lock;
  try {
    lock = acquireWriteLock(projectPath, basename(projectPath));
  } catch (error) {
    rmSync(staged, { force: true });
    throw error;
  }
  try {
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${projectPath}${suffix}`, { force: true });
    renameSync(staged, projectPath);
  } finally {
    lock.release();
  }
}

/** Keeps a damaged project aside (`study.duiding.damaged-TIME`) rather than overwrite the evidence. */
export function setDamagedAside(projectPath: string): string {
  const aside = `${projectPath}.damaged-${idOf(new Date())}`;
  renameSync(projectPath, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(`${projectPath}${suffix}`)) renameSync(`${projectPath}${suffix}`, `${aside}${suffix}`);
  return aside;
}

export { removeWithSidecars };
