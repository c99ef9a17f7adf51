/**
 * `duiding names` and `duiding pseudonymise` (issue 23), run as a user runs them, and the start-up
 * promise: `--help` and `info` never read the word lists, which only `names` needs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordListsLoaded } from '../../src/main/core/pseudonymise/dictionary.ts';
import { runCli } from '../../src/main/hosts/cli/main.ts';
import { pageGuard } from '../../src/main/hosts/guard.ts';
import { FIXTURES, tempDir } from '../support/temp.ts';

const BIN = join(import.meta.dirname, '../../bin/duiding.js');

function duiding(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DUIDING_CODER: 'cli-tester' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('duiding names and pseudonymise', () => {
  it('names --json, a dry run that changes nothing, the run, and the names gone from search and from the file', () => {
    const dir = tempDir();
    const file = join(dir, 'studie.duiding');
    expect(duiding('new', file).code).toBe(0);
    writeFileSync(join(dir, 'gesprek.txt'), 'Interviewer: Hoe gaat het met Geert Van Damme?\nLies: Goed. Geert Van Damme werkt op het Sint-Victorcollege.\n');
    expect(duiding('import', file, join(dir, 'gesprek.txt')).code).toBe(0);

    const names = duiding('names', file, '--json');
    expect(names.code).toBe(0);
    const found = JSON.parse(names.stdout) as { names: Array<{ name: string; count: number; documents: string[] }> };
    expect(found.names).toEqual(
      expect.arrayContaining([
        { name: 'Geert Van Damme', count: 2, documents: ['gesprek'] },
        { name: 'Sint-Victorcollege', count: 1, documents: ['gesprek'] },
      ]),
    );

    const list = join(dir, 'namen.csv');
    writeFileSync(list, 'name,pseudonym\nGeert Van Damme,NN\nSint-Victorcollege,school A\n');
    const before = readFileSync(file);
    const dry = duiding('pseudonymise', file, '--pseudonyms', list, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, applied: false, total: 3, documents: [{ name: 'gesprek', replacements: [{ name: 'Geert Van Damme', pseudonym: 'NN', count: 2 }, { name: 'Sint-Victorcollege', pseudonym: 'school A', count: 1 }] }] });
    expect(readFileSync(file).equals(before)).toBe(true);

    const run = duiding('pseudonymise', file, '--pseudonyms', list);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gesprek: Geert Van Damme → NN ×2, Sint-Victorcollege → school A ×1');
    expect(run.stdout).toContain('Made 3 replacements.');
    expect(run.stderr).toContain('1/1 gesprek');
    expect(JSON.parse(duiding('search', file, 'Damme', '--json').stdout)).toMatchObject({ total: 0 });
    expect(readFileSync(file).includes('Damme')).toBe(false);
    expect(JSON.parse(duiding('names', file, '--json').stdout).names.map((n: { name: string }) => n.name)).not.toContain('Geert Van Damme');
  }, 60_000);

  it('refuses a missing --pseudonyms (exit 2) and a list it cannot read (exit 1), writing nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'studie.duiding');
    duiding('new', file);
    expect(duiding('pseudonymise', file)).toMatchObject({ code: 2, stderr: expect.stringContaining('--pseudonyms LIST.csv is required') });
    writeFileSync(join(dir, 'leeg.csv'), 'name,pseudonym\nAlleen een naam\n');
    expect(duiding('pseudonymise', file, '--pseudonyms', join(dir, 'leeg.csv'))).toMatchObject({ code: 1, stderr: expect.stringContaining('leeg.csv, row 2: each row needs a name and a pseudonym') });
  }, 60_000);

  it('a page may not have a pseudonym list written to a path it names (it downloads the list)', () => {
    const guard = pageGuard({ dir: tempDir() });
    expect(() => guard('names/accept', { name: 'A', pseudonym: 'B', out: '/tmp/elders.csv' })).toThrow(/paths on the computer are not accepted/);
    expect(() => guard('pseudonyms/apply', { list: { path: '/tmp/namen.csv' } })).toThrow(/paths on the computer are not accepted/);
    expect(guard('names/accept', { name: 'A', pseudonym: 'B', list: { name: 'n.csv', base64: '' } })).toMatchObject({ name: 'A' });
  });

  it('`--help` and `info` never load the word lists; `names` does', async () => {
    const dir = tempDir();
    const file = join(dir, 'studie.duiding');
    const quiet = { stdout: () => {}, stderr: () => {} };
    expect(await runCli(['new', file], quiet)).toBe(0);
    await runCli(['import', file, join(FIXTURES, 'transcripts', 'interview-03-tso.srt')], quiet);
    expect(await runCli(['--help'], quiet)).toBe(0);
    expect(await runCli(['info', file], quiet)).toBe(0);
    expect(wordListsLoaded()).toBe(false);
    expect(await runCli(['names', file], quiet)).toBe(0);
    expect(wordListsLoaded()).toBe(true);
  }, 60_000);
});
