import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importQdpx } from '../../src/main/core/interchange/import-qdpx.ts';
import { newSession, snapshot, tempDir } from '../support/temp.ts';
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
  const before = snapshot(project);
  const error = await importQdpx(project, { path }, options).then(
    () => null,
    (e: Error) => e,
  );
  expect(error, 'the import should have been refused').not.toBeNull();
  expect(error!.name).toBe('DuidingError');
  expect(error!.message).toContain(path.slice(path.lastIndexOf('/') + 1));
  expect(error!.message).toMatch(problem);
  expect(snapshot(project)).toEqual(before);
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
