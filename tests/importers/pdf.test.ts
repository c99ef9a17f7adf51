import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfStreams } from '../../src/main/core/documents/importers/pdf/bomb.ts';
import { pdfLibraryLoaded } from '../../src/main/core/documents/importers/pdf/read.ts';
import { runCli } from '../../src/main/hosts/cli/main.ts';
import type { SearchResult } from '../../src/shared/model.ts';
import { joinBroken, layoutPages, type PdfLine } from '../../src/main/core/documents/importers/pdf/layout.ts';
import { caller } from '../core/analysis-fixture.ts';
import { ARTICLE_HEADER, convertToPdf, ENCRYPTED_PDF_FILTER, writeArticleDocx, writeScanDocx } from '../support/pdf.ts';
import { newSession } from '../support/temp.ts';

const words = new Set(['leerlingenbegeleiding', 'begeleiding', 'afbreekstreepje']);
const isWord = (w: string) => words.has(w.toLowerCase());

describe('a PDF page as paragraphs (rules on lines written by hand)', () => {
  it('joins a word broken at a line end where the whole is a word, keeps a real hyphen, a name and "zorg- en"', () => {
    expect(joinBroken('een sterke leerlingen-', 'begeleiding vraagt tijd', isWord)).toEqual({ left: 'een sterke leerlingenbegeleiding', right: 'vraagt tijd' });
    expect(joinBroken('stuur een e-', 'mail naar', isWord)).toEqual({ left: 'stuur een e-mail', right: 'naar' });
    expect(joinBroken('in Noord-', 'Brabant en', isWord)).toEqual({ left: 'in Noord-Brabant', right: 'en' });
    expect(joinBroken('hun zorg-', 'en welzijnsbeleid', isWord)).toBeNull();
    // A soft hyphen is a break whatever the dictionary says.
    expect(joinBroken('het onbe\u00AD', 'kende woord', isWord)).toEqual({ left: 'het onbekende', right: 'woord' });
    expect(joinBroken('geen afbreking', 'hier', isWord)).toBeNull();
  });

  it('leaves out a line repeated at the top or bottom of every page, digits aside, and lists it', () => {
    const line = (text: string, y: number, x = 57, width = 450): PdfLine => ({ text, x, y, width, size: 11 });
    const pages = [1, 2, 3].map((number) => ({
      number,
      lines: [line('Tijdschrift 12(3)', 800), line(['De eerste bladzijde loopt door', 'De tweede bladzijde gaat verder', 'De derde bladzijde sluit af'][number - 1]!, 700), line(['op een tweede regel.', 'en eindigt hier.', 'tot het einde.'][number - 1]!, 687, 57, 100), line(`Pagina ${number}`, 40)],
    }));
    const layout = layoutPages(pages, isWord);
    expect(layout.leftOut).toEqual([
      { text: 'Tijdschrift 12(3)', pages: 3 },
      { text: 'Pagina 1', pages: 3 },
    ]);
    expect(layout.paragraphs.map((p) => p.text)).toEqual(['De eerste bladzijde loopt door op een tweede regel.', 'De tweede bladzijde gaat verder en eindigt hier.', 'De derde bladzijde sluit af tot het einde.']);
    // A header stands at one height on every page: the same words elsewhere on a page are text.
    pages[2]!.lines[0]!.y = 500;
    expect(layoutPages(pages, isWord).leftOut).toEqual([{ text: 'Pagina 1', pages: 3 }]);
    pages[2]!.lines[0]!.y = 800;
    // A line on only one page of three is text.
    pages[1]!.lines[0]!.text = 'Een eigen kop';
    expect(layoutPages(pages, isWord).paragraphs[1]).toEqual({ page: 2, text: 'Een eigen kop' });
  });

  it('starts a paragraph after a wide gap, cuts one at a page break and keeps a broken word on the first page', () => {
    const line = (text: string, y: number): PdfLine => ({ text, x: 57, y, width: 450, size: 11 });
    const layout = layoutPages(
      [
        { number: 1, lines: [line('Eerste alinea, regel een', 700), line('en regel twee.', 687), line('Tweede alinea loopt over de bladzijde met leerlingen-', 650)] },
        { number: 2, lines: [line('begeleiding als laatste woord', 700), line('en een slot.', 687)] },
      ],
      isWord,
    );
    expect(layout.paragraphs).toEqual([
      { page: 1, text: 'Eerste alinea, regel een en regel twee.' },
      { page: 1, text: 'Tweede alinea loopt over de bladzijde met leerlingenbegeleiding' },
      { page: 2, text: 'als laatste woord en een slot.' },
    ]);
  });
});

describe('PDF bombs', () => {
  const pdfWith = (stream: Uint8Array) =>
    Buffer.concat([Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1')]);

  it('refuses a stream that unpacks past the limit, counted while unpacking, and passes a small one', () => {
    const small = pdfWith(deflateSync(Buffer.alloc(1000, 32)));
    expect(() => checkPdfStreams('klein.pdf', small, { perStream: 4096, total: 8192 })).not.toThrow();
    const bomb = pdfWith(deflateSync(Buffer.alloc(70 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    expect(() => checkPdfStreams('bom.pdf', bomb)).toThrow(/bom\.pdf unpacks to more than 64 MB in one stream \(a "PDF bomb"\)/);
    expect(performance.now() - started).toBeLessThan(5000);
    // Streams together: each within its limit, all of them past the total.
    const many = Buffer.concat([small, small, small]);
    expect(() => checkPdfStreams('veel.pdf', many, { perStream: 4096, total: 2500 })).toThrow(/more than .* MB in all/);
  });
});

describe('importing PDFs made by LibreOffice', () => {
  let dir: string;
  let article: string;
  let scan: string;
  let encrypted: string;
  beforeAll(async () => {
    // Made once for the tests below (a temp dir of the test's own would be gone after the first).
    dir = mkdtempSync(join(tmpdir(), 'duiding-pdf-'));
    await writeArticleDocx(join(dir, 'artikel.docx'));
    await writeScanDocx(join(dir, 'scan.docx'));
    [article, scan] = convertToPdf([join(dir, 'artikel.docx'), join(dir, 'scan.docx')], dir) as [string, string];
    [encrypted] = convertToPdf([join(dir, 'artikel.docx')], join(dir, 'met-wachtwoord'), ENCRYPTED_PDF_FILTER) as [string];
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on the command line: `--help` and `info` never load pdf.js; an import does; `search` gives the page', async () => {
    const file = join(dir, 'cli.duiding');
    const lines: string[] = [];
    const out = { stdout: (text: string) => lines.push(text), stderr: (text: string) => lines.push(text) };
    expect(await runCli(['new', file], out)).toBe(0);
    expect(await runCli(['--help'], out)).toBe(0);
    expect(lines.join('\n')).toContain('--kind interview|questionnaire|observation|literature|other');
    expect(await runCli(['info', file], out)).toBe(0);
    expect(pdfLibraryLoaded()).toBe(false);
    expect(await runCli(['import', file, article], out)).toBe(0);
    expect(pdfLibraryLoaded()).toBe(true);
    lines.length = 0;
    expect(await runCli(['search', file, 'multidisciplinair', '--json'], out)).toBe(0);
    expect((JSON.parse(lines.join('')) as SearchResult).hits.map((h) => [h.documentName, h.page, h.turnPosition])).toEqual([['artikel', 2, 4]]);
    lines.length = 0;
    expect(await runCli(['search', file, 'multidisciplinair'], out)).toBe(0);
    expect(lines.join('\n')).toContain('artikel · p. 2 · turn 5');
  }, 60_000);

  it('imports the text in reading order with its pages, paragraphs joined, broken words whole, headers and footers left out and listed', async () => {
    const { session } = newSession();
    const call = caller(session);
    const report = await call('documents/import', { files: [{ path: article }] });
    const entry = report.files[0]!;
    expect(entry).toMatchObject({ status: 'imported', kind: 'literature', pages: 3, importer: 'pdf (3 pages)' });
    expect(entry.notes).toEqual([
      `left out "${ARTICLE_HEADER}", a header or footer repeated on 3 of 3 pages`,
      'left out "Pagina 1", a header or footer repeated on 3 of 3 pages',
    ]);
    const document = await call('documents/get', { id: entry.documentId! });
    expect(document.kind).toBe('literature');
    expect(document.turns.map((t) => [t.page, t.text])).toEqual([
      [1, 'Leerlingenbegeleiding in het secundair onderwijs'],
      [1, 'Scholen organiseren hun zorg in een continuüm. De klassenraad bespreekt elke leerling die extra noden heeft, en de coördinator volgt de afspraken op tot het einde van het schooljaar.'],
      [1, 'Een sterk uitgebouwde leerlingenbegeleiding vraagt tijd van het hele team.'],
      [2, 'Op de tweede bladzijde vertellen leerkrachten over hun zorg- en welzijnsbeleid in Noord-Brabant en Vlaanderen.'],
      [2, 'Het CLB komt één keer per maand naar de school voor het multidisciplinair overleg.'],
      [
        2,
        'Deze alinea is lang genoeg om vanzelf over meerdere regels te lopen: de tekstverwerker breekt de regels af waar de bladspiegel ophoudt, ' +
          'en wie het artikel codeert wil toch één alinea lezen, met de woorden in hun volgorde, zonder de harde regeleinden van het papier.',
      ],
      [3, 'Conclusie: de samenwerking met ouders blijft de moeilijkste opdracht voor elke school.'],
    ]);
    expect(document.text).not.toContain('Tijdschrift');
    expect(document.text).not.toContain('Pagina');

    // A search hit carries its page.
    const found = await call('search/query', { query: 'multidisciplinair', limit: 10 });
    expect(found.hits.map((h) => [h.documentName, h.page])).toEqual([['artikel', 2]]);

    // A quote carries the page: the document's name, then the citation the researcher sets.
    const start = document.text.indexOf('multidisciplinair overleg');
    await call('codings/apply', { documentId: document.id, start, end: start + 'multidisciplinair overleg'.length, labelName: 'Overleg' });
    const across = document.text.indexOf('het hele team.');
    await call('codings/apply', { documentId: document.id, start: across, end: document.text.indexOf(' over hun zorg'), labelName: 'Over twee bladzijden' });
    const preview = async () => (await call('export/preview', { report: 'themes', options: { attribution: 'participant' } })).html;
    expect(await preview()).toContain('(artikel, p.\u00A02)');
    expect(await preview()).toContain('(artikel, pp.\u00A01–2)');
    // The coded segments export gets a page column once a PDF's passages are coded: its page, or
    // both across a page break (the article's pages as written above).
    const segmentsCsv = join(dir, 'segmenten.csv');
    await call('export/file', { report: 'segments', format: 'csv', out: segmentsCsv });
    const [header, ...rows] = parse(readFileSync(segmentsCsv, 'utf8'), { delimiter: ';', bom: true }) as string[][];
    const column = (name: string) => header!.indexOf(name);
    expect(header!.slice(column('Tijd'), column('Tijd') + 3)).toEqual(['Tijd', 'Pagina', 'Spreker']);
    expect(rows.map((row) => [row[column('Label')], row[column('Pagina')]]).sort()).toEqual([
      ['Over twee bladzijden', '1–2'],
      ['Overleg', '2'],
    ]);
    const cited = await call('documents/setCitation', { id: document.id, citation: '  Peeters &  Claes, 2019 ' });
    expect(cited.citation).toBe('Peeters & Claes, 2019');
    expect(await preview()).toContain('(Peeters &amp; Claes, 2019, p.\u00A02)');
    await call('documents/setCitation', { id: document.id, citation: '' });
    expect((await call('documents/list', {}))[0]!.citation).toBeNull();
  }, 60_000);

  it('refuses a scanned PDF (pictures, no text layer), an encrypted and a damaged one by name, writing nothing', async () => {
    const { session } = newSession();
    const call = caller(session);
    const damaged = join(dir, 'kapot.pdf');
    writeFileSync(damaged, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]));
    const notPdf = join(dir, 'nep.pdf');
    writeFileSync(notPdf, 'Dit is gewoon tekst.');
    const cut = join(dir, 'afgebroken.pdf');
    writeFileSync(cut, readFileSync(article).subarray(0, 900));
    const report = await call('documents/import', { files: [{ path: scan }, { path: encrypted }, { path: damaged }, { path: notPdf }, { path: cut }] });
    expect(report.imported).toBe(0);
    expect(report.files.map((f) => [f.file, f.status, f.code])).toEqual([
      ['scan.pdf', 'failed', 'pdfNoText'],
      ['artikel.pdf', 'failed', 'pdfEncrypted'],
      ['kapot.pdf', 'failed', 'pdfDamaged'],
      ['nep.pdf', 'failed', 'pdfDamaged'],
      ['afgebroken.pdf', 'failed', 'pdfDamaged'],
    ]);
    expect(report.files[0]!.message).toBe('scan.pdf has no text layer: its 2 pages are pictures (a scan?). Run it through text recognition (OCR) first, then import the result.');
    expect(report.files[1]!.message).toMatch(/^artikel\.pdf is encrypted with a password/);
    expect(report.files[2]!.message).toMatch(/^kapot\.pdf could not be read as a PDF/);
    expect(await call('documents/list', {})).toEqual([]);
  }, 60_000);
});
