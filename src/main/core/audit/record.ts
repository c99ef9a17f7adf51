import { basename } from 'node:path';
import { now } from '../clock.ts';
import type { Project } from '../project.ts';
import { allDocuments, insertExport, insertExportBeside } from './store.ts';

/**
 * Records an export in the audit (issue 24): what went out, as which format, holding which documents,
 * by whom. An export stays a read: its entry is no change-log entry, no undo step and no notice. A
 * project open read-only is written beside through a connection of its own; where even that cannot
 * write (a read-only folder), the export is not refused — the researcher is told once.
 */
export function recordExport(project: Project, entry: { action: string; what: string; format: string; out?: string | undefined }): void {
  const record = {
    at: now(),
    coder: project.coder,
    action: entry.action,
    what: entry.what,
    format: entry.format,
    documents: allDocuments(project.db),
    file: entry.out === undefined ? null : basename(entry.out),
  };
  try {
    if (project.readOnly) insertExportBeside(project.path, project.openOptions.nativeBinding, record);
    else insertExport(project.db, record);
  } catch (error) {
    project.notices.push(`The export was not recorded in the audit of ${project.name}: ${(error as Error).message}`);
  }
}
