import { basename } from 'node:path';
import { DuidingError, isDuidingError } from '../../../shared/errors.ts';

/**
 * What SQLite and the file system report about the project file or its folder, said as a sentence
 * that names the file: a full disk, a read-only place, a damaged file. These used to reach the user
 * as "Internal error (please report it)" with a stack trace.
 */
export function recoverHint(name: string): string {
  const stem = name.replace(/\.duiding$/i, '');
  return `Restore a backup, or salvage what is left with SQLite's recovery: sqlite3 ${name} .recover | sqlite3 ${stem}-recovered.duiding`;
}

export function damagedProject(name: string, detail: string): DuidingError {
  return new DuidingError(`${name} is damaged (${detail}); Duiding cannot read it safely. ${recoverHint(name)}`, 'input', {
    code: 'damagedProject',
    params: { file: name },
  });
}

/** A DuidingError for a storage failure, or null when `error` is something else (a bug). */
export function explainStorageError(error: unknown, file: string | null): DuidingError | null {
  if (isDuidingError(error) || !(error instanceof Error)) return null;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const path = (error as NodeJS.ErrnoException).path;
  // The lock beside a project and SQLite's -wal and -shm files stand for the project itself.
  const name = file ? basename(file) : path ? basename(path).replace(/(\.lock|-wal|-shm|-journal)$/, '') : 'The project';
  const detail = (problem: string, errorCode: string) => new DuidingError(`${name}: ${problem}`, 'input', { code: errorCode, params: { file: name } });
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return detail('the disk is full, so the change was not saved (nothing of it was written). Free some space and try again.', 'diskFull');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ') {
    return damagedProject(name, error.message);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return detail(
      'cannot be written: the file or its folder is read-only, or permission is denied. Open it read-only, or copy it to a folder you can write to.',
      'notWritable',
    );
  }
  if (code === 'ENOENT' && path?.endsWith('.lock')) {
    return detail(`cannot be created: its folder ${basename(path.slice(0, path.lastIndexOf('/')) || '/')} does not exist or cannot hold files.`, 'noFolder');
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return detail(`the disk reported an error while reading or writing (${code}); nothing of the change was saved. Check the disk and try again.`, 'ioError');
  }
  return null;
}
