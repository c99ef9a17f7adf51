import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../../src/main/core/db/lock.ts';
import { dispatch } from '../../src/main/core/handlers.ts';
import { Session } from '../../src/main/core/session.ts';
import { snapshot, tempDir } from '../support/temp.ts';

const BIN = join(import.meta.dirname, '../../bin/duiding.js');

/** Every row of the project, read read-only (no lock taken). */
function rowsOf(file: string) {
  const session = new Session('reader');
  try {
    return snapshot(session.open(file, true));
  } finally {
    session.close();
  }
}

describe('Ctrl+C on a long command', () => {
  it('an interrupted batch import exits 130, leaves the project exactly as it was and no lock behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.duiding');
    const session = new Session('hanne');
    session.create(file, 'Onderbroken');
    await dispatch(session, 'labels/create', { name: 'begeleiding' });
    session.close();
    const before = rowsOf(file);
    // Some forty transcripts of 400 KB: the batch takes the CLI seconds.
    const turn = (i: number) => `${i % 2 ? 'Interviewer' : 'Katrien'}: ${'de leerlingenbegeleiding vraagt overleg met collega’s en ouders '.repeat(6)}${i}\n\n`;
    const files = Array.from({ length: 40 }, (_, f) => {
      const path = join(dir, `interview-${f}.txt`);
      writeFileSync(path, `${f}\n\n${Array.from({ length: 1000 }, (_, i) => turn(i)).join('')}`);
      return path;
    });

    const child = spawn(process.execPath, [BIN, 'import', file, ...files], { env: { ...process.env, DUIDING_CODER: 'hanne' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // The lock appears when the CLI has opened the project; the import starts right after.
    const started = Date.now();
    while (!existsSync(lockPathFor(file)) && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill('SIGINT');
    const code = await exited;

    expect(stderr).toMatch(/^Cancelled: documents\/import stopped and nothing of it was written\.\n$/);
    expect(code).toBe(130);
    expect(existsSync(lockPathFor(file))).toBe(false);
    expect(rowsOf(file)).toEqual(before);
  }, 60_000);
});
