/**
 * The backup thread starts from the command line's bundle too (dist/cli/snapshot-thread.js, beside
 * the chunk that starts it): `duiding serve FILE` makes the first write's backup while it answers.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupFolder } from '../../src/main/core/backups/backups.ts';
import { Session } from '../../src/main/core/session.ts';
import { tempDir } from '../support/temp.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/duiding.js');

describe('the backup thread in the command line bundle', () => {
  it('serve FILE makes the backup after a write in its thread, answering meanwhile, before it is stopped', async () => {
    const dir = tempDir();
    const file = join(dir, 'studie.duiding');
    const setup = new Session('hanne');
    setup.create(file);
    setup.close();
    const child = spawn(process.execPath, [BIN, 'serve', file, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DUIDING_CODER: 'hanne' } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const backups = () => (existsSync(backupFolder(file)) ? readdirSync(backupFolder(file)).filter((f) => /^\d.*\.duiding$/.test(f)) : []);
    try {
      const [origin, token] = await new Promise<[string, string]>((found, failed) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([^\s&]+)/.exec(stdout);
          if (m) found([m[1]!, m[2]!]);
        });
        child.once('exit', (code) => failed(new Error(`serve ended with ${code}: ${stderr}`)));
      });
      const call = async (name: string, args: unknown) => {
        const response = await fetch(`${origin}/api/call/${name}`, { method: 'POST', headers: { 'x-duiding-token': token, 'content-type': 'application/json' }, body: JSON.stringify(args) });
        return (await response.json()) as { ok: boolean };
      };
      expect(await call('labels/create', { name: 'Zorg' })).toMatchObject({ ok: true });
      let answered = 0;
      const until = Date.now() + 30_000;
      while (backups().length === 0 && Date.now() < until) {
        expect(await call('documents/list', {})).toMatchObject({ ok: true });
        answered++;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(backups(), stderr).toHaveLength(1);
      expect(answered).toBeGreaterThan(0);
      expect(stderr).not.toMatch(/backup/i);
    } finally {
      child.kill('SIGINT');
      await new Promise((done) => child.once('exit', done));
    }
    const copy = new Database(join(backupFolder(file), backups()[0]!), { readonly: true });
    expect(copy.prepare("SELECT COUNT(*) FROM labels WHERE name = 'Zorg'").pluck().get()).toBe(1);
    copy.close();
  }, 90_000);
});
