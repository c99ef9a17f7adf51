import { closeSync, fsyncSync, openSync, renameSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { DuidingError } from '../../../shared/errors.ts';
import { removeWithSidecars, type Db } from '../db/database.ts';
import { explainStorageError } from '../db/storage-errors.ts';
import { dropRowImages, mostlyFree, purgeSearchIndex, vacuum, vacuumInto } from '../history/purge.ts';
import type { Project } from '../project.ts';
import { removeStaleTemps, tempPathFor } from '../files/temp-files.ts';

/** What a copy needs beside its source connection; plain data, so that a worker thread can be given it. */
export interface CopyOptions {
  /** The project's name, for messages. */
  name: string;
  /** The SQLite driver build the project was opened with. */
  nativeBinding?: string | undefined;
  /** Whether a purging write is in effect: the search index's old blocks must not reach the copy. */
  purging: boolean;
}

/**
 * A consistent, self-contained copy of an open project, for a backup or "Save a copy…".
 *
 * `VACUUM INTO` reads the database through the project's own connection, so it sees every committed
 * write whether it is in the file or still in the `-wal` (a plain file copy made while the app runs
 * missed 31 of 4,401 codings), and it writes a fresh file without free pages. The copy then loses the
 * session's row images (undo serves a session only, and they may hold what a purging write removed),
 * their pages zeroed, and — while a purging write is in effect — the search index's old blocks, the
 * file then rewritten without free pages.
 * It must pass `integrity_check` before it is given its name; until then it lives under a temporary
 * name, so a copy is whole or not there.
 */
export function snapshotTo(project: Project, out: string): number {
  removeStaleTemps(out.replace(/[/\\][^/\\]*$/, '') || '.');
  const temp = tempPathFor(out);
  try {
    copyInto(project.db, temp, { name: project.name, nativeBinding: project.openOptions.nativeBinding, purging: project.purgePending });
    return giveName(temp, out);
  } catch (error) {
    removeWithSidecars(temp);
    throw copyError(error, out);
  }
}

/**
 * Writes the checked, fsynced copy of `source` to `temp` (see snapshotTo): everything but giving it
 * its name. `source` may be the project's own connection or, for a backup made in a worker thread
 * (background.ts), a read-only connection of that thread's own: in WAL mode its read transaction
 * sees every committed write and holds up no writer.
 */
export function copyInto(source: Db, temp: string, options: CopyOptions): void {
  vacuumInto(source, temp);
  const copy = new Database(temp, { nativeBinding: options.nativeBinding });
  try {
    copy.pragma('secure_delete = ON');
    copy.transaction(() => {
      dropRowImages(copy);
      if (options.purging) purgeSearchIndex(copy);
    })();
    // The row images' pages are zeroed as they are freed (secure_delete); the copy is written a second
    // time only while a purging write is in effect, or when they were a tenth of it. Rewriting it after
    // every session's first write doubled the work of a backup at size L (123 MB), which a laptop's
    // two cores share with the researcher's next corrections.
    if (options.purging || mostlyFree(copy)) vacuum(copy);
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new DuidingError(`The copy of ${options.name} did not pass SQLite's integrity check (${String(check)}); nothing was kept.`);
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Gives a finished copy its name (one rename: the copy is there whole or not at all); answers its size. */
export function giveName(temp: string, out: string): number {
  renameSync(temp, out);
  return statSync(out).size;
}

/** What a failed copy says: the storage problem named, or the copy's own refusal. */
export function copyError(error: unknown, out: string): DuidingError {
  return explainStorageError(error, out) ?? (error instanceof DuidingError ? error : new DuidingError(`Cannot write ${basename(out)}: ${(error as Error).message}`));
}
