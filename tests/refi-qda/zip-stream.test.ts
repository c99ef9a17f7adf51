import { unzipSync, Zip } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ZipNativeDeflate } from '../../src/main/core/refi-qda/zip.ts';
import { openZip } from '../../src/main/core/refi-qda/zip.ts';

describe('a zip entry deflated by zlib chunk by chunk (issue 19)', () => {
  it('joins its sync-flushed pieces into one stream that fflate and our own reader unpack whole', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const text = Array.from({ length: 5000 }, (_, i) => `<Coding guid="${i}"/> ë ✎ 𝄞\n`).join('');
    const bytes = new TextEncoder().encode(text);
    const entry = new ZipNativeDeflate('project.qde');
    zip.add(entry);
    // Three pieces, the last one empty and final, as the export pushes its spooled body.
    entry.push(bytes.subarray(0, 40_000));
    entry.push(bytes.subarray(40_000));
    entry.push(new Uint8Array(0), true);
    const small = new ZipNativeDeflate('sources/a.txt');
    zip.add(small);
    small.push(new TextEncoder().encode('kort'), true);
    zip.end();
    const whole = Buffer.concat(chunks);
    const files = unzipSync(whole);
    expect(new TextDecoder().decode(files['project.qde'])).toBe(text);
    expect(new TextDecoder().decode(files['sources/a.txt'])).toBe('kort');
    const reader = openZip('x.qdpx', whole);
    expect(new TextDecoder().decode(reader.read(reader.entries.find((e) => e.path === 'project.qde')!))).toBe(text);
  });
});
