import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFile } from '../../src/main/core/reports/export.ts';
import type { WriteFs } from '../../src/main/core/files/atomic-write.ts';
import { readCsv } from '../../src/main/core/files/csv.ts';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readDocx } from './docx-reader.ts';
import { renderPages, REPORT_ARTIFACTS } from './libreoffice.ts';
import { fixtureStudy } from './study.ts';

type Read = { kind: string; level?: number; text: string };

describe('exports from the fixture study', () => {
  it('writes the outline as Word: every section, item and quote in the outline’s order, quotes verbatim from the transcripts', async () => {
    const { call, dir, details, outline } = await fixtureStudy();
    const out = join(dir, 'rapport.docx');
    const result = await call('export/file', { report: 'themes', format: 'docx', out, options: { attribution: { attrs: ['schooltype'] }, toc: true } });
    expect(result).toMatchObject({ fileName: 'rapport.docx', path: out, mimeType: expect.stringContaining('wordprocessingml') });
    const docx = readDocx(readFileSync(out));

    // The oracle: the outline as the analysis handlers return it.
    const groupNumber = new Map<string, string>();
    for (const parent of outline.sections.filter((s) => s.title === 'Spanningsvelden')) {
      outline.sections.filter((s) => s.parentId === parent.id).forEach((s, i) => groupNumber.set(s.id, `${i + 1}) `));
    }
    const expected: Read[] = [];
    for (const section of outline.sections) {
      expected.push({ kind: 'heading', level: section.depth + 1, text: `${groupNumber.get(section.id) ?? ''}${section.title}` });
      if (section.text) expected.push({ kind: 'paragraph', text: section.text });
      for (const item of [...section.items].sort((a, b) => a.position - b.position)) {
        if (item.kind === 'quote') {
          const quote = outline.quotes[item.segmentId!]!;
          // Verbatim: the segment's own span of the transcript.
          const document = details.find((d) => d.id === quote.documentId)!;
          expect(quote.text).toBe(document.text.slice(quote.start, quote.end));
          const attrs = [quote.participant!.name, String(quote.participant!.attributes.schooltype)].join(', ');
          expected.push({ kind: 'quote', text: `${quote.text} (${attrs})` });
        } else if (item.kind === 'implication') expected.push({ kind: 'implication', text: `--> ${item.text}` });
        else expected.push({ kind: item.kind, text: item.text });
      }
    }
    expect(expected.map((e) => e.kind)).toEqual(expect.arrayContaining(['finding', 'quote', 'implication', 'paragraph']));

    const read: Read[] = [];
    for (const p of docx.paragraphs.filter((p) => !p.inToc)) {
      const heading = /^Heading(\d)$/.exec(p.style ?? '');
      if (heading) read.push({ kind: 'heading', level: Number(heading[1]), text: p.text });
      else if (p.style === 'Quote') read.push({ kind: 'quote', text: p.text });
      else if (p.style === 'ListBullet' && p.numbering) read.push({ kind: 'finding', text: p.text });
      else if (p.style === 'Implication') read.push({ kind: 'implication', text: p.text });
      else if (p.style === null) read.push({ kind: 'paragraph', text: p.text });
    }
    expect(read).toEqual(expected);
    expect(read.filter((r) => r.kind === 'heading').map((r) => r.text)).toEqual(expect.arrayContaining(['1) Zelfopvatting leerlingenbegeleiding', '2) Personeelsbeleid']));

    mkdirSync(REPORT_ARTIFACTS, { recursive: true });
    writeFileSync(join(REPORT_ARTIFACTS, 'fixture-report.docx'), readFileSync(out));
    const { pages } = renderPages(join(REPORT_ARTIFACTS, 'fixture-report.docx'), 'fixture-report');
    expect(pages.length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('without an outline, writes the default report: concepts → their labels → quotes, then labels in no concept', async () => {
    const { call } = await fixtureStudy();
    const outline = await call('outline/get', {});
    for (const section of outline.sections.filter((s) => s.parentId === null)) await call('outline/deleteSection', { id: section.id });
    const md = Buffer.from((await call('export/file', { report: 'themes', format: 'md', options: { language: 'en', includeDefinitions: true, includeCounts: true } })).base64!, 'base64').toString('utf8');
    const headings = md.split('\n').filter((l) => /^#{2,} /.test(l));
    expect(headings).toEqual([
      '## Zorgcontinuüm in de school',
      '### brede basiszorg',
      '#### toestand zorgcontinuüm',
      '## Externe partners',
      '### samenwerking met CLB',
      '## Labels in no concept',
      '### nuttige opleiding',
      '### netwerken',
    ]);
    expect(md).toContain('**Definition:**\n\nHoe de school brede basiszorg en verhoogde zorg organiseert.');
    expect(md).toMatch(/## Externe partners\n\n\*4 quotes from 4 interviews\*/);
  });

  it('exports the codebook in tree order as CSV (UTF-8 with BOM, semicolons) and as Word', async () => {
    const { call, dir } = await fixtureStudy();
    const out = join(dir, 'codeboek.csv');
    await call('export/file', { report: 'codebook', format: 'csv', out });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFNiveau;Pad;Label;Definitie;Inclusiecriteria;Exclusiecriteria;Voorbeeld;Herkomst;Ronde;Segmenten;Documenten;Kleur');
    const rows = readCsv('codeboek.csv', text);
    const labels = await call('labels/list', {});
    const byName = new Map(rows.slice(1).map((r) => [r[2], r]));
    expect(rows.slice(1).map((r) => r[1])).toEqual(['brede basiszorg', 'brede basiszorg > toestand zorgcontinuüm', 'netwerken', 'nuttige opleiding', 'samenwerking met CLB'].sort((a, b) => {
      const order = (path: string) => labels.find((l) => l.name === path.split(' > ').pop())!.position;
      return a.startsWith(b) ? 1 : b.startsWith(a) ? -1 : order(a.split(' > ')[0]!) - order(b.split(' > ')[0]!);
    }));
    expect(byName.get('brede basiszorg')).toEqual(['1', 'brede basiszorg', 'brede basiszorg', 'Zorg die de school voor alle leerlingen voorziet.', 'Maatregelen voor iedereen', '', 'voldoende tijd geven', 'emergent', '1', '3', '3', expect.stringMatching(/^#[0-9A-Fa-f]{6}$/)]);
    expect(byName.get('toestand zorgcontinuüm')![0]).toBe('2');

    const docx = readDocx(Buffer.from((await call('export/file', { report: 'codebook', format: 'docx' })).base64!, 'base64'));
    const headings = docx.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => [p.style, p.text]);
    expect(headings).toContainEqual(['Heading1', 'brede basiszorg']);
    expect(headings).toContainEqual(['Heading2', 'toestand zorgcontinuüm']);
    expect(docx.paragraphs.find((p) => p.style === 'Quote')!.text).toBe('voldoende tijd geven');
  });

  it('exports coded segments as .xlsx, one row per segment and label, read back with a spreadsheet library', async () => {
    const { call, dir, details } = await fixtureStudy();
    const segmentId = (await call('segments/list', { documentId: details[0]!.id }))[0]!.id;
    await call('memos/save', { target: { kind: 'segment', id: segmentId }, bodyRich: '{"root":{"type":"root","children":[]}}', bodyText: 'Mooi citaat voor het rapport.' });
    const out = join(dir, 'segmenten.xlsx');
    await call('export/file', { report: 'segments', format: 'xlsx', out });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Gecodeerde segmenten');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Document', 'Deelnemer', 'schooltype', 'net', 'school', 'rol', 'jaren ervaring', 'voltijds', 'kritische case', 'Begin', 'Einde', 'Beurt', 'Tijd', 'Spreker', 'Spreker-deelnemer', 'Label', 'Tekst', 'Codeur', 'Gecodeerd op', 'Segment door', 'Segment op', 'Memo']);
    const rows: Array<Record<string, unknown>> = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    const info = await call('project/info', {});
    expect(rows).toHaveLength(info.codings);
    for (const row of rows) {
      const document = details.find((d) => d.name === row.Document)!;
      expect(row.Tekst).toBe(document.text.slice(row.Begin as number, row.Einde as number));
      expect(row.Codeur).toBe('hanne');
    }
    const withMemo = rows.find((r) => r.Memo !== null)!;
    expect(withMemo).toMatchObject({ Memo: 'Mooi citaat voor het rapport.', Document: details[0]!.name });
    const kl = rows.find((r) => r.Deelnemer === 'K.L.')!;
    expect(kl).toMatchObject({ schooltype: 'ASO', 'jaren ervaring': 12, voltijds: 'ja' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('exports the matrix as the screen shows it (grouped by an attribute, with a total), in .csv and .xlsx', async () => {
    const { call, dir } = await fixtureStudy();
    const matrix = await call('matrix/get', { rows: 'labels', by: 'participant', groupBy: 'schooltype' });
    const out = join(dir, 'matrix.xlsx');
    await call('export/file', { report: 'matrix', format: 'xlsx', out, options: { matrix: { rows: 'labels', by: 'participant', groupBy: 'schooltype' } } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    // The group row: each column under its attribute value, one merged cell per group.
    matrix.columns.forEach((column, i) => expect(sheet.getCell(1, i + 2).value).toBe(column.group));
    const aso = matrix.columns.filter((c) => c.group === 'ASO').length;
    expect(aso).toBe(2);
    expect(sheet.getCell(1, 3).isMerged).toBe(true);
    expect(sheet.getCell(1, 3).master.address).toBe('B1');
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(['Label', ...matrix.columns.map((c) => c.name), 'Totaal']);
    matrix.items.forEach((item, i) => {
      expect((sheet.getRow(3 + i).values as unknown[]).slice(1)).toEqual([item.name, ...item.cells, item.total]);
    });

    const csvOut = join(dir, 'matrix.csv');
    await call('export/file', { report: 'matrix', format: 'csv', out: csvOut, options: { matrix: { rows: 'concepts', by: 'document' } } });
    const concepts = await call('matrix/get', { rows: 'concepts', by: 'document' });
    const rows = readCsv('matrix.csv', readFileSync(csvOut, 'utf8'));
    expect(rows[0]).toEqual(['Concept', ...concepts.columns.map((c) => c.name), 'Totaal']);
    expect(rows.slice(1)).toEqual(concepts.items.map((item) => [item.name, ...item.cells.map(String), String(item.total)]));
  });

  it('refuses a format the report has not, and a path that does not match the format, as usage errors', async () => {
    const { call, dir } = await fixtureStudy();
    await expect(call('export/file', { report: 'segments', format: 'docx' })).rejects.toMatchObject({ kind: 'usage', message: 'The segments report cannot be written as .docx; choose one of: xlsx, csv.' });
    await expect(call('export/file', { report: 'themes', format: 'html', out: join(dir, 'rapport.docx') })).rejects.toMatchObject({ kind: 'usage', message: expect.stringContaining('rapport.docx does not end in .html') });
    await expect(call('export/file', { report: 'matrix', format: 'csv', options: { matrix: { groupBy: 'kleur' } } })).rejects.toMatchObject({ kind: 'usage', message: expect.stringContaining('There is no participant attribute "kleur"') });
  });

  it('a full disk or a folder that is not there gives a clear error and leaves no file behind', async () => {
    const { project, dir } = await fixtureStudy();
    const full: WriteFs = {
      openSync,
      fsyncSync,
      closeSync,
      renameSync,
      rmSync,
      writeSync: (fd, data, offset, length) => {
        // Half the file arrives, then the disk is full.
        if (offset > 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return writeSync(fd, data, offset, Math.ceil(length / 2));
      },
    };
    const out = join(dir, 'rapport.docx');
    await expect(exportFile(project, { report: 'themes', format: 'docx', out }, full)).rejects.toThrow('Could not write rapport.docx: the disk is full. Nothing was written.');
    expect(readdirSync(dir).filter((f) => f.includes('rapport'))).toEqual([]);

    const missing = join(dir, 'bestaat-niet', 'rapport.docx');
    await expect(exportFile(project, { report: 'themes', format: 'docx', out: missing })).rejects.toThrow('Could not write rapport.docx: its folder does not exist. Nothing was written.');
    expect(existsSync(join(dir, 'bestaat-niet'))).toBe(false);
  });
});
