import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DuidingError } from '../../../shared/errors.ts';
import { removeStaleTemps, tempPathFor } from './temp-files.ts';

/** The file-system calls an atomic write needs; tests inject a failing `writeSync` (a full disk). */
export interface WriteFs {
  openSync: typeof openSync;
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof fsyncSync;
  closeSync: typeof closeSync;
  renameSync: typeof renameSync;
  rmSync: typeof rmSync;
}

const realFs: WriteFs = { openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync };

function reason(error: NodeJS.ErrnoException): { code: string; why: string } {
  switch (error.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { code: 'disk-full', why: 'the disk is full' };
    case 'ENOENT':
      return { code: 'no-folder', why: 'its folder does not exist' };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { code: 'not-writable', why: 'that place cannot be written (permission denied or read-only)' };
    case 'EISDIR':
      return { code: 'is-folder', why: 'that path is a folder' };
    default:
      return { code: 'write-failed', why: error.code ?? error.message };
  }
}

/**
 * Writes `bytes` to `path` so that the file is either complete or not there at all: into a temporary
 * file beside it, flushed to disk, then renamed over the target. On any failure the temporary file is
 * removed and the error names the file and the reason; an existing file at `path` is left untouched.
 * A temporary file left by a killed process is removed the next time something is written there.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, fs: WriteFs = realFs): void {
  writeFileAtomicStreamed(path, (write) => write(bytes), fs);
}

/**
 * Like writeFileAtomic, for a file made chunk by chunk: `produce` hands its chunks to `write` as it
 * makes them, which go straight into the temporary file, so the whole never sits in memory. Whatever
 * `produce` throws (a cancel, bad data) removes the temporary file and passes on as it is; a failed
 * write is reported as writeFileAtomic reports it. Returns what `produce` returns and the bytes written.
 */
export function writeFileAtomicStreamed<T>(path: string, produce: (write: (chunk: Uint8Array) => void) => T, fs: WriteFs = realFs): { result: T; bytes: number } {
  removeStaleTemps(dirname(path));
  const temp = tempPathFor(path);
  let fd: number | null = null;
  let bytes = 0;
  const failed = (error: unknown) => {
    const { code, why } = reason(error as NodeJS.ErrnoException);
    return new DuidingError(`Could not write ${basename(path)}: ${why}. Nothing was written.`, 'input', { code: `write-${code}`, params: { file: basename(path) } });
  };
  try {
    try {
      fd = fs.openSync(temp, 'wx');
    } catch (error) {
      throw failed(error);
    }
    const open = fd;
    const result = produce((chunk) => {
      try {
        for (let written = 0; written < chunk.length; ) written += fs.writeSync(open, chunk, written, chunk.length - written);
      } catch (error) {
        throw failed(error);
      }
      bytes += chunk.length;
    });
    try {
      fs.fsyncSync(open);
      fs.closeSync(open);
      fd = null;
      fs.renameSync(temp, path);
    } catch (error) {
      throw failed(error);
    }
    return { result, bytes };
  } catch (error) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // The descriptor is gone either way; the temporary file is removed below.
      }
    }
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
