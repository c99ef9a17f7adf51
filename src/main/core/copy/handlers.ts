import { readFileSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { DuidingError } from '../../../shared/errors.ts';
import { PROJECT_EXTENSION } from '../db/database.ts';
import type { HandlerMap } from '../handlers.ts';
import { recordExport } from '../audit/record.ts';
import { snapshotTo } from '../backups/snapshot.ts';
import { tempPathFor } from '../files/temp-files.ts';

/**
 * "Save a copy…" and `duiding copy FILE OUT` (issue 24): a consistent, self-contained project file at
 * any moment, the -wal's commits included (backups/snapshot.ts). To a path, or answered as bytes for
 * the browser to download. A copy is an export of everything, so the audit records it.
 */
export const copyHandlers: HandlerMap<'project/copy'> = {
  'project/copy': (session, { out }) => {
    const project = session.project;
    if (out !== undefined && extname(out).toLowerCase() !== PROJECT_EXTENSION) {
      throw new DuidingError(`${basename(out)} does not end in ${PROJECT_EXTENSION}; give a file name like ${basename(out, extname(out))}${PROJECT_EXTENSION}.`, 'usage');
    }
    if (out !== undefined && out === project.path) throw new DuidingError(`${basename(out)} is the project itself; choose another name for the copy.`, 'usage');
    const fileName = out === undefined ? `${basename(project.path, PROJECT_EXTENSION)} (copy)${PROJECT_EXTENSION}` : basename(out);
    if (out !== undefined) {
      const bytes = snapshotTo(project, out);
      recordExport(project, { action: 'project/copy', what: 'project', format: 'duiding', out });
      return { fileName, bytes, path: out };
    }
    const temp = join(tmpdir(), basename(tempPathFor(join(tmpdir(), fileName))));
    try {
      const bytes = snapshotTo(project, temp);
      recordExport(project, { action: 'project/copy', what: 'project', format: 'duiding' });
      return { fileName, bytes, base64: readFileSync(temp).toString('base64') };
    } finally {
      rmSync(temp, { force: true });
    }
  },
};
