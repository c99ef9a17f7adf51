import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, MAX_TRANSCRIPT_BYTES } from '../../src/main/core/documents/importers/index.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import { call } from '../../src/main/core/handlers.ts';
import { isDuidingError } from '../../src/shared/errors.ts';
import { docx, docxBomb, odt, odtBomb, odtContent, rawZip, xlsx, xlsxBomb, xlsxParts, xlsxRow } from '../support/bombs.ts';
import { FIXTURES, fingerprint, newSession, snapshot } from '../support/temp.ts';


const b = (text: string) => Buffer.from(text);
const cp1252 = (text: string) => Buffer.from(text, 'latin1');
const stored = (entries: Record<string, string>) =>
  rawZip(Object.entries(entries).map(([path, text]) => ({ path, method: 0 as const, data: Buffer.from(text), size: Buffer.byteLength(text) })));

/**
 * Every kind of bad input: a clear message that names the file and the problem, and a project that
 * is exactly as it was (every row of every table compared).
 */
function garbage(length: number): Buffer {
  let seed = 42;
  return Buffer.from(Array.from({ length }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff));
}

const cases: Array<{ title: string; file: string; bytes: () => Uint8Array; code: string; message: string | RegExp }> = [
  { title: 'an empty file', file: 'leeg.txt', bytes: () => new Uint8Array(), code: 'empty', message: 'leeg.txt is empty (0 bytes).' },
  {
    title: 'binary garbage renamed .txt',
    file: 'foto.txt',
    bytes: () => garbage(20_000),
    code: 'binary', message: 'foto.txt does not look like a text file (it contains binary data). Export the transcript as text, .docx or subtitles.',
  },
  {
    title: 'a truncated .docx',
    file: 'afgebroken.docx',
    bytes: () => readFileSync(join(FIXTURES, 'transcripts/interview-01-aso.docx')).subarray(0, 6000),
    code: 'damagedDocx', message: /^afgebroken\.docx could not be read as a Word document: the file is damaged, incomplete or not a \.docx \(.+\)\.$/,
  },
  {
    title: 'a text file renamed .docx',
    file: 'nep.docx',
    bytes: () => Buffer.from('Katrien: dit is gewoon tekst'),
    code: 'damagedDocx', message: /^nep\.docx could not be read as a Word document/,
  },
  {
    title: 'a truncated .odt',
    file: 'afgebroken.odt',
    bytes: () => readFileSync(join(import.meta.dirname, '../../../shared/external/transcripts/qualcoder-ID2.odt')).subarray(0, 4000),
    code: 'damagedOdt', message: /^afgebroken\.odt could not be read as an OpenDocument text: the file is damaged or incomplete/,
  },
  {
    title: 'an unknown extension',
    file: 'interview.doc',
    bytes: () => Buffer.from('x'),
    code: 'unsupported', message: 'interview.doc: ".doc" files are not supported. Supported transcripts: .txt, .md, .docx, .odt, .vtt, .srt, .pdf; participants: .csv. Save it as .docx in Word first.',
  },
  {
    title: 'invalid UTF-8 (valid UTF-8 mixed with broken bytes)',
    file: 'kapot.txt',
    bytes: () => Buffer.concat([Buffer.from('Katrien: De ideeën zijn goed.\nHanne: Oké.\nKatrien: Maar '), Buffer.from([0xc3, 0x28]), Buffer.from(' hier niet.\n')]),
    code: 'invalidUtf8', message: 'kapot.txt is not valid UTF-8: line 3 (byte 58) has a broken character, while line 1 is UTF-8. The file mixes encodings; save it again as UTF-8 and import it anew.',
  },
  {
    title: 'a file over the size limit',
    file: 'groot.txt',
    bytes: () => Buffer.alloc(MAX_TRANSCRIPT_BYTES + 1, 0x61),
    code: 'tooLarge', message: 'groot.txt is 50.0 MB; the limit is 50.0 MB per file.',
  },
  {
    title: 'a VTT without cues',
    file: 'leeg.vtt',
    bytes: () => Buffer.from('WEBVTT\n\nNOTE alleen een notitie\n'),
    code: 'noCues', message: 'leeg.vtt contains no cues: there is no timed text in this WebVTT file.',
  },
  {
    title: 'a .vtt that is not WebVTT',
    file: 'fout.vtt',
    bytes: () => Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nHallo\n'),
    code: 'notVtt', message: 'fout.vtt is not a WebVTT file: its first line must be "WEBVTT".',
  },
  {
    title: 'an SRT without subtitles',
    file: 'leeg.srt',
    bytes: () => Buffer.from('dit is geen ondertitel\n'),
    code: 'noSubtitles', message: 'leeg.srt contains no subtitles: no "00:00:01,000 --> 00:00:04,000" timing lines were found.',
  },
  {
    title: 'a text file with only whitespace',
    file: 'wit.txt',
    bytes: () => Buffer.from(' \n\n\t \n'),
    code: 'noText', message: 'wit.txt contains no text.',
  },
  {
    title: 'an odd-length UTF-16 file',
    file: 'utf16.txt',
    bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hallo', 'utf16le'), Buffer.from([0x41])]),
    code: 'truncatedText', message: 'utf16.txt is not valid UTF-16LE: it has an odd number of bytes (the file is cut off).',
  },
  // ---- zip-based formats: bombs and damage (limits checked while inflating) ----
  {
    title: 'a .docx whose document.xml unpacks to 400 MB (a zip bomb of about 1 MB)',
    file: 'bom.docx',
    bytes: () => docxBomb(400),
    code: 'zipBomb', message: /^bom\.docx is refused: its entry "word\/document\.xml" unpacks to more than 32 MB .* zip bomb/,
  },
  {
    title: 'a .docx zip bomb whose headers claim 1 KB',
    file: 'leugen.docx',
    bytes: () => docxBomb(400, 1000),
    code: 'zipBomb', message: /^leugen\.docx is refused: its entry "word\/document\.xml" unpacks to more than 32 MB/,
  },
  {
    title: 'an .odt whose content.xml unpacks to 400 MB',
    file: 'bom.odt',
    bytes: () => odtBomb(400),
    code: 'zipBomb', message: /^bom\.odt is refused: its entry "content\.xml" unpacks to more than 32 MB/,
  },
  {
    title: 'an .odt zip bomb whose headers claim 1 KB',
    file: 'leugen.odt',
    bytes: () => odtBomb(400, 1000),
    code: 'zipBomb', message: /^leugen\.odt is refused: its entry "content\.xml" unpacks to more than 32 MB/,
  },
  {
    title: 'an .odt with text:c="-1" (a negative space count)',
    file: 'spaties.odt',
    bytes: () => odt({ 'content.xml': odtContent('<text:p>Katrien: ja</text:p>\n<text:p>Hanne:<text:s text:c="-1"/>nee</text:p>') }),
    code: 'damagedOdt', message: 'spaties.odt is damaged: its content.xml, line 2, asks for "-1" spaces (<text:s text:c>), which is not a whole number from 0 to 1000.',
  },
  {
    title: 'an .odt asking for a billion spaces',
    file: 'miljard.odt',
    bytes: () => odt({ 'content.xml': odtContent('<text:p>Katrien:<text:s text:c="1000000000"/>ja</text:p>') }),
    code: 'damagedOdt', message: /^miljard\.odt is damaged: its content\.xml, line 1, asks for "1000000000" spaces/,
  },
  {
    title: 'an .odt nested 400 elements deep',
    file: 'diep.odt',
    bytes: () => odt({ 'content.xml': odtContent(`<text:p>${'<text:span>'.repeat(400)}x${'</text:span>'.repeat(400)}</text:p>`) }),
    code: 'xmlTooDeep', message: /^diep\.odt: content\.xml is nested too deeply: line 1 opens element level 257; the limit is 256/,
  },
  {
    title: 'an .odt whose content.xml is not well-formed',
    file: 'kapot-xml.odt',
    bytes: () => odt({ 'content.xml': odtContent('<text:p>Katrien: ja</text:span>') }),
    code: 'damagedOdt', message: /^kapot-xml\.odt could not be read: its content\.xml is not valid XML \(line 1, column \d+: .+\)\.$/,
  },
  {
    title: 'an .odt with an entity bomb in content.xml',
    file: 'entiteiten.odt',
    bytes: () => odt({ 'content.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><x>&b;</x>' }),
    code: 'damagedOdt', message: 'entiteiten.odt is refused: its content.xml declares a DOCTYPE or entities, which OpenDocument files never do.',
  },
  {
    title: 'an .odt without content.xml (a .docx renamed)',
    file: 'word.odt',
    bytes: () => docx(['Katrien: ja']),
    code: 'damagedOdt', message: 'word.odt is not an OpenDocument text: it has no content.xml.',
  },
  {
    title: 'an .odt without an office:text body',
    file: 'rekenblad.odt',
    bytes: () => odt({ 'content.xml': '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>' }),
    code: 'damagedOdt', message: 'rekenblad.odt is not an OpenDocument text document (no office:text body).',
  },
  {
    title: 'a .docx that is an .odt renamed (no word/document.xml)',
    file: 'odt.docx',
    bytes: () => odt({ 'content.xml': odtContent('<text:p>Katrien: ja</text:p>') }),
    code: 'damagedDocx', message: /^odt\.docx could not be read as a Word document: the file is damaged, incomplete or not a \.docx \(.+\)\.$/,
  },
  {
    title: 'a .docx with an encrypted entry',
    file: 'slot.docx',
    bytes: () => {
      const zip = docx(['Katrien: ja']);
      // Set the "encrypted" flag of every central directory entry.
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, 1, true);
      return zip;
    },
    code: 'damagedDocx', message: 'slot.docx could not be read as a Word document: the file is damaged, incomplete or not a .docx (it is encrypted).',
  },
  {
    title: 'a .docx with an entry whose path leaves the archive',
    file: 'ontsnapt.docx',
    bytes: () => stored({ '../../word/document.xml': '<x/>' }),
    code: 'damagedDocx', message: 'ontsnapt.docx could not be read as a Word document: the file is damaged, incomplete or not a .docx (an entry’s path leaves the archive).',
  },
  {
    title: 'a .docx cut off in its table of contents',
    file: 'staart.docx',
    bytes: () => docx(['Katrien: ja']).subarray(0, -10),
    code: 'damagedDocx', message: 'staart.docx could not be read as a Word document: the file is damaged, incomplete or not a .docx (the zip archive is cut off).',
  },
  {
    title: 'an empty .docx',
    file: 'leeg.docx',
    bytes: () => new Uint8Array(),
    code: 'empty', message: 'leeg.docx is empty (0 bytes).',
  },
  {
    title: 'an empty .odt',
    file: 'leeg.odt',
    bytes: () => new Uint8Array(),
    code: 'empty', message: 'leeg.odt is empty (0 bytes).',
  },
  {
    title: 'a .docx with only empty paragraphs',
    file: 'stil.docx',
    bytes: () => docx(['', ' ']),
    code: 'noText', message: 'stil.docx contains no text.',
  },
  // ---- encodings ----
  {
    title: 'a file that is Windows-1252 first and UTF-8 later',
    file: 'eerst-ansi.txt',
    bytes: () => Buffer.concat([cp1252('Katrien: Het caf\u00e9 was dicht.\n'), b('Hanne: Oké, dan morgen.\n')]),
    code: 'invalidUtf8', message: 'eerst-ansi.txt is not valid UTF-8: line 1 (byte 16) has a broken character, while line 2 is UTF-8. The file mixes encodings; save it again as UTF-8 and import it anew.',
  },
  {
    title: 'a file that is UTF-8 first and Windows-1252 later',
    file: 'eerst-utf8.txt',
    bytes: () => Buffer.concat([b('Hanne: Oké, dan morgen.\n'), cp1252('Katrien: Het caf\u00e9 was dicht.\n')]),
    code: 'invalidUtf8', message: 'eerst-utf8.txt is not valid UTF-8: line 2 (byte 41) has a broken character, while line 1 is UTF-8. The file mixes encodings; save it again as UTF-8 and import it anew.',
  },
  {
    title: 'a UTF-8 BOM before Windows-1252 text',
    file: 'bom-ansi.txt',
    bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cp1252('Katrien: caf\u00e9\n')]),
    code: 'invalidUtf8', message: 'bom-ansi.txt is not valid UTF-8: it starts with a UTF-8 mark, but line 1 (byte 15) has a byte that is not UTF-8. Save it again as UTF-8 and import it anew.',
  },
  {
    title: 'UTF-16 with a lone surrogate',
    file: 'surrogaat.txt',
    bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Katrien: ja ', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(' nee', 'utf16le')]),
    code: 'invalidText', message: 'surrogaat.txt is not valid UTF-16LE text (it has a broken character); save it again as UTF-8 and import it anew.',
  },
  {
    title: 'a text file full of NUL bytes',
    file: 'nullen.txt',
    bytes: () => Buffer.concat([b('Katrien: ja\n'), Buffer.alloc(200)]),
    code: 'binary', message: 'nullen.txt does not look like a text file (it contains binary data). Export the transcript as text, .docx or subtitles.',
  },
  {
    title: 'a zip archive renamed .txt',
    file: 'archief.txt',
    bytes: () => docx(['Katrien: ja']),
    code: 'binary', message: /^archief\.txt does not look like a text file/,
  },
  {
    title: 'a PNG renamed .md',
    file: 'plaatje.md',
    bytes: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), garbage(4000)]),
    code: 'binary', message: /^plaatje\.md does not look like a text file/,
  },
  {
    title: 'a text of more than 20 million characters',
    file: 'eindeloos.txt',
    bytes: () => Buffer.alloc(MAX_TEXT_LENGTH + 10, 'Katrien: ja\n'),
    code: 'textTooLong', message: 'eindeloos.txt holds 20,000,010 characters of text; the limit is 20,000,000 per document. Split it into smaller files.',
  },
  // ---- subtitles ----
  {
    title: 'an SRT whose every timing is broken',
    file: 'tijden.srt',
    bytes: () => b('1\n00:00:01,000 --> 00:0x:02,000\nKatrien: ja\n\n2\n00:00:03 --> 00:00:04\nHanne: nee\n'),
    code: 'noSubtitles', message: 'tijden.srt contains no subtitles: no "00:00:01,000 --> 00:00:04,000" timing lines were found.',
  },
  {
    title: 'a VTT whose every timing is broken',
    file: 'tijden.vtt',
    bytes: () => b('WEBVTT\n\n00:01.000 --> 00:0x.000\n<v Katrien>ja\n'),
    code: 'noCues', message: 'tijden.vtt contains no cues: there is no timed text in this WebVTT file.',
  },
  {
    title: 'an SRT of binary data',
    file: 'ruis.srt',
    bytes: () => garbage(5000),
    code: 'binary', message: /^ruis\.srt does not look like a text file/,
  },
  {
    title: 'an empty .vtt',
    file: 'niets.vtt',
    bytes: () => new Uint8Array(),
    code: 'empty', message: 'niets.vtt is empty (0 bytes).',
  },
  // ---- names ----
  {
    // PDFs are read since issue 30; a file with no more than the header is damaged (tests/importers/pdf.test.ts has the rest).
    title: 'a .pdf that is only its header',
    file: 'artikel.pdf',
    bytes: () => b('%PDF-1.4'),
    code: 'pdfDamaged', message: 'artikel.pdf could not be read as a PDF: the file is damaged, incomplete or not a PDF (Invalid PDF structure.).',
  },
  {
    title: 'a file without an extension',
    file: 'interview',
    bytes: () => b('Katrien: ja'),
    code: 'unsupported', message: 'interview: files without an extension are not supported. Supported transcripts: .txt, .md, .docx, .odt, .vtt, .srt, .pdf; participants: .csv.',
  },
  {
    title: 'an .rtf',
    file: 'oud.rtf',
    bytes: () => b('{\\rtf1 Katrien: ja}'),
    code: 'unsupported', message: /^oud\.rtf: "\.rtf" files are not supported\./,
  },
];

describe('bad input', () => {
  for (const c of cases) {
    it(`refuses ${c.title}, naming the file, and leaves the project unchanged`, async () => {
      const { project, dir } = newSession();
      await importFiles(project, { files: [{ path: join(FIXTURES, 'transcripts/interview-03-tso.srt') }] });
      const before = fingerprint(project);
      const path = join(dir, c.file);
      writeFileSync(path, c.bytes());
      const started = Date.now();
      const report = await importFiles(project, { files: [{ path }] });
      // Generous (a refusal takes well under a second), but a bomb unpacked whole takes longer: it
      // must be stopped at its limit, while inflating.
      expect(Date.now() - started).toBeLessThan(c.code === 'zipBomb' ? 3000 : 10_000);
      expect(report.failed).toBe(1);
      expect(report.files[0]!.status).toBe('failed');
      if (typeof c.message === 'string') expect(report.files[0]!.message).toBe(c.message);
      else expect(report.files[0]!.message).toMatch(c.message);
      expect(report.files[0]!.code).toBe(c.code);
      expect(report.files[0]!.params).toMatchObject({ file: c.file });
      expect(fingerprint(project)).toEqual(before);
    });
  }

  it('reports a missing file by name', async () => {
    const { project, dir } = newSession();
    const report = await importFiles(project, { files: [{ path: join(dir, 'weg.txt') }] });
    expect(report.files[0]).toEqual({ file: 'weg.txt', status: 'failed', message: 'weg.txt does not exist.', code: 'missing', params: { file: 'weg.txt' } });
  });

  it('refuses an empty or malformed pseudonym list before importing anything', async () => {
    const { project, dir } = newSession();
    const before = snapshot(project);
    writeFileSync(join(dir, 'namen.csv'), '');
    const transcript = { path: join(FIXTURES, 'transcripts/interview-03-tso.srt') };
    await expect(importFiles(project, { files: [transcript], pseudonyms: { path: join(dir, 'namen.csv') } })).rejects.toThrow(
      'namen.csv is empty: a pseudonym list has rows of "name,pseudonym".',
    );
    writeFileSync(join(dir, 'namen2.csv'), 'name,pseudonym\nKatrien,\n');
    await expect(importFiles(project, { files: [transcript], pseudonyms: { path: join(dir, 'namen2.csv') } })).rejects.toThrow(
      'namen2.csv, row 2: each row needs a name and a pseudonym.',
    );
    expect(snapshot(project)).toEqual(before);
  });
});

/**
 * Surveys (issue 27): the same rule for a .csv or .xlsx questionnaire. Each refusal names the file
 * (and the sheet and cell where there is one) and leaves every table as it was.
 */
const header = ['Respondent', 'Rol', 'A1.1 Visie', 'A1.2 Beleid'];
const surveyCases: Array<{ title: string; file: string; bytes?: () => Uint8Array; sparse?: number; code: string; message: string | RegExp; within?: number }> = [
  {
    title: 'a survey without a header row',
    file: 'zonder-kop.csv',
    bytes: () => b('1;4;5\r\n2;3;eens\r\n'),
    code: 'surveyNoHeader', message: 'zonder-kop.csv has no header row: its first row (row 1) holds numbers, not the questions. Put the questions (or column names) in the first row.',
  },
  {
    title: 'an .xlsx without a header row',
    file: 'zonder-kop.xlsx',
    bytes: () => xlsx(xlsxRow(1, [1, 4, 5]) + xlsxRow(2, [2, 3, 4])),
    code: 'surveyNoHeader', message: 'zonder-kop.xlsx, sheet "Antwoorden" has no header row: its first row (row 1) holds numbers, not the questions. Put the questions (or column names) in the first row.',
  },
  {
    title: 'duplicate respondent ids',
    file: 'dubbel.csv',
    bytes: () => b(`${header.join(';')}\nS01;leerkracht;4;5\nS02;leerkracht;3;3\ns01;schoolleider;2;eens\n`),
    code: 'surveyDuplicateId', message: 'dubbel.csv, cell A4: the respondent "s01" appears twice (also row 2); each respondent has one row.',
  },
  {
    title: 'a Likert word not on the scale',
    file: 'misschien.csv',
    bytes: () => b(`${header.join(';')}\nS01;leerkracht;4;volledig eens\nS02;leerkracht;3;eens\nS03;leerkracht;0;eerder eens\nS04;ondersteuner;2;misschien\n`),
    code: 'surveyNotOnScale', message: 'misschien.csv, cell D5 ("A1.2 Beleid"): "misschien" is not a word of the scale (volledig oneens … volledig eens or 0–6).',
  },
  {
    title: 'a Likert word not on the scale, in an .xlsx',
    file: 'misschien.xlsx',
    bytes: () => xlsx(xlsxRow(1, header) + xlsxRow(2, ['S01', 'leerkracht', 4, 'eens']) + xlsxRow(3, ['S02', 'leerkracht', 3, 'oneens']) + xlsxRow(4, ['S03', 'leerkracht', 2, 'soms'])),
    code: 'surveyNotOnScale', message: 'misschien.xlsx, sheet "Antwoorden", cell D4 ("A1.2 Beleid"): "soms" is not a word of the scale (helemaal oneens … helemaal eens or 1–5).',
  },
  {
    title: 'a 60 MB sheet on disk (refused by its size before a byte is read)',
    file: 'groot.xlsx',
    sparse: 60 * 1024 * 1024,
    code: 'tooLarge', message: 'groot.xlsx is 60.0 MB; the limit is 50.0 MB per file.',
  },
  {
    title: 'a 60 MB .csv',
    file: 'groot.csv',
    sparse: 60 * 1024 * 1024,
    code: 'tooLarge', message: 'groot.csv is 60.0 MB; the limit is 50.0 MB per file.',
  },
  {
    title: 'an .xlsx whose sheet unpacks to 60 MB',
    file: 'zestig.xlsx',
    bytes: () => xlsxBomb(60),
    code: 'zipBomb', message: /^zestig\.xlsx is refused: its entry "xl\/worksheets\/sheet1\.xml" unpacks to more than 32 MB \(or all entries to more than 64 MB\), which is what a zip bomb does\.$/,
  },
  {
    title: 'an .xlsx bomb whose headers lie (1 GB declared as 2 KB)',
    file: 'bom.xlsx',
    bytes: () => xlsxBomb(1024, 2048),
    code: 'zipBomb', message: /^bom\.xlsx is refused: its entry "xl\/worksheets\/sheet1\.xml" unpacks to more than 32 MB/,
    within: 3000,
  },
  {
    title: 'an .xlsx with an entity declaration (billion laughs)',
    file: 'lachen.xlsx',
    bytes: () => xlsx(xlsxRow(1, header), { 'xl/sharedStrings.xml': '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><sst><si><t>&lol2;</t></si></sst>' }),
    code: 'xlsxEntities', message: 'lachen.xlsx is refused: its part "xl/sharedStrings.xml" declares entities (<!DOCTYPE>), which a workbook never needs and an entity bomb uses.',
  },
  {
    title: 'an .xlsx holding its sheet twice (the check would count one, the reader unpack the other)',
    file: 'tweemaal.xlsx',
    bytes: () => rawZip([...xlsxParts(xlsxRow(1, header)), { path: 'xl/worksheets/sheet1.xml', method: 0, data: b('<worksheet/>'), size: 12 }]),
    code: 'damagedXlsx', message: 'tweemaal.xlsx could not be read as an Excel workbook: the file is damaged, incomplete or not an .xlsx (it holds the part "xl/worksheets/sheet1.xml" twice).',
  },
  {
    title: 'more rows than a survey may have',
    file: 'rijen.xlsx',
    bytes: () => xlsx(xlsxRow(1, header) + '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(10_001)),
    code: 'surveyTooManyRows', message: 'rijen.xlsx, sheet "Antwoorden": more than 10,000 rows (the first beyond the limit is row 10002, cell A10002); a survey has one row per respondent and at most 10,000 respondents.',
  },
  {
    title: 'a truncated .xlsx',
    file: 'afgebroken.xlsx',
    bytes: () => readFileSync(join(FIXTURES, 'surveys/intervisie-jaar2.xlsx')).subarray(0, 3000),
    code: 'damagedXlsx', message: /^afgebroken\.xlsx could not be read as an Excel workbook: the file is damaged, incomplete or not an \.xlsx \(.+\)\.$/,
  },
  {
    title: 'a text file renamed .xlsx',
    file: 'nep.xlsx',
    bytes: () => b('Respondent;A1.1\nS01;4\n'),
    code: 'damagedXlsx', message: 'nep.xlsx could not be read as an Excel workbook: the file is damaged, incomplete or not an .xlsx (it is not a zip archive).',
  },
  {
    title: 'an old .xls',
    file: 'oud.xls',
    bytes: () => b('x'),
    code: 'surveyFormat', message: 'oud.xls: a survey is a .csv or .xlsx file (got ".xls"). An old .xls: save it as .xlsx first.',
  },
  {
    title: 'two columns with one header',
    file: 'kop-dubbel.csv',
    bytes: () => b('Respondent;A1.1 Visie;A1.1 visie\nS01;4;5\n'),
    code: 'surveyDuplicateHeader', message: 'kop-dubbel.csv, cell C1: the header "A1.1 visie" is also column B\'s; each column needs a header of its own.',
  },
  {
    title: 'a cell longer than a spreadsheet allows',
    file: 'lang.csv',
    bytes: () => b(`Respondent;Toelichting\nS01;${'woord '.repeat(6000)}\n`),
    code: 'surveyCellTooLong', message: /^lang\.csv, cell B2: 3[0-9],[0-9]{3} characters, more than the 32,767 a cell may hold\.$/,
  },
  {
    title: 'an empty survey',
    file: 'leeg.csv',
    bytes: () => new Uint8Array(),
    code: 'surveyEmpty', message: 'leeg.csv is empty (0 bytes): a survey has a header row and one row per respondent.',
  },
];

describe('bad surveys', () => {
  for (const c of surveyCases) {
    it(`refuses ${c.title}, naming the file, and leaves the project unchanged`, async () => {
      const { session, project, dir } = newSession();
      await call(session, 'surveys/import', { file: { path: join(FIXTURES, 'surveys/zelfevaluatie.csv') } });
      const before = fingerprint(project);
      const path = join(dir, c.file);
      if (c.sparse !== undefined) {
        writeFileSync(path, '');
        truncateSync(path, c.sparse);
      } else writeFileSync(path, c.bytes!());
      const started = Date.now();
      const error = await call(session, 'surveys/import', { file: { path } }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(c.within ?? 10_000);
      if (!isDuidingError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
      if (typeof c.message === 'string') expect(error.message).toBe(c.message);
      else expect(error.message).toMatch(c.message);
      expect(error.detail?.code).toBe(c.code);
      expect(error.detail?.params).toMatchObject({ file: c.file });
      expect(fingerprint(project)).toEqual(before);
    });
  }
});
