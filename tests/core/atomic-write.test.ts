import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/main/core/files/atomic-write.ts';

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-atomic-'));
    const path = join(dir, 'rapport.docx');
    writeFileAtomic(path, new TextEncoder().encode('inhoud'));
    expect(readFileSync(path, 'utf8')).toBe('inhoud');
    expect(readdirSync(dir)).toEqual(['rapport.docx']);
  });

  it('on a full disk: says so, removes the temporary file and keeps the old file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-atomic-'));
    const path = join(dir, 'rapport.docx');
    writeFileSync(path, 'oude versie');
    let calls = 0;
    const full = {
      ...fs,
      writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => {
        // The first chunk lands, then the disk is full: a half-written temporary file exists.
        if (calls++ === 0) return writeSync(fd, data, offset, Math.min(length, 3));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    expect(() => writeFileAtomic(path, new TextEncoder().encode('nieuwe versie'), full)).toThrow(
      'Could not write rapport.docx: the disk is full. Nothing was written.',
    );
    expect(readdirSync(dir)).toEqual(['rapport.docx']);
    expect(readFileSync(path, 'utf8')).toBe('oude versie');
  });

  it('names a folder that does not exist', () => {
    const path = join(tmpdir(), 'duiding-no-such-folder', 'x', 'rapport.md');
    expect(() => writeFileAtomic(path, new Uint8Array([65]))).toThrow('Could not write rapport.md: its folder does not exist.');
    expect(existsSync(path)).toBe(false);
  });
});
