import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../../support/temp.ts';

const BIN = join(import.meta.dirname, '../../../bin/duiding.js');
const CSV = join(FIXTURES, 'surveys/zelfevaluatie.csv');

function duiding(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DUIDING_CODER: 'cli' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('duiding import --survey and duiding scales', () => {
  it('prints the plan; --dry-run writes nothing; a plan file changes it; scales --json keeps its promised shape', async () => {
    const dir = tempDir();
    const project = join(dir, 'studie.duiding');
    expect(duiding('new', project).code).toBe(0);
    const dry = duiding('import', project, CSV, '--survey', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const printed = JSON.parse(dry.stdout) as { dryRun: boolean; plan: { columns: Array<{ header: string; kind: string }> } };
    expect(printed.dryRun).toBe(true);
    expect(JSON.parse(duiding('info', project, '--json').stdout)).toMatchObject({ participants: 0, documents: 0 });
    // The printed plan, changed and given back: School left out.
    const plan = printed.plan;
    plan.columns.find((c) => c.header === 'School')!.kind = 'ignore';
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const run = duiding('import', project, CSV, '--survey', '--plan', join(dir, 'plan.json'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  C   School');
    expect(run.stdout).toContain('Imported 8 respondents (8 new, 0 updated), 9 items in 5 dimensions (A1, A2, B, D.1, E.1 Ouders worden betrokken), 71 answers, 14 open answers in 8 questionnaire documents.');
    const scales = duiding('scales', project, '--by', 'Rol', '--json');
    expect(scales.code).toBe(0);
    const json = JSON.parse(scales.stdout) as { by: string; items: Array<Record<string, unknown>> };
    expect(Object.keys(json)).toEqual(['by', 'items']);
    expect(json.by).toBe('Rol');
    expect(json.items[0]).toEqual({
      name: 'A1',
      kind: 'dimension',
      n: 8,
      mean: 3.4375,
      median: 3.5,
      // By hand (see surveys.test.ts): leerkracht S06 2, S07 3, S08 1.5; ondersteuner S03 4, S04 2.5, S05 4.5; schoolleider S01 5.5, S02 4.5.
      groups: { leerkracht: { n: 3, mean: 6.5 / 3, median: 2 }, ondersteuner: { n: 3, mean: 11 / 3, median: 4 }, schoolleider: { n: 2, mean: 5, median: 5 } },
    });
    expect(json.items.map((i) => i.name)).toEqual(['A1', 'A2', 'B', 'D.1', 'E.1 Ouders worden betrokken']);
    // Numbers unrounded: E.1's mean over 7 respondents is 17/7.
    expect(json.items[4]!.mean).toBe(17 / 7);

    // The exports: the tables read back from the .xlsx, the chart as an SVG with a bar per group.
    expect(duiding('scales', project, '--by', 'Rol', '--out', join(dir, 'schalen.xlsx')).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, 'schalen.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Schalen')!;
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 7));
    expect(rows[0]).toEqual(['Dimensie of vraag', 'Soort', 'Rol', 'n', 'Gemiddelde', 'Mediaan']);
    expect(rows[1]).toEqual(['A1', 'dimensie', 'Alle', 8, 3.4375, 3.5]);
    expect(rows[4]).toEqual(['A1', 'dimensie', 'schoolleider', 2, 5, 5]);
    expect(duiding('scales', project, '--by', 'Rol', '--out', join(dir, 'schalen.svg')).code).toBe(0);
    const svg = readFileSync(join(dir, 'schalen.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/>n = \d+</g)!.slice(0, 4)).toEqual(['>n = 8<', '>n = 3<', '>n = 3<', '>n = 2<']);
  });

  it('refuses a bad survey with exit 1 and the reason, and a wrong option combination with exit 2', () => {
    const dir = tempDir();
    const project = join(dir, 'studie.duiding');
    duiding('new', project);
    writeFileSync(join(dir, 'fout.csv'), 'Respondent;A1.1 Visie;A1.2 Beleid\nS01;4;eens\nS02;3;misschien\n');
    const bad = duiding('import', project, join(dir, 'fout.csv'), '--survey');
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('fout.csv, cell C3 ("A1.2 Beleid"): "misschien" is not a word of the scale (helemaal oneens … helemaal eens or 1–5).');
    expect(duiding('import', project, CSV, '--plan', 'x.json').code).toBe(2);
    expect(duiding('import', project, CSV, '--survey', '--kind', 'interview').code).toBe(2);
    const unknown = duiding('scales', project, '--by', 'Netwerk');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no participant attribute "Netwerk"');
  });
});
