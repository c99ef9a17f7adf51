import { basename, isAbsolute, join } from 'node:path';
import { DuidingError } from '../../shared/errors.ts';

/**
 * What a page (the browser host's or the desktop window's) may ask beyond the handlers' own
 * validation:
 * - files reach the core as uploaded bytes, never as paths on this machine;
 * - projects are created and opened by file name inside the host's projects folder only.
 */
export function pageGuard(mode: { dir: string }) {
  return (name: string, args: Record<string, unknown>): Record<string, unknown> => {
    if (name === 'documents/import') {
      const refs = [...((args.files as unknown[] | undefined) ?? []), ...(args.pseudonyms ? [args.pseudonyms] : [])];
      if (refs.some((ref) => typeof ref === 'object' && ref !== null && 'path' in ref)) {
        throw new DuidingError('The browser uploads files; paths on the computer are not accepted here.', 'usage');
      }
      return args;
    }
    if (name !== 'project/create' && name !== 'project/open') return args;
    const requested = String(args.path ?? '');
    const fileName = requested.endsWith('.duiding') ? requested : `${requested}.duiding`;
    if (!requested || isAbsolute(requested) || basename(fileName) !== fileName || fileName.startsWith('.')) {
      throw new DuidingError(`"${requested}" is not a project name: use a plain file name, without folders.`, 'usage');
    }
    return { ...args, path: join(mode.dir, fileName) };
  };
}
