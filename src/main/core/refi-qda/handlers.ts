import { basename } from 'node:path';
import type { InterchangeHandlerName } from '../../../shared/api/names-interchange.ts';
import type { InterchangeExport } from '../../../shared/interchange.ts';
import type { HandlerMap } from '../handlers.ts';
import type { Project } from '../project.ts';
import { writeFileAtomic, writeFileAtomicStreamed } from '../files/atomic-write.ts';
import { recordExport } from '../audit/record.ts';
import { checkpoint } from '../tasks.ts';

function deliver(project: Project, extension: string, made: { bytes: Uint8Array | null; size: number; counts: Record<string, number> }, out: string | undefined): InterchangeExport {
  const fileName = out ? basename(out) : `${(project.meta().title || project.name).replace(/[\\/:*?"<>|]+/g, '_')}${extension}`;
  recordExport(project, { action: extension === '.qdpx' ? 'interchange/exportQdpx' : 'interchange/exportQdc', what: extension === '.qdpx' ? 'project' : 'codebook', format: extension.slice(1), out });
  return { fileName, path: out ?? null, base64: made.bytes && !out ? Buffer.from(made.bytes).toString('base64') : null, bytes: made.size, counts: made.counts };
}

/** A made file: written to `out` (whole or not at all), or kept for the reply. */
function written(made: { bytes: Uint8Array; counts: Record<string, number> }, out: string | undefined) {
  if (out) writeFileAtomic(out, made.bytes);
  return { bytes: made.bytes, size: made.bytes.length, counts: made.counts };
}

// Loaded on first use, like the exporters: most CLI calls never need them.
const qdc = () => import('./qdc.ts');

/** The REFI-QDA interchange: .qdpx and .qdc in and out. */
export const refiQdaHandlers: HandlerMap<InterchangeHandlerName> = {
  'interchange/importQdpx': async (session, { file, adoptTitle }) => (await import('./import-qdpx.ts')).importQdpx(session.project, file, { adoptTitle }),
  'interchange/exportQdpx': async (session, { out }) => {
    const { exportQdpx, writeQdpx } = await import('./export-qdpx.ts');
    // A cancel before it starts stops it; once started, the export runs to its end in one go (it is
    // read-only and streams into a temporary file, renamed onto `out` only when whole).
    await checkpoint();
    if (!out) {
      const made = exportQdpx(session.project);
      return deliver(session.project, '.qdpx', { bytes: made.bytes, size: made.bytes.length, counts: made.counts }, out);
    }
    const { result: counts, bytes } = writeFileAtomicStreamed(out, (write) => writeQdpx(session.project, write));
    return deliver(session.project, '.qdpx', { bytes: null, size: bytes, counts }, out);
  },
  'interchange/importQdc': async (session, { file }) => (await qdc()).importQdc(session.project, file),
  'interchange/exportQdc': async (session, { out }) => deliver(session.project, '.qdc', written((await qdc()).exportQdc(session.project), out), out),
};
