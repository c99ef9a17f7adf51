import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/handlers.ts';
import { loadPseudonyms, importFiles } from '../../src/main/core/documents/import.ts';
import { autocode } from '../../src/main/core/coding/autocode.ts';
import { searchTurns } from '../../src/main/core/search/store.ts';
import { writeFileAtomic } from '../../src/main/core/files/atomic-write.ts';
import { lexicalBlocks } from '../../src/shared/lexical-blocks.ts';
import { docxBomb, odt, odtContent } from '../support/bombs.ts';
import { FIXTURES, fingerprint, newSession, tempDir } from '../support/temp.ts';

const BIN = join(import.meta.dirname, '../../bin/duiding.js');

function duiding(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DUIDING_CODER: 'robust' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lexical = (children: unknown[]) => JSON.stringify({ root: { type: 'root', version: 1, children } });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children });
const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0 });

describe('files that are not regular files, or too big, are refused before a byte is read', () => {
  const cases: Array<{ title: string; make(dir: string): string; message: RegExp }> = [
    { title: '/dev/zero', make: () => '/dev/zero', message: /^zero is a device, not a file; Duiding reads only regular files\.$/ },
    {
      title: 'a FIFO (a named pipe nobody writes to)',
      make: (dir) => {
        const path = join(dir, 'pijp.txt');
        expect(spawnSync('mkfifo', [path]).status).toBe(0);
        return path;
      },
      message: /^pijp\.txt is a named pipe, not a file; Duiding reads only regular files\.$/,
    },
    {
      title: 'a symbolic link to /dev/zero named .txt',
      make: (dir) => {
        const path = join(dir, 'link.txt');
        symlinkSync('/dev/zero', path);
        return path;
      },
      message: /^link\.txt is a device, not a file/,
    },
    {
      title: 'a 1 GB file (sparse: it would take seconds and a gigabyte to read)',
      make: (dir) => {
        const path = join(dir, 'gigabyte.txt');
        writeFileSync(path, '');
        truncateSync(path, 1024 * 1024 * 1024);
        return path;
      },
      message: /^gigabyte\.txt is 1024\.0 MB; the limit is 50\.0 MB per file\.$/,
    },
  ];
  for (const c of cases) {
    it(`${c.title}: refused by name within a second, the project unchanged`, async () => {
      const { project, dir } = newSession();
      const before = fingerprint(project);
      const started = Date.now();
      const report = await importFiles(project, { files: [{ path: c.make(dir) }] });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(report.failed).toBe(1);
      expect(report.files[0]!.message).toMatch(c.message);
      expect(fingerprint(project)).toEqual(before);
    });
  }

  it('a folder given as the pseudonym list', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'namen.csv'));
    expect(() => loadPseudonyms({ path: join(dir, 'namen.csv') })).toThrow('namen.csv is a folder, not a file; Duiding reads only regular files.');
  });
});

describe('a batch imports every good file and reports each bad one', () => {
  it('on the command line: exit 1, each bad file by name with its problem, the good ones in', () => {
    const dir = tempDir();
    const file = join(dir, 'studie.duiding');
    expect(duiding('new', file).code).toBe(0);
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    writeFileSync(join(batch, 'a-goed.srt'), readFileSync(join(FIXTURES, 'transcripts/interview-03-tso.srt')));
    writeFileSync(join(batch, 'b-spaties.odt'), odt({ 'content.xml': odtContent('<text:p>Hanne:<text:s text:c="-1"/>nee</text:p>') }));
    writeFileSync(join(batch, 'c-bom.docx'), docxBomb(400));
    writeFileSync(join(batch, 'd-goed.txt'), 'Katrien: Het café was dicht.\nHanne: Jammer.\n');
    writeFileSync(join(batch, 'e-leeg.vtt'), '');
    const result = duiding('import', file, batch);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✓ a-goed.srt');
    expect(result.stdout).toContain('✓ d-goed.txt');
    expect(result.stderr).toContain('✗ b-spaties.odt is damaged: its content.xml, line 1, asks for "-1" spaces');
    expect(result.stderr).toContain('✗ c-bom.docx is refused: its entry "word/document.xml" unpacks to more than 32 MB');
    expect(result.stderr).toContain('✗ e-leeg.vtt is empty (0 bytes).');
    expect(result.stderr).not.toContain('Internal error');
    expect(result.stdout).toContain('Imported 2, skipped 0, failed 3.');
  });

  it('a full disk mid-batch: each file after it is reported, with a sentence, and what got in stays', async () => {
    const { project, dir } = newSession();
    await importFiles(project, { files: [{ path: join(FIXTURES, 'transcripts/interview-03-tso.srt') }] });
    // SQLite's own "database or disk is full", reached by capping the file where it is now.
    const pages = project.db.pragma('page_count', { simple: true }) as number;
    project.db.pragma(`max_page_count = ${pages + 1}`);
    const before = fingerprint(project);
    const report = await importFiles(project, { files: [{ path: join(FIXTURES, 'transcripts') }] });
    expect(report.imported).toBe(0);
    const full = report.files.filter((f) => f.code === 'diskFull');
    expect(full.length).toBeGreaterThan(3);
    expect(full[0]!.message).toBe('study.duiding: the disk is full, so the change was not saved (nothing of it was written). Free some space and try again.');
    expect(fingerprint(project)).toEqual(before);
    expect(dir).toBeTruthy();
  });

  it('a project that cannot be written (SQLite read-only) gives a sentence for each file', async () => {
    const { project } = newSession();
    project.db.pragma('query_only = ON');
    const report = await importFiles(project, { files: [{ path: join(FIXTURES, 'transcripts/interview-03-tso.srt') }] });
    expect(report.files[0]).toMatchObject({ status: 'failed', code: 'notWritable' });
    expect(report.files[0]!.message).toMatch(/^study\.duiding: cannot be written: the file or its folder is read-only/);
  });
});

describe('no silent damage', () => {
  it('a broken cue and control characters are listed in the import report, and never reach CSV or HTML exports', async () => {
    const { project, dir, session } = newSession();
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nKatrien: Goeie\u0000morgen.\n\n2\n00:00:0x,000 --> 00:00:04,000\nHanne: Deze cue is kapot.\n\n3\n00:00:05,000 --> 00:00:06,000\nHanne: En\u0007 deze niet.\n';
    writeFileSync(join(dir, 'cues.srt'), srt);
    const report = await importFiles(project, { files: [{ path: join(dir, 'cues.srt') }] });
    expect(report.files[0]!.status).toBe('imported');
    expect(report.files[0]!.notes).toEqual([
      'removed 2 control characters (U+0000 (NUL) ×1, U+0007 ×1), the first on line 3',
      'left out the cue on line 6: its timing "00:00:0x,000 --> 00:00:04,000" is broken (its text was "Hanne: Deze cue is kapot.")',
    ]);
    const stored = (project.db.prepare('SELECT text FROM turns ORDER BY position').pluck().all() as string[]).join('\n');
    // eslint-disable-next-line no-control-regex
    expect(stored).not.toMatch(/[\u0000-\u0008]/);
    expect(stored).toContain('Goeiemorgen.');
    for (const format of ['csv', 'html'] as const) {
      const out = join(dir, `segmenten.${format}`);
      await dispatch(session, 'codings/autocode', { labelName: 'Groet', query: { text: 'Goeiemorgen' } });
      await dispatch(session, 'export/file', { report: format === 'csv' ? 'segments' : 'themes', format, out });
      // eslint-disable-next-line no-control-regex
      expect(readFileSync(out, 'utf8')).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f]/);
    }
  });

  it('the CLI prints the notes of an imported file', () => {
    const dir = tempDir();
    const file = join(dir, 'studie.duiding');
    duiding('new', file);
    writeFileSync(join(dir, 'nul.txt'), 'Katrien: ja\u0000 nee\n');
    const result = duiding('import', file, join(dir, 'nul.txt'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('    note: removed 1 control character (U+0000 (NUL) ×1), the first on line 1');
  });

  it('export links: only http(s) and mailto survive; javascript: keeps its text only', () => {
    const json = lexical([
      paragraph(
        { type: 'link', url: 'javascript:alert(1)', children: [text('klik')] },
        { type: 'link', url: 'https://example.org', children: [text('site')] },
        { type: 'link', url: 'mailto:a@b.be', children: [text('mail')] },
        { type: 'link', url: 'file:///etc/passwd', children: [text('bestand')] },
      ),
    ]);
    const runs = lexicalBlocks(json, '')[0]!;
    expect(runs.kind === 'paragraph' && runs.runs).toEqual([{ text: 'klik' }, { text: 'site', link: 'https://example.org' }, { text: 'mail', link: 'mailto:a@b.be' }, { text: 'bestand' }]);
  });

  it('rich text at the API: a link node or an unknown node type is refused with a sentence, nothing stored', async () => {
    const { session, project } = newSession();
    const before = fingerprint(project);
    const link = lexical([paragraph({ type: 'link', url: 'javascript:alert(1)', children: [text('x')] })]);
    await expect(dispatch(session, 'memos/save', { target: { kind: 'project' }, bodyRich: link, bodyText: 'x' })).rejects.toThrow(
      'Invalid arguments for memos/save: bodyRich: rich text refused: the root › 1 › 1 is a "link" node to "javascript:alert(1)", which Duiding\'s editor does not have (it has root, paragraph, text, linebreak, tab, list, listitem)',
    );
    await expect(dispatch(session, 'memos/save', { target: { kind: 'project' }, bodyRich: lexical([{ type: 'image', src: 'x' }]), bodyText: 'x' })).rejects.toThrow(
      /rich text refused: the root › 1 is a "image" node/,
    );
    await expect(dispatch(session, 'memos/save', { target: { kind: 'project' }, bodyRich: 'niet json', bodyText: 'x' })).rejects.toThrow(/rich text refused: it is not JSON/);
    const deep = lexical([JSON.parse('{"type":"list","children":['.repeat(40) + ']}'.repeat(40))]);
    await expect(dispatch(session, 'memos/save', { target: { kind: 'project' }, bodyRich: deep, bodyText: 'x' })).rejects.toThrow(/nested deeper than 32 levels/);
    expect(fingerprint(project)).toEqual(before);
    await dispatch(session, 'memos/save', { target: { kind: 'project' }, bodyRich: lexical([paragraph(text('Goed.'))]), bodyText: 'Goed.' });
  });
});

describe('bounded work: one call cannot freeze the others', () => {
  it('auto-code (a+)+$ over 30 a’s answers within 2 s (linear time), and backreferences are refused with a sentence', async () => {
    const { project, dir } = newSession();
    writeFileSync(join(dir, 'aaa.txt'), `Katrien: ${'a'.repeat(30)}!\nHanne: ${'a'.repeat(5000)}b\n`);
    await importFiles(project, { files: [{ path: join(dir, 'aaa.txt') }] });
    const started = Date.now();
    const result = await autocode(project, { labelName: 'A', query: { regex: '(a+)+$' } });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.hits).toBe(0);
    expect((await autocode(project, { labelName: 'A', query: { regex: '(a+)+!' } })).hits).toBe(1);
    await expect(autocode(project, { labelName: 'A', query: { regex: '(a)\\1' } })).rejects.toThrow(
      '"(a)\\1" uses a backreference (\\1, \\k<name>), which Duiding does not support: regular expressions run in linear time (RE2 syntax), so that no expression can freeze the program.',
    );
    await expect(autocode(project, { labelName: 'A', query: { regex: 'a(?=b)' } })).rejects.toThrow(/uses lookaround/);
  });

  it('a search of 3,000 prefix terms is refused within 1 s; 64 plain terms are answered', async () => {
    const { project } = newSession();
    await importFiles(project, { files: [{ path: join(FIXTURES, 'transcripts/interview-03-tso.srt') }] });
    const started = Date.now();
    const terms = Array.from({ length: 3000 }, (_, i) => `w${i}*`).join(' ');
    expect(() => searchTurns(project.db, terms, 50)).toThrow(/^The search is [\d,]+ characters long; the limit is 2,000\./);
    expect(() => searchTurns(project.db, Array.from({ length: 17 }, (_, i) => `a${i}*`).join(' '), 50)).toThrow(
      'The search has 17 prefix terms (word*); the limit is 16, so that one search cannot hold up the program. Search for fewer.',
    );
    expect(() => searchTurns(project.db, Array.from({ length: 65 }, (_, i) => `w${i}`).join(' OR '), 50)).toThrow(/The search has 65 words; the limit is 64/);
    expect(searchTurns(project.db, Array.from({ length: 64 }, (_, i) => `w${i}`).join(' OR '), 50).total).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('damaged or unwritable project files', () => {
  it('a truncated project is named as damaged, with SQLite’s .recover offered', () => {
    const dir = tempDir();
    const file = join(dir, 'kapot.duiding');
    expect(duiding('new', file).code).toBe(0);
    expect(duiding('import', file, join(FIXTURES, 'transcripts/interview-03-tso.srt')).code).toBe(0);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = duiding('search', file, 'school');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kapot\.duiding is damaged \(.+\); Duiding cannot read it safely\. Restore a backup, or salvage what is left with SQLite's recovery: sqlite3 kapot\.duiding \.recover \| sqlite3 kapot-recovered\.duiding\n$/);
    writeFileSync(file, bytes.subarray(0, 10));
    expect(duiding('info', file).stderr).toMatch(/^kapot\.duiding is damaged \(it is cut off after 10 bytes\)/);
  });

  it('new in a read-only folder: a sentence, exit 1, no file', () => {
    // /sys refuses new files even to root (a read-only mount in containers); elsewhere it is skipped.
    let writable = true;
    try {
      writeFileSync('/sys/duiding-probe', '');
    } catch {
      writable = false;
    }
    if (writable) return;
    const result = duiding('new', '/sys/studie.duiding');
    expect(result).toMatchObject({ code: 1, stderr: 'studie.duiding: cannot be written: the file or its folder is read-only, or permission is denied. Open it read-only, or copy it to a folder you can write to.\n' });
    expect(existsSync('/sys/studie.duiding')).toBe(false);
  });

  it('new in a folder that does not exist: a sentence, exit 1', () => {
    const result = duiding('new', join(tempDir(), 'nergens', 'studie.duiding'));
    expect(result).toMatchObject({ code: 1, stderr: 'studie.duiding: cannot be created: its folder nergens does not exist or cannot hold files.\n' });
  });
});

describe('stale temporary files', () => {
  it('a killed export’s temporary file is removed by the next write into that folder; a live one stays', () => {
    const dir = tempDir();
    const old = new Date(Date.now() - 3600_000);
    const stale = join(dir, '.rapport.docx.999999-0123456789ab.duiding-tmp');
    const staleWal = join(dir, '.studie.duiding.999999-0123456789ab.duiding-tmp-wal');
    const live = join(dir, '.rapport.docx.1-0123456789ab.duiding-tmp'); // pid 1 is alive
    const foreign = join(dir, '.rapport.docx.tmp');
    for (const path of [stale, staleWal, live, foreign]) {
      writeFileSync(path, 'half an export');
      utimesSync(path, old, old);
    }
    writeFileAtomic(join(dir, 'rapport.docx'), new TextEncoder().encode('klaar'));
    expect(readdirSync(dir).sort()).toEqual(['.rapport.docx.1-0123456789ab.duiding-tmp', '.rapport.docx.tmp', 'rapport.docx']);
  });
});
