import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TRANSCRIPT_BYTES } from '../../src/main/core/importers/index.ts';
import { importFiles } from '../../src/main/core/services/import.ts';
import { FIXTURES, newSession, snapshot } from '../support/temp.ts';

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
    code: 'unsupported', message: 'interview.doc: ".doc" files are not supported. Supported transcripts: .txt, .md, .docx, .odt, .vtt, .srt; participants: .csv. Save it as .docx in Word first.',
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
];

describe('bad input', () => {
  for (const c of cases) {
    it(`refuses ${c.title}, naming the file, and leaves the project unchanged`, async () => {
      const { project, dir } = newSession();
      await importFiles(project, { files: [{ path: join(FIXTURES, 'transcripts/interview-03-tso.srt') }] });
      const before = snapshot(project);
      const path = join(dir, c.file);
      writeFileSync(path, c.bytes());
      const report = await importFiles(project, { files: [{ path }] });
      expect(report.failed).toBe(1);
      expect(report.files[0]!.status).toBe('failed');
      if (typeof c.message === 'string') expect(report.files[0]!.message).toBe(c.message);
      else expect(report.files[0]!.message).toMatch(c.message);
      expect(report.files[0]!.code).toBe(c.code);
      expect(report.files[0]!.params).toMatchObject({ file: c.file });
      expect(snapshot(project)).toEqual(before);
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
