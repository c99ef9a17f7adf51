import { basename } from 'node:path';
import type { InterchangeHandlerName } from '../../shared/api/names-interchange.ts';
import type { InterchangeExport } from '../../shared/interchange.ts';
import type { HandlerMap } from './handlers.ts';
import type { Project } from './project.ts';
import { writeFileAtomic } from './services/atomic-write.ts';
import { recordExport } from './audit/record.ts';
import { checkpoint } from './tasks.ts';

function deliver(project: Project, extension: string, made: { bytes: Uint8Array; counts: Record<string, number> }, out: string | undefined): InterchangeExport {
  const fileName = out ? basename(out) : `${(project.meta().title || project.name).replace(/[\\/:*?"<>|]+/g, '_')}${extension}`;
  if (out) writeFileAtomic(out, made.bytes);
  recordExport(project, { action: extension === '.qdpx' ? 'interchange/exportQdpx' : 'interchange/exportQdc', what: extension === '.qdpx' ? 'project' : 'codebook', format: extension.slice(1), out });
  return { fileName, path: out ?? null, base64: out ? null : Buffer.from(made.bytes).toString('base64'), bytes: made.bytes.length, counts: made.counts };
}

// Loaded on first use, like the exporters: most CLI calls never need them.
const qdc = () => import('./interchange/qdc.ts');

/** The REFI-QDA interchange: .qdpx and .qdc in and out. */
export const interchangeHandlers: HandlerMap<InterchangeHandlerName> = {
  'interchange/importQdpx': async (session, { file, adoptTitle }) => (await import('./interchange/import-qdpx.ts')).importQdpx(session.project, file, { adoptTitle }),
  'interchange/exportQdpx': async (session, { out }) => {
    const made = (await import('./interchange/export-qdpx.ts')).exportQdpx(session.project);
    // Cancel counts until the file is written (whole, or not at all).
    await checkpoint();
    return deliver(session.project, '.qdpx', made, out);
  },
  'interchange/importQdc': async (session, { file }) => (await qdc()).importQdc(session.project, file),
  'interchange/exportQdc': async (session, { out }) => deliver(session.project, '.qdc', (await qdc()).exportQdc(session.project), out),
};
