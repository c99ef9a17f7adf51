import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { readDocx } from '../reports/docx-reader.ts';
import { FIXTURES } from '../support/temp.ts';

const BIN = join(import.meta.dirname, '../../bin/duiding.js');

function duiding(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DUIDING_CODER: 'cli-tester' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('duiding export', () => {
  // One coded study for all cases (built once: the CLI spawns are the slow part).
  const dir = mkdtempSync(join(tmpdir(), 'duiding-cli-export-'));
  const file = join(dir, 'studie.duiding');
  beforeAll(() => {
    expect(duiding('new', file, '--title', 'LLB jaar 1').code).toBe(0);
    expect(duiding('import', file, join(FIXTURES, 'participants.csv'), join(FIXTURES, 'transcripts'), '--pseudonyms', join(FIXTURES, 'pseudonyms.csv')).code).toBe(0);
    expect(duiding('autocode', file, '--label', 'samenwerking met CLB', '--text', 'CLB', '--scope', 'match', '--speakers', 'all').code).toBe(0);
    expect(duiding('autocode', file, '--label', 'brede basiszorg', '--text', 'brede basiszorg', '--scope', 'match', '--speakers', 'all').code).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the theme report as .docx with the chosen attribution, and says where', () => {
    const out = join(dir, 'rapport.docx');
    const result = duiding('export', file, '--report', 'themes', '--format', 'docx', '--out', out, '--attribution', 'attrs:schooltype,net', '--counts');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\([\\d,]+ bytes\\)\\.\\n$`));
    const docx = readDocx(readFileSync(out));
    // No outline and no concepts yet: the default report lists the labels in no concept.
    expect(docx.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text)).toEqual(['Labels zonder concept', 'samenwerking met CLB', 'brede basiszorg']);
    const quote = docx.paragraphs.find((p) => p.style === 'Quote')!;
    expect(quote.text).toMatch(/^CLB \((K\.L\.|S\.P\.|B\.V\.|Y\.A\.|L\.D\.S\.|M\.V\.D\.B\.), (ASO|TSO|KSO|BSO|DBSO), [^)]+\)$/);
  });

  it('writes the codebook, segments and matrix, and prints JSON with --json', async () => {
    const codebook = join(dir, 'codeboek.csv');
    expect(duiding('export', file, '--report', 'codebook', '--format', 'csv', '--out', codebook).code).toBe(0);
    expect(readFileSync(codebook, 'utf8')).toContain('\r\n1;samenwerking met CLB;samenwerking met CLB;');

    const segments = join(dir, 'segmenten.xlsx');
    const json = duiding('export', file, '--report', 'segments', '--format', 'xlsx', '--out', segments, '--speakers', 'all', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ fileName: 'segmenten.xlsx', path: segments, bytes: readFileSync(segments).length });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(segments);
    const info = JSON.parse(duiding('info', file, '--json').stdout) as { codings: number };
    expect(workbook.worksheets[0]!.rowCount).toBe(info.codings + 1);
    // Without --speakers all, the hits in the interviewer's questions are left out.
    expect(duiding('export', file, '--report', 'segments', '--format', 'xlsx', '--out', segments).code).toBe(0);
    const participantsOnly = new ExcelJS.Workbook();
    await participantsOnly.xlsx.readFile(segments);
    expect(participantsOnly.worksheets[0]!.rowCount).toBeLessThan(info.codings + 1);

    const matrix = join(dir, 'matrix.csv');
    expect(duiding('export', file, '--report', 'matrix', '--format', 'csv', '--out', matrix, '--matrix', 'labels', '--by', 'participant', '--group', 'schooltype').code).toBe(0);
    const lines = readFileSync(matrix, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^;ASO;;BSO;DBSO;KSO;TSO/);
    expect(lines[1]!.split(';')[0]).toBe('Label');
    expect(lines[1]!.split(';').pop()).toBe('Totaal');
    expect(lines[2]!.split(';')[0]).toBe('samenwerking met CLB');
  });

  it('exits 2 for a wrong format, report or attribution, listing the valid ones', () => {
    const wrongFormat = duiding('export', file, '--report', 'segments', '--format', 'docx', '--out', join(dir, 'x.docx'));
    expect(wrongFormat.code).toBe(2);
    expect(wrongFormat.stderr).toContain('The segments report cannot be written as .docx; choose one of: xlsx, csv.');
    const wrongReport = duiding('export', file, '--report', 'everything', '--format', 'docx', '--out', join(dir, 'x.docx'));
    expect(wrongReport.code).toBe(2);
    expect(wrongReport.stderr).toContain('--report must be one of: themes, codebook, segments, matrix (got "everything").');
    const wrongAttribution = duiding('export', file, '--format', 'docx', '--out', join(dir, 'x.docx'), '--attribution', 'alles');
    expect(wrongAttribution.code).toBe(2);
    expect(wrongAttribution.stderr).toContain('--attribution must be one of: none, participant, attrs:KEY,KEY, source, full (got "alles").');
    const noOut = duiding('export', file, '--format', 'docx');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--format and --out PATH are required.');
    expect(readdirSync(dir).filter((f) => f.startsWith('x.'))).toEqual([]);
  });

  it('exits 1 naming the file when the folder cannot be written, leaving nothing behind', () => {
    const out = join(dir, 'nergens', 'rapport.docx');
    const result = duiding('export', file, '--format', 'docx', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Could not write rapport.docx: its folder does not exist. Nothing was written.\n');
    expect(existsSync(join(dir, 'nergens'))).toBe(false);
  });
});
