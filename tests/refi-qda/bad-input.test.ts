import { spawnSync } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importQdpx } from '../../src/main/core/refi-qda/import-qdpx.ts';
import { zipBomb } from '../support/bombs.ts';
import { fingerprint, newSession, snapshot, tempDir } from '../support/temp.ts';
import { SAMPLES, zipFile } from './support.ts';

const QDE = (body = '') => `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">${body}</Project>`;

/** A stored (method 0) or deflated single-entry zip, built byte by byte so that its headers can lie. */
function handZip(name: string, data: Uint8Array, options: { declaredSize?: number } = {}): Uint8Array {
  const compressed = deflateSync(data);
  const nameBytes = strToU8(name);
  const size = options.declaredSize ?? data.length;
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, compressed.length, true);
  lv.setUint32(22, size, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, compressed.length, true);
  cv.setUint32(24, size, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + compressed.length, true);
  const out = new Uint8Array(local.length + compressed.length + central.length + end.length);
  out.set(local, 0);
  out.set(compressed, local.length);
  out.set(central, local.length + compressed.length);
  out.set(end, local.length + compressed.length + central.length);
  return out;
}

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

/** The import is refused with a message naming the file and matching `problem`, and the project is exactly as before. */
async function refused(path: string, problem: RegExp, options: Parameters<typeof importQdpx>[2] = {}) {
  const { project } = newSession();
  const before = fingerprint(project);
  const started = Date.now();
  const error = await importQdpx(project, { path }, options).then(
    () => null,
    (e: Error) => e,
  );
  expect(error, 'the import should have been refused').not.toBeNull();
  expect(error!.name).toBe('DuidingError');
  expect(error!.message).toContain(path.slice(path.lastIndexOf('/') + 1));
  expect(error!.message).toMatch(problem);
  expect(error!.message).not.toMatch(/Internal error|\n\s+at /);
  expect(Date.now() - started, 'refused quickly').toBeLessThan(10_000);
  expect(fingerprint(project)).toEqual(before);
  return error as Error & { detail: { code: string } | null };
}

const GUID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const textSource = (plainTextPath: string, n = 1) => `<Sources><TextSource guid="${GUID(n)}" name="bron ${n}" plainTextPath="${plainTextPath}"/></Sources>`;

/** Sets a 16-bit field of every central directory entry (flags at 8, method at 10). */
function patchCentral(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + offset, value, true);
  return bytes;
}

describe('bad .qdpx input is refused clearly, and nothing is written', () => {
  it('an empty file', () => refused(write('empty.qdpx', ''), /is empty/));
  it('a file that is not a zip', () => refused(write('notes.qdpx', '%PDF-1.4 this is a pdf'), /is not a zip archive/));
  it('a zip without a .qde', () => refused(zipFile('no-qde.qdpx', { 'sources/a.txt': 'hello' }), /contains no \.qde file/));
  it('a zip with two .qde files in subfolders', () => refused(zipFile('two.qdpx', { 'a/one.qde': QDE(), 'b/two.qde': QDE() }), /contains 2 \.qde files/));
  it('a truncated zip (a real sample cut in half)', () => {
    const bytes = readFileSync(join(SAMPLES, 'qc-demo.qdpx'));
    return refused(write('cut.qdpx', bytes.subarray(0, Math.floor(bytes.length / 2))), /truncated/);
  });
  it('a zip whose end is cut off inside an entry', () => {
    const whole = handZip('project.qde', strToU8(QDE('<Users><User guid="0f8a1907-7e42-4739-8610-a676b4d1b69f" name="x"/></Users>'.repeat(50))));
    // Keep the table of contents but drop bytes of the entry's data: the table then points past the data.
    const damaged = new Uint8Array(whole.length - 40);
    damaged.set(whole.subarray(0, 30 + 11 + 10));
    damaged.set(whole.subarray(whole.length - (damaged.length - 51)), 51);
    return refused(write('damaged.qdpx', damaged), /damaged|truncated/);
  });
  it('XML that is not well-formed, with line and column', () => refused(zipFile('bad-xml.qdpx', { 'project.qde': '<Project name="x"><Users></Project>' }), /not well-formed XML: line 1, column \d+/));
  it('XML with another root element', () => refused(zipFile('other.qdpx', { 'project.qde': '<CodeBook/>' }), /root element is <CodeBook>/));
  it('an XML entity bomb (DOCTYPE with entities)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><Project name="&lol3;"/>`;
    return refused(zipFile('lol.qdpx', { 'project.qde': bomb }), /DOCTYPE or entities/);
  });
  it('an entry whose path climbs out of the archive (../)', () => refused(zipFile('escape.qdpx', { 'project.qde': QDE(), '../../evil.txt': 'x' }), /leaves the archive \("\.\.\/\.\.\/evil\.txt"\)/));
  it('an entry with an absolute path', () => refused(zipFile('absolute.qdpx', { 'project.qde': QDE(), '/etc/evil.txt': 'x' }), /leaves the archive/));
  it('a zip bomb whose header says so: refused before inflating', () =>
    refused(write('bomb.qdpx', handZip('project.qde', new Uint8Array(3 * 1024 * 1024))), /zip bomb/, { limits: { perEntry: 1024 * 1024, total: 4 * 1024 * 1024 } }));
  it('a zip bomb whose header lies about its size: stopped while inflating', () =>
    refused(write('liar.qdpx', handZip('project.qde', new Uint8Array(8 * 1024 * 1024), { declaredSize: 200 })), /zip bomb/, { limits: { perEntry: 1024 * 1024, total: 4 * 1024 * 1024 } }));
  it('a header that lies within the limits is still caught (size differs)', () =>
    refused(write('small-liar.qdpx', handZip('project.qde', strToU8(QDE()), { declaredSize: 10 })), /another size than its header says/));
  it('a .qde nested 300 elements deep, with the line', () =>
    refused(zipFile('deep.qdpx', { 'project.qde': QDE(`\n<Description>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</Description>`) }), /deep\.qdpx: project\.qde is nested too deeply: line 2 opens element level 257; the limit is 256/));
  it('a source entry that unpacks to 100 MB (within a .qdpx of about 300 KB)', () =>
    refused(
      write('source-bomb.qdpx', zipBomb({ 'project.qde': QDE(textSource('internal://a.txt')) }, { path: 'sources/a.txt', head: '', chunk: 'Katrien: ja. ', megabytes: 100, tail: '' })),
      /source-bomb\.qdpx is refused: its entry "sources\/a\.txt" unpacks to more than 64 MB .*zip bomb/,
    ));
  it('a source bomb whose header claims 1 KB', () =>
    refused(
      write('source-liar.qdpx', zipBomb({ 'project.qde': QDE(textSource('internal://a.txt')) }, { path: 'sources/a.txt', head: '', chunk: 'Katrien: ja. ', megabytes: 100, tail: '', declaredSize: 1000 })),
      /source-liar\.qdpx is refused: its entry "sources\/a\.txt" unpacks to more than 64 MB/,
    ));
  it('sources that together unpack beyond the total limit', () => {
    const sources = Object.fromEntries([1, 2, 3].map((n) => [`sources/${n}.txt`, 'Katrien: ja. '.repeat(60_000)]));
    const qde = QDE(`<Sources>${[1, 2, 3].map((n) => `<TextSource guid="${GUID(n)}" name="b${n}" plainTextPath="internal://${n}.txt"/>`).join('')}</Sources>`);
    return refused(zipFile('total.qdpx', { 'project.qde': qde, ...sources }), /total\.qdpx is refused: .*all entries to more than 2 MB/, { limits: { perEntry: 1024 * 1024, total: 2 * 1024 * 1024 } });
  });
  it('an encrypted entry', () => {
    const path = zipFile('locked.qdpx', { 'project.qde': QDE() });
    writeFileSync(path, patchCentral(readFileSync(path), 8, 1));
    return refused(path, /locked\.qdpx is encrypted \(entry "project\.qde"\); export it again without a password\./);
  });
  it('an entry compressed with a method other than deflate', () => {
    const path = zipFile('bzip.qdpx', { 'project.qde': QDE() });
    writeFileSync(path, patchCentral(readFileSync(path), 10, 12));
    return refused(path, /bzip\.qdpx uses a compression method Duiding cannot unpack \(method 12, entry "project\.qde"\)\./);
  });
  it('a ZIP64 archive', () => {
    const path = zipFile('zip64.qdpx', { 'project.qde': QDE() });
    const bytes = readFileSync(path);
    bytes.writeUInt16LE(0xffff, bytes.length - 22 + 10);
    writeFileSync(path, bytes);
    return refused(path, /zip64\.qdpx is a ZIP64 archive/);
  });
  it('a .qde that is not text (binary data)', () => refused(zipFile('binary-qde.qdpx', { 'project.qde': new Uint8Array(4000).map((_, i) => (i * 7919) % 256) }), /binary-qde\.qdpx: project\.qde/));
  it('a .qde that mixes UTF-8 with Windows-1252', () =>
    refused(zipFile('mixed.qdpx', { 'project.qde': Buffer.concat([Buffer.from(QDE('<Description>café').slice(0, -10)), Buffer.from('caf\u00e9</Description></Project>', 'latin1')]) }), /mixed\.qdpx: project\.qde .*mixes encodings/));
  it('an empty .qde inside the zip', () => refused(zipFile('empty-qde.qdpx', { 'project.qde': '' }), /empty-qde\.qdpx: project\.qde is empty: there is no XML in it/));
  it('a FIFO named .qdpx (would block for ever)', () => {
    const path = join(tempDir(), 'pipe.qdpx');
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    return refused(path, /^pipe\.qdpx is a named pipe, not a file; Duiding reads only regular files\.$/);
  });
  it('a .qdpx of 600 MB (sparse): refused before reading', () => {
    const path = join(tempDir(), 'huge.qdpx');
    writeFileSync(path, '');
    truncateSync(path, 600 * 1024 * 1024);
    return refused(path, /^huge\.qdpx is 600\.0 MB; the limit is 512\.0 MB per file\.$/);
  });
  it('into a project that already has documents', async () => {
    const { project } = newSession();
    await importQdpx(project, { path: join(SAMPLES, 'qc-demo.qdpx') });
    const before = snapshot(project);
    await expect(importQdpx(project, { path: join(SAMPLES, 'qc-demo.qdpx') })).rejects.toThrow(
      /qc-demo\.qdpx can only be imported into an empty project, and study\.duiding already has 2 documents, 262 labels/,
    );
    expect(snapshot(project)).toEqual(before);
  });
});

describe('sources outside the archive are reported and skipped, never read', () => {
  const outside = (name: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'geheim.txt'), 'GEHEIM: dit mag nooit in een project komen.');
    return { dir, secret: join(dir, 'geheim.txt'), qdpx: (plainTextPath: string) => { const path = join(dir, name); writeFileSync(path, readFileSync(zipFile(name, { 'project.qde': QDE(textSource(plainTextPath)) }))); return path; } };
  };
  const cases: Array<[string, (secret: string) => string, RegExp]> = [
    ['absolute://', (secret) => `absolute://${secret}`, /lies outside the archive, and Duiding reads sources only from inside the \.qdpx; it was skipped, not read/],
    ['relative://../', () => 'relative://../geheim.txt', /lies outside the archive/],
    ['relative:// beside the .qdpx', () => 'relative://geheim.txt', /lies outside the archive/],
    ['file://', (secret) => `file://${secret}`, /lies outside the archive/],
    ['a malformed %-escape', () => 'internal://%c0%', /its path "internal:\/\/%c0%" is malformed \(a broken %-escape\)/],
    ['absolute:///etc/passwd', () => 'absolute:///etc/passwd', /lies outside the archive/],
  ];
  for (const [title, ref, reason] of cases) {
    it(title, async () => {
      const { qdpx, secret } = outside('outside.qdpx');
      const { project } = newSession();
      const report = await importQdpx(project, { path: qdpx(ref(secret)) });
      expect(report.sources[0]).toMatchObject({ status: 'missing' });
      expect(report.sources[0]!.reason).toMatch(reason);
      expect(report.notImported.join(' ')).toMatch(/1 text source could not be read/);
      const everything = JSON.stringify(snapshot(project));
      expect(everything).not.toContain('GEHEIM');
      expect(everything).not.toContain('root:x:0:0');
    });
  }
});

describe('control characters in a source', () => {
  it('become spaces (positions stay in place) and the report says so', async () => {
    const qde = QDE(`<Sources><TextSource guid="${GUID(1)}" name="bron" plainTextPath="internal://a.txt"><PlainTextSelection guid="${GUID(2)}" name="s" startPosition="6" endPosition="10"/></TextSource></Sources>`);
    const { project } = newSession();
    const report = await importQdpx(project, { path: zipFile('nul.qdpx', { 'project.qde': qde, 'sources/a.txt': 'Hallo\u0000daar en verder' }) });
    expect(report.adapted).toContain('Control characters (such as NUL) in "sources/a.txt" were replaced by spaces, which keeps every position in place.');
    const text = (project.db.prepare('SELECT text FROM turns ORDER BY position').pluck().all() as string[]).join('\n');
    expect(text).toBe('Hallo daar en verder');
  });
});
