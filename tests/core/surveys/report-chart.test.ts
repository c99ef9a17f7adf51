/**
 * A scales chart in the report outline (issue 27): added, checked, computed at every read and
 * written by every report writer from the answers as they are at export, never from a stored picture.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Outline } from '../../../src/shared/analysis.ts';
import type { ExportResult } from '../../../src/shared/exports.ts';
import type { ScalesResult, SurveyItem } from '../../../src/shared/surveys/model.ts';
import { call } from '../../../src/main/core/handlers.ts';
import { FIXTURES, newSession } from '../../support/temp.ts';

const CSV = { path: join(FIXTURES, 'surveys/zelfevaluatie.csv') };
const XLSX = { path: join(FIXTURES, 'surveys/intervisie-jaar2.xlsx') };
const ARTIFACTS = join(import.meta.dirname, '../../../test-results/report-chart');

async function run<T>(session: Parameters<typeof call>[0], name: string, args: unknown): Promise<T> {
  return (await call(session, name, args)).result as T;
}

async function study() {
  const made = newSession();
  await run(made.session, 'surveys/import', { file: CSV });
  await run(made.session, 'surveys/import', { file: XLSX });
  const outline = await run<Outline>(made.session, 'outline/addSection', { parentId: null, title: 'Zelfevaluatie' });
  return { ...made, sectionId: outline.sections[0]!.id };
}

async function exported(session: Parameters<typeof call>[0], dir: string, format: 'docx' | 'html' | 'md'): Promise<string> {
  const out = join(dir, `rapport.${format}`);
  await run<ExportResult>(session, 'export/file', { report: 'themes', format, out, options: { language: 'nl' } });
  return out;
}

describe('a scales chart in the report outline', () => {
  it('computes its figures at every read: the dimensions and numeric questions it names, by its attribute', async () => {
    const { session, sectionId } = await study();
    const outline = await run<Outline>(session, 'outline/addItem', { sectionId, kind: 'chart', chart: { rows: ['A1', 'Onderwijsloopbaan: /5'], by: 'rol' } });
    const item = outline.sections[0]!.items[0]!;
    // The attribute as the project spells it.
    expect(item).toMatchObject({ kind: 'chart', chart: { rows: ['A1', 'Onderwijsloopbaan: /5'], by: 'Rol' } });
    const figures = outline.charts![item.id]!;
    expect(figures.items.map((r) => r.name)).toEqual(['A1', 'Onderwijsloopbaan: /5']);
    // A1 by hand (surveys.test.ts): S01 5.5, S02 4.5, S03 4, S04 2.5, S05 4.5, S06 2, S07 3, S08 1.5 → 27.5 / 8.
    expect(figures.items[0]).toMatchObject({ n: 8, mean: 3.4375, median: 3.5 });
    expect(figures.groupValues).toEqual(['leerkracht', 'ondersteuner', 'schoolleider']);
    expect(figures.items[0]!.groups.schoolleider).toMatchObject({ n: 2, mean: 5 });
    // The year-2 respondents have no role: they count in "all" only (1, 0.5, 1, 0.5, 2, 1 → mean 1).
    expect(figures.items[1]).toMatchObject({ n: 6, mean: 1, median: 1 });
    expect(figures.items[1]!.groups.leerkracht!.n).toBe(0);
    expect(figures).toMatchObject({ missing: [], missingBy: null });
  });

  it('refuses a chart of rows or an attribute the project does not have, text on a chart and a chart on other items, writing nothing', async () => {
    const { session, sectionId, project } = await study();
    const count = () => project.db.prepare('SELECT COUNT(*) FROM outline_items').pluck().get();
    await expect(call(session, 'outline/addItem', { sectionId, kind: 'chart', chart: { rows: ['A1', 'Z9'], by: null } })).rejects.toThrow(/no dimension or numeric question "Z9".*A1, A2, B, D\.1/);
    await expect(call(session, 'outline/addItem', { sectionId, kind: 'chart', chart: { rows: ['A1'], by: 'Leeftijd' } })).rejects.toThrow(/no participant attribute "Leeftijd".*Rol/);
    await expect(call(session, 'outline/addItem', { sectionId, kind: 'chart' })).rejects.toThrow(/needs its chart/);
    await expect(call(session, 'outline/addItem', { sectionId, kind: 'chart', text: 'Uitleg', chart: { rows: ['A1'], by: null } })).rejects.toThrow(/chart alone/);
    await expect(call(session, 'outline/addItem', { sectionId, kind: 'finding', text: 'x', chart: { rows: ['A1'], by: null } })).rejects.toThrow(/no chart/);
    expect(count()).toBe(0);
    const outline = await run<Outline>(session, 'outline/addItem', { sectionId, kind: 'chart', chart: { rows: ['B'], by: null } });
    const id = outline.sections[0]!.items[0]!.id;
    await expect(call(session, 'outline/updateItem', { id, chart: { rows: ['Q'], by: null } })).rejects.toThrow(/"Q"/);
    const changed = await run<Outline>(session, 'outline/updateItem', { id, chart: { rows: ['D.1', 'A2'], by: 'School' } });
    expect(changed.sections[0]!.items[0]!.chart).toEqual({ rows: ['D.1', 'A2'], by: 'School' });
  });

  it('is written by every report writer from the answers at export: .html inline SVG, .md a table, .docx a PNG', async () => {
    const { session, sectionId, dir } = await study();
    await run(session, 'outline/addItem', { sectionId, kind: 'paragraph', text: 'De zelfevaluatie per rol.' });
    await run(session, 'outline/addItem', { sectionId, kind: 'chart', chart: { rows: ['A1', 'B', 'Onderwijsloopbaan: /5'], by: 'Rol' } });

    const html = readFileSync(await exported(session, dir, 'html'), 'utf8');
    expect(html).toMatch(/<figure class="chart" aria-label="A1, B, Onderwijsloopbaan: \/5 per Rol"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(html).toContain('A1 · Alle');
    expect(html).toContain('>n = 8<');

    const md = readFileSync(await exported(session, dir, 'md'), 'utf8');
    expect(md).toContain('**A1, B, Onderwijsloopbaan: /5 per Rol**');
    // 3.4375 to two decimals, Dutch; the median 3.5; schoolleider's (5.5 + 4.5) / 2 = 5.
    expect(md).toContain('| A1 | Alle | 8 | 3,44 | 3,5 |');
    expect(md).toContain('| A1 | schoolleider | 2 | 5 | 5 |');
    expect(md).toContain('| Onderwijsloopbaan: /5 | Alle | 6 | 1 | 1 |');

    const docxPath = await exported(session, dir, 'docx');
    const files = unzipSync(new Uint8Array(readFileSync(docxPath)));
    const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = files[media[0]!]!;
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    // Drawn at twice the chart's width (760 px), placed at the text width.
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(1520);
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).toMatch(/<wp:docPr [^>]*name="A1, B, Onderwijsloopbaan: \/5 per Rol"/);
    expect(xml).toContain('De zelfevaluatie per rol.');

    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'rapport.docx'), readFileSync(docxPath));
    writeFileSync(join(ARTIFACTS, 'rapport.html'), html);
    writeFileSync(join(ARTIFACTS, 'rapport.md'), md);
  }, 60_000);

  it('follows the answers: a reversed item, a regrouped dimension and a removed attribute show in the next export', async () => {
    const { session, sectionId, dir } = await study();
    await run(session, 'outline/addItem', { sectionId, kind: 'chart', chart: { rows: ['A1'], by: 'Rol' } });
    const before = readFileSync(await exported(session, dir, 'md'), 'utf8');
    expect(before).toContain('| A1 | Alle | 8 | 3,44 | 3,5 |');

    const items = await run<SurveyItem[]>(session, 'surveys/items', {});
    await run(session, 'surveys/updateItem', { id: items.find((i) => i.header.startsWith('A1.1'))!.id, reversed: true });
    const scales = await run<ScalesResult>(session, 'surveys/scales', { by: 'Rol' });
    const a1 = scales.items.find((r) => r.name === 'A1')!;
    const two = (v: number | null) => String(Math.round(v! * 100) / 100).replace('.', ',');
    const after = readFileSync(await exported(session, dir, 'md'), 'utf8');
    expect(a1.mean).not.toBe(3.4375);
    expect(after).toContain(`| A1 | Alle | 8 | ${two(a1.mean)} | ${two(a1.median)} |`);
    expect(after).not.toContain('| A1 | Alle | 8 | 3,44 |');

    // Every A1 item moved to another dimension: the chart says what it lacks, the export still works.
    for (const item of items.filter((i) => i.dimension === 'A1')) await run(session, 'surveys/updateItem', { id: item.id, dimension: 'A9' });
    const outline = await run<Outline>(session, 'outline/get', {});
    expect(Object.values(outline.charts!)[0]).toMatchObject({ items: [], missing: ['A1'] });
    const gone = readFileSync(await exported(session, dir, 'md'), 'utf8');
    expect(gone).toContain('*Niet meer in het project: A1. Deze grafiek heeft niets meer om te tonen.*');
    const html = readFileSync(await exported(session, dir, 'html'), 'utf8');
    expect(html).toContain('<figcaption>Niet meer in het project: A1.');
  }, 60_000);
});

describe('the chart in Word, as LibreOffice prints it', () => {
  it.skipIf(!hasSoffice())('converts the .docx with the chart to PDF and a PNG page to look at', async () => {
    const { session, sectionId, dir } = await study();
    await run(session, 'outline/addItem', { sectionId, kind: 'paragraph', text: 'De zelfevaluatie per rol.' });
    await run(session, 'outline/addItem', { sectionId, kind: 'chart', chart: { rows: ['A1', 'A2', 'B', 'D.1', 'Onderwijsloopbaan: /5'], by: 'Rol' } });
    const docx = await exported(session, dir, 'docx');
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
    const pdf = join(dir, 'rapport.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('De zelfevaluatie per rol.');
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, join(ARTIFACTS, 'docx-page')]);
    writeFileSync(join(ARTIFACTS, 'rapport-lo.pdf'), readFileSync(pdf));
  }, 180_000);
});

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}
