import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  load(): LoadedFile;
}

function fromPath(path: string): PendingFile {
  const name = basename(path);
  return {
    name,
    load() {
      try {
        return { name, bytes: readFileSync(path) };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why =
          code === 'ENOENT' ? 'does not exist'
          : code === 'EISDIR' ? 'is a folder, not a file'
          : code === 'EACCES' ? 'cannot be read (permission denied)'
          : `cannot be read (${code ?? (error as Error).message})`;
        throw new DuidingError(`${name} ${why}.`, 'input', { code: code === 'ENOENT' ? 'missing' : 'unreadable', params: { file: name } });
      }
    },
  };
}

/**
 * Expands file references: a folder stands for the files directly inside it with one of
 * `extensions` (sorted by name, hidden files left out).
 */
export function expandFileRefs(refs: FileRef[], extensions: readonly string[]): PendingFile[] {
  const out: PendingFile[] = [];
  for (const ref of refs) {
    if ('base64' in ref) {
      out.push({ name: basename(ref.name), load: () => loadFileRef(ref) });
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
    const entries = readdirSync(ref.path, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.') && extensions.includes(extname(e.name).toLowerCase()))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b));
    out.push(...entries.map((entry) => fromPath(join(ref.path, entry))));
  }
  return out;
}

export function loadFileRef(ref: FileRef): LoadedFile {
  if ('base64' in ref) return { name: basename(ref.name), bytes: Buffer.from(ref.base64, 'base64') };
  return fromPath(ref.path).load();
}
