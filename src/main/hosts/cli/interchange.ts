import { existsSync, linkSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { removeWithSidecars } from '../../core/db/database.ts';
import { tempPathFor } from '../../core/files/temp-files.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { InterchangeExport, QdpxImportReport } from '../../../shared/interchange.ts';
import type { ProjectInfo } from '../../../shared/model.ts';
import { dispatch } from '../../core/handlers.ts';
import type { Session } from '../../core/session.ts';

/** The CLI's REFI-QDA commands: `import FILE x.qdpx`, `new FILE --from x.qdpx`, `export --format qdpx|qdc`. */
interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const isQdpx = (path: string) => /\.(qdpx|qde)$/i.test(path);

export function printQdpxReport(report: QdpxImportReport, out: Output): void {
  const c = report.counts;
  out.stdout(`✓ ${report.file}${report.origin ? ` (from ${report.origin})` : ''}: project "${report.projectName}"`);
  out.stdout(
    `    ${c.labels} labels from ${c.codes} codes; ${c.documents} documents from ${c.sources} sources; ${c.segments} segments from ${c.selections} selections; ` +
      `${c.codings} of ${c.codingsInFile} codings; ${c.participants} participants from ${c.cases} cases; ${c.attributes} attributes; ${c.memos} memos from ${c.notes} notes`,
  );
  for (const source of report.sources) {
    if (source.status === 'imported') {
      const unit = source.unit ? `; positions in ${source.unit.unit === 'utf16' ? 'UTF-16 units' : 'code points'}${source.unit.crlf === 1 ? ', \\r\\n as one' : ''}` : '';
      out.stdout(`    ✓ ${source.name}: ${source.segments} segments, ${source.codings} codings${source.unplaced ? `, ${source.unplaced} not placed` : ''}${unit}`);
    } else out.stdout(`    – ${source.name}: ${source.status} (${source.reason})`);
  }
  for (const line of report.adapted) out.stdout(`  adapted: ${line}`);
  for (const line of report.notImported) out.stdout(`  not imported: ${line}`);
  for (const u of report.unplaced) out.stdout(`  not placed: ${u.source} ${u.startPosition}–${u.endPosition}${u.name ? ` "${u.name}"` : ''} (${u.reason})`);
}

export async function importQdpxCommand(session: Session, paths: string[], json: boolean, out: Output): Promise<number> {
  if (paths.length !== 1) throw new DuidingError('A REFI-QDA project (.qdpx) is imported on its own: give exactly one .qdpx file.', 'usage');
  const report = (await dispatch(session, 'interchange/importQdpx', { file: { path: resolve(paths[0]!) } })) as QdpxImportReport;
  if (json) out.stdout(JSON.stringify(report, null, 2));
  else printQdpxReport(report, out);
  return 0;
}

/**
 * `new FILE --from x.qdpx`: the project is filled under a temporary name and takes its own name only
 * when complete, so a refused file, a full disk or a kill half-way leaves no project behind (a killed
 * run's temporary file is removed by the next Duiding that writes in that folder).
 */
export async function newFromQdpx(session: Session, file: string, from: string, title: string | undefined, json: boolean, out: Output): Promise<number> {
  if (!isQdpx(from)) throw new DuidingError(`--from takes a REFI-QDA project (.qdpx or .qde), not ${from}.`, 'usage');
  const path = resolve(file);
  if (existsSync(path)) throw new DuidingError(`${basename(path)} already exists; choose another name or open it.`, 'input', { code: 'exists', params: { file: basename(path) } });
  const temp = tempPathFor(path);
  let report: QdpxImportReport;
  try {
    await dispatch(session, 'project/create', { path: temp, title: title ?? basename(path).replace(/\.duiding$/i, '') });
    report = (await dispatch(session, 'interchange/importQdpx', { file: { path: resolve(from) }, adoptTitle: title === undefined })) as QdpxImportReport;
    session.close();
    linkSync(temp, path);
  } catch (error) {
    session.close();
    removeWithSidecars(temp);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DuidingError(`${basename(path)} already exists; choose another name or open it.`);
    throw error;
  }
  removeWithSidecars(temp);
  session.open(path);
  const info = (await dispatch(session, 'project/info', {})) as ProjectInfo;
  if (json) out.stdout(JSON.stringify({ project: info, report }, null, 2));
  else {
    out.stdout(`Created ${info.path}.`);
    printQdpxReport(report, out);
  }
  return 0;
}

export async function exportInterchange(session: Session, format: 'qdpx' | 'qdc', path: string, json: boolean, out: Output): Promise<number> {
  const made = (await dispatch(session, format === 'qdpx' ? 'interchange/exportQdpx' : 'interchange/exportQdc', { out: resolve(path) })) as InterchangeExport;
  if (json) out.stdout(JSON.stringify(made, null, 2));
  else out.stdout(`Wrote ${made.path} (${made.bytes.toLocaleString('en-US')} bytes; ${Object.entries(made.counts).map(([k, v]) => `${v} ${k}`).join(', ')}).`);
  return 0;
}
