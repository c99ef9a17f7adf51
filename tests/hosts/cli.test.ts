import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../../src/main/core/db/lock.ts';
import { FIXTURES, tempDir } from '../support/temp.ts';

const BIN = join(import.meta.dirname, '../../bin/duiding.js');
const CRASH = join(import.meta.dirname, 'support/crash-on-signal.mjs');

/** Runs the real `duiding` command in a child process, as a user would. */
function duiding(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DUIDING_CODER: 'cli-tester' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('duiding CLI', () => {
  it('new → import → info → search, with JSON output', () => {
    const file = join(tempDir(), 'studie.duiding');
    expect(duiding('new', file, '--title', 'LLB jaar 1')).toMatchObject({ code: 0, stdout: `Created ${file} (project "LLB jaar 1").\n` });

    const imported = duiding('import', file, join(FIXTURES, 'participants.csv'), join(FIXTURES, 'transcripts'), '--pseudonyms', join(FIXTURES, 'pseudonyms.csv'));
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('✓ participants.csv: 6 new and 0 updated participants; attributes: schooltype (text), net (text), school (text), rol (text), jaren ervaring (number), voltijds (boolean), kritische case (boolean)');
    expect(imported.stdout).toMatch(/✓ interview-04-kso\.txt → "interview-04-kso": 102 turns, [\d,]+ words; speakers: Hanne Claeys, L\.D\.S\.; participant L\.D\.S\./);
    expect(imported.stdout).toContain('Imported 6, skipped 0, failed 0.');

    const info = duiding('info', file, '--json');
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({ title: 'LLB jaar 1', documents: 6, participants: 6, labels: 0, segments: 0, codings: 0, concepts: 0, learningQuestions: 0, tensions: 0 });
    expect(parsed.words).toBeGreaterThan(6 * 2500);

    const search = duiding('search', file, 'brede', 'basiszorg', '--limit', '2');
    expect(search.code).toBe(0);
    expect(search.stdout).toMatch(/^\d+ turns match "brede basiszorg" \(showing 2\):/);
    expect(search.stdout).toMatch(/\[brede\] \[basiszorg\]/);

    const json = JSON.parse(duiding('search', file, "collega's", '--json').stdout) as { total: number; hits: unknown[] };
    expect(json.total).toBeGreaterThan(0);

    const changes = duiding('import', file, join(FIXTURES, 'transcripts', 'interview-03-tso.srt'));
    expect(changes.code).toBe(1);
    expect(changes.stderr).toBe('✗ interview-03-tso.srt was already imported as "interview-03-tso" (same content). Use --on-duplicate skip to leave it out or --on-duplicate add to import it again.\n');
  });

  it('exits 1 naming the file when a file in the batch is bad, and still imports the rest', () => {
    const dir = tempDir();
    const file = join(dir, 'p.duiding');
    duiding('new', file);
    writeFileSync(join(dir, 'leeg.txt'), '');
    const result = duiding('import', file, join(dir, 'leeg.txt'), join(FIXTURES, 'transcripts', 'interview-02-aso.vtt'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('✗ leeg.txt is empty (0 bytes).\n');
    expect(result.stdout).toContain('Imported 1, skipped 0, failed 1.');
  });

  it('exits 2 for wrong options, listing the valid ones', () => {
    const file = join(tempDir(), 'p.duiding');
    duiding('new', file);
    const unknownCommand = duiding('frobnicate');
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('Unknown command "frobnicate". Valid commands: new, import, info, search, autocode, pseudonymise, names, remove, backups, merge, copy, export, speakers, scales, agreement, serve.');
    const badChoice = duiding('import', file, 'x.txt', '--on-duplicate', 'maybe');
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toContain('--on-duplicate must be one of: skip, add, fail (got "maybe").');
    expect(badChoice.stderr).toContain('Usage: duiding import FILE PATH…');
    const unknownOption = duiding('search', file, 'x', '--fuzzy');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--fuzzy'");
    expect(duiding('import', file).code).toBe(2);
    expect(duiding('search', file, 'x', '--limit', 'veel').code).toBe(2);
  });

  it('exits 1 with the reason for a file that is not a project, and for a missing one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tekst.duiding'), 'hallo');
    expect(duiding('info', join(dir, 'tekst.duiding'))).toMatchObject({ code: 1, stderr: 'tekst.duiding is not a Duiding project (it is not an SQLite database).\n' });
    expect(duiding('info', join(dir, 'nergens.duiding'))).toMatchObject({ code: 1, stderr: 'nergens.duiding does not exist.\n' });
  });

  it('refuses writes while another running process holds the lock, naming it; info and search still work', async () => {
    const file = join(tempDir(), 'p.duiding');
    duiding('new', file);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(lockPathFor(file), JSON.stringify({ pid: holder.pid, host: hostname(), user: 'sofie', since: '2026-11-22T09:00:00.000Z' }));
      const refused = duiding('import', file, join(FIXTURES, 'transcripts', 'interview-02-aso.vtt'));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `p.duiding is open for writing by another Duiding (process ${holder.pid} on this computer, since 2026-11-22T09:00:00.000Z). Close it there first; read-only commands (info, search) still work.\n`,
      );
      expect(duiding('info', file).code).toBe(0);
      expect(duiding('search', file, 'zorg').code).toBe(0);
    } finally {
      holder.kill();
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    const takeOver = duiding('import', file, join(FIXTURES, 'transcripts', 'interview-02-aso.vtt'));
    expect(takeOver.code).toBe(0);
    expect(takeOver.stderr).toMatch(/^notice: Took over a stale lock on p\.duiding: another Duiding \(process \d+ on this computer, since .+\) is no longer running\.\n$/);
  });

  it('serve FILE prints a 127.0.0.1 address with a token, answers on it, and stops on SIGTERM', async () => {
    const file = join(tempDir(), 'p.duiding');
    duiding('new', file, '--title', 'Gedeeld');
    const child = spawn(process.execPath, [BIN, 'serve', file], { env: { ...process.env, DUIDING_CODER: 'cli-tester' } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    await expect.poll(() => out, { timeout: 15_000 }).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/);
    const url = new URL(/Open (\S+)/.exec(out)![1]!);
    const reply = await fetch(new URL('/api/call/project/current', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-duiding-token': url.searchParams.get('token')! },
      body: '{}',
    });
    expect(await reply.json()).toMatchObject({ ok: true, result: { title: 'Gedeeld' } });
    const refused = await fetch(new URL('/api/call/project/current', url), { method: 'POST', body: '{}' });
    expect(refused.status).toBe(401);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(duiding('import', file, join(FIXTURES, 'transcripts', 'interview-02-aso.vtt')).code).toBe(0);
  });

  it('serve closes the project (no lock, no -wal left) when a bug in the server stops it', async () => {
    // A bug in the server's thread (an exception, a rejection), and one in the core's worker thread.
    for (const signal of ['SIGUSR2', 'SIGHUP', 'worker'] as const) {
      const dir = tempDir();
      const file = join(dir, 'p.duiding');
      const trigger = join(dir, 'crash-now');
      duiding('new', file);
      const child = spawn(process.execPath, ['--import', CRASH, BIN, 'serve', file], { env: { ...process.env, DUIDING_CODER: 'cli-tester', DUIDING_TEST_CRASH_FILE: trigger } });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      await expect.poll(() => out, { timeout: 15_000 }).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\//);
      const url = new URL(/Open (\S+)/.exec(out)![1]!);
      const created = await fetch(new URL('/api/call/labels/create', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-duiding-token': url.searchParams.get('token')! },
        body: JSON.stringify({ name: 'vóór de fout' }),
      });
      expect(created.status).toBe(200);
      // The project is open for writing, with a write in its -wal: both are on disk now.
      expect(existsSync(lockPathFor(file))).toBe(true);
      expect(existsSync(`${file}-wal`)).toBe(true);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      if (signal === 'worker') writeFileSync(trigger, '');
      else child.kill(signal);
      expect(await exited, err).toBe(70);
      expect(err).toMatch(/^Internal error \(please report it\): Error: a (bug|forgotten promise) in the (server|core) \(test\)/);
      expect(err).toContain(`Duiding stopped; ${file} was closed and can be opened again.`);
      expect(existsSync(lockPathFor(file)), signal).toBe(false);
      expect(existsSync(`${file}-wal`), signal).toBe(false);
      expect(duiding('import', file, join(FIXTURES, 'transcripts', 'interview-02-aso.vtt')).stderr).toBe('');
      expect(JSON.parse(duiding('info', file, '--json').stdout)).toMatchObject({ labels: 1, documents: 1 });
    }
  }, 240_000);

  it('autocode codes every hit on the fixtures and says how many segments', () => {
    const file = join(tempDir(), 'p.duiding');
    duiding('new', file);
    duiding('import', file, join(FIXTURES, 'participants.csv'), join(FIXTURES, 'transcripts'), '--pseudonyms', join(FIXTURES, 'pseudonyms.csv'));
    const first = duiding('autocode', file, '--label', 'CLB', '--regex', '\\bCLB\\b', '--scope', 'match', '--speakers', 'all');
    expect(first.code).toBe(0);
    const match = /^Coded (\d+) segments with "CLB" \((\d+) hits in 6 documents\)\.\n$/.exec(first.stdout);
    expect(match, first.stdout).not.toBeNull();
    expect(match![1]).toBe(match![2]);
    const again = JSON.parse(duiding('autocode', file, '--label', 'CLB', '--regex', '\\bCLB\\b', '--scope', 'match', '--speakers', 'all', '--json').stdout) as { coded: number; hits: number };
    expect(again).toMatchObject({ coded: 0, hits: Number(match![2]) });
    const speaker = duiding('autocode', file, '--label', 'interviewvragen', '--speaker', 'Interviewer', '--scope', 'match', '--speakers', 'all', '--coder', 'bo');
    expect(speaker.stdout).toMatch(/^Coded \d+ segments with "interviewvragen" \(\d+ hits in 3 documents\)\.\n$/);
    const info = JSON.parse(duiding('info', file, '--json').stdout) as Record<string, number>;
    expect(info.labels).toBe(2);
    expect(info.codings).toBeGreaterThan(Number(match![1]));
    expect(duiding('autocode', file, '--label', 'x').code).toBe(2);
    expect(duiding('autocode', file, '--label', 'x', '--text', 'a', '--regex', 'b').stderr).toContain('Give exactly one of --text, --regex or --speaker.');
    expect(duiding('autocode', file, '--label', 'x', '--regex', '(')).toMatchObject({ code: 2 });
  });
});
