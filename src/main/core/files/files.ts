import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { FileRef } from '../../../shared/api/contract.ts';
import { DuidingError } from '../../../shared/errors.ts';

/** A file's name and bytes, whether it came as a path or as an upload. */
export interface LoadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file reference as a name plus a loader: loading is deferred so one unreadable file fails alone. */
export interface PendingFile {
  name: string;
  load(maxBytes?: number): LoadedFile;
}

/** The largest file read when the caller names no limit: a transcript, a table, a codebook. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function tooLarge(name: string, size: number, maxBytes: number): never {
  throw new DuidingError(`${name} is ${megabytes(size)}; the limit is ${megabytes(maxBytes)} per file.`, 'input', {
    code: 'tooLarge',
    params: { file: name, size: megabytes(size), limit: megabytes(maxBytes) },
  });
}

function notRegular(name: string, stats: Stats): never {
  const what = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a named pipe' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : stats.isSocket() ? 'a socket' : 'not a regular file';
  throw new DuidingError(`${name} is ${what}, not a file; Duiding reads only regular files.`, 'input', { code: 'notRegularFile', params: { file: name } });
}

function unreadable(name: string, error: unknown): never {
  if (error instanceof DuidingError) throw error;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist'
    : code === 'EISDIR' ? 'is a folder, not a file'
    : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)'
    : `cannot be read (${code ?? (error as Error).message})`;
  throw new DuidingError(`${name} ${why}.`, 'input', { code: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', params: { file: name } });
}

/**
 * Reads a file only if it is a regular file of at most `maxBytes`: stat first, so that `/dev/zero`
 * or a FIFO (which would block or never end) and a 1 GB file are refused before a byte is read.
 * The descriptor is opened non-blocking and checked again, in case the path changed in between, and
 * a file that grows while it is read is still cut off at the limit.
 */
export function readRegularFile(path: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): LoadedFile {
  const name = basename(path);
  let fd: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) notRegular(name, stats);
    if (stats.size > maxBytes) tooLarge(name, stats.size, maxBytes);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    unreadable(name, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) notRegular(name, stats);
    if (stats.size > maxBytes) tooLarge(name, stats.size, maxBytes);
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read === buffer.length && readSync(fd, Buffer.alloc(1), 0, 1, read) > 0) tooLarge(name, read + 1, maxBytes);
    return { name, bytes: buffer.subarray(0, read) };
  } catch (error) {
    unreadable(name, error);
  } finally {
    closeSync(fd);
  }
}

function fromPath(path: string): PendingFile {
  return { name: basename(path), load: (maxBytes) => readRegularFile(path, maxBytes) };
}

/**
 * Expands file references: a folder stands for the files directly inside it with one of
 * `extensions` (sorted by name, hidden files left out).
 */
export function expandFileRefs(refs: FileRef[], extensions: readonly string[]): PendingFile[] {
  const out: PendingFile[] = [];
  for (const ref of refs) {
    if ('base64' in ref) {
      out.push({ name: basename(ref.name), load: (maxBytes) => loadFileRef(ref, maxBytes) });
      continue;
    }
    let isDirectory = false;
    try {
      isDirectory = statSync(ref.path).isDirectory();
    } catch {
      // Missing paths are reported when loaded, by name, like any unreadable file.
    }
    if (!isDirectory) {
      out.push(fromPath(ref.path));
      continue;
    }
    let entries: string[];
    try {
      entries = readdirSync(ref.path, { withFileTypes: true })
        .filter((e) => e.isFile() && !e.name.startsWith('.') && extensions.includes(extname(e.name).toLowerCase()))
        .map((e) => e.name)
        .sort((a, b) => a.localeCompare(b));
    } catch (error) {
      // An unreadable folder is one failed entry of the batch, not the end of it.
      out.push({ name: basename(ref.path), load: () => unreadable(basename(ref.path), error) });
      continue;
    }
    out.push(...entries.map((entry) => fromPath(join(ref.path, entry))));
  }
  return out;
}

export function loadFileRef(ref: FileRef, maxBytes: number = DEFAULT_MAX_FILE_BYTES): LoadedFile {
  if ('base64' in ref) {
    const name = basename(ref.name);
    const size = Math.floor((ref.base64.length * 3) / 4);
    if (size > maxBytes + 2) tooLarge(name, size, maxBytes);
    return { name, bytes: Buffer.from(ref.base64, 'base64') };
  }
  return readRegularFile(ref.path, maxBytes);
}
