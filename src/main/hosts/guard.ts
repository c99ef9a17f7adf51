import { basename, isAbsolute, join } from 'node:path';
import { DuidingError } from '../../shared/errors.ts';

/** True when a file reference anywhere in the arguments names a path on this machine. */
function namesPath(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(namesPath);
  if (typeof value !== 'object' || value === null) return false;
  if ('path' in value) return true;
  return Object.values(value).some(namesPath);
}

/**
 * What a page (the browser host's or the desktop window's) may ask beyond the handlers' own
 * validation:
 * - files reach the core as uploaded bytes, never as paths on this machine (imports of transcripts,
 *   codebooks and REFI-QDA projects alike);
 * - exports come back as bytes for the page to download, never written to a path it names;
 * - projects are created and opened by file name inside the host's projects folder only.
 */
export function pageGuard(mode: { dir: string }) {
  return (name: string, args: Record<string, unknown>): Record<string, unknown> => {
    if (name !== 'project/create' && name !== 'project/open') {
      if (namesPath(args)) throw new DuidingError('The browser uploads files; paths on the computer are not accepted here.', 'usage');
      if (args.out !== undefined) throw new DuidingError('The browser downloads exports; paths on the computer are not accepted here.', 'usage');
      return args;
    }
    const requested = String(args.path ?? '');
    const fileName = requested.endsWith('.duiding') ? requested : `${requested}.duiding`;
    if (!requested || isAbsolute(requested) || basename(fileName) !== fileName || fileName.startsWith('.')) {
      throw new DuidingError(`"${requested}" is not a project name: use a plain file name, without folders.`, 'usage');
    }
    return { ...args, path: join(mode.dir, fileName) };
  };
}
