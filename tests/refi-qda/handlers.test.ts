import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/handlers.ts';
import type { InterchangeExport, QdpxImportReport } from '../../src/shared/interchange.ts';
import { newSession, tempDir } from '../support/temp.ts';
import { SAMPLES } from './support.ts';

describe('interchange handlers (the same for CLI, browser and desktop)', () => {
  it('imports an uploaded .qdpx (base64) and hands an export back as base64 when no path is given', async () => {
    const { session } = newSession();
    const upload = { name: 'qc-demo.qdpx', base64: readFileSync(join(SAMPLES, 'qc-demo.qdpx')).toString('base64') };
    const report = (await dispatch(session, 'interchange/importQdpx', { file: upload })) as QdpxImportReport;
    expect(report).toMatchObject({ file: 'qc-demo.qdpx', origin: 'qc 1.3.2', counts: { documents: 2, codings: 205 } });
    const made = (await dispatch(session, 'interchange/exportQdpx', {})) as InterchangeExport;
    expect(made).toMatchObject({ fileName: 'Test study.qdpx', path: null });
    expect(Buffer.from(made.base64!, 'base64').subarray(0, 2).toString()).toBe('PK');
    const out = join(tempDir(), 'codes.qdc');
    const qdc = (await dispatch(session, 'interchange/exportQdc', { out })) as InterchangeExport;
    expect(qdc).toMatchObject({ fileName: 'codes.qdc', path: out, base64: null, counts: { codes: 262 } });
    expect(readFileSync(out, 'utf8')).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
  });

  it('rejects wrong arguments before doing anything', async () => {
    const { session } = newSession();
    await expect(dispatch(session, 'interchange/importQdpx', { file: { path: '' } })).rejects.toThrow();
    await expect(dispatch(session, 'interchange/exportQdpx', { out: 1 })).rejects.toThrow();
  });
});
