/**
 * `duiding remove`, `duiding backups` and `duiding copy` (issue 24), through the CLI's own entry point
 * in this process (a spawn per command costs seconds on a loaded machine; cli.test.ts runs the bin).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/hosts/cli/main.ts';
import { tempDir } from '../support/temp.ts';

async function duiding(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(`${t}\n`), stderr: (t) => err.push(`${t}\n`) }, { DUIDING_CODER: 'cli-tester' });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

async function study() {
  const dir = tempDir();
  const file = join(dir, 'studie.duiding');
  writeFileSync(join(dir, 'deelnemers.csv'), 'naam\nLies Wauters\nTom Peeters\n');
  writeFileSync(join(dir, 'lies.txt'), 'Interviewer: Hoe gaat het?\nLies Wauters: Het gaat over de kameleonplanning.\n');
  writeFileSync(join(dir, 'tom.txt'), 'Interviewer: En bij jou?\nTom Peeters: Rustig, dank je.\n');
  expect((await duiding('new', file)).code).toBe(0);
  expect((await duiding('import', file, join(dir, 'deelnemers.csv'), join(dir, 'lies.txt'), join(dir, 'tom.txt'))).code).toBe(0);
  expect((await duiding('autocode', file, '--label', 'Planning', '--text', 'kameleonplanning')).code).toBe(0);
  return { dir, file };
}

describe('duiding remove, backups and copy', async () => {
  it('remove --dry-run --json prints what goes and changes nothing; remove withdraws, and after the command nothing of it is in the file', async () => {
    const { file } = await study();
    const dry = await duiding('remove', file, '--participant', 'lies wauters', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, applied: false, target: { kind: 'participant', name: 'Lies Wauters' }, documents: [{ name: 'lies' }], segments: 1, codings: 1, emptiedLabels: ['Planning'] });
    expect(JSON.parse((await duiding('info', file, '--json')).stdout)).toMatchObject({ documents: 2, participants: 2, codings: 1 });

    const done = await duiding('remove', file, '--participant', 'Lies Wauters');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Participant "Lies Wauters":\n  document "lies" goes whole\n');
    expect(done.stdout).toContain('Removed. What went is purged from studie.duiding as this command ends');
    expect(JSON.parse((await duiding('info', file, '--json')).stdout)).toMatchObject({ documents: 1, participants: 1, codings: 0 });
    const bytes = readFileSync(file);
    for (const form of ['kameleonplanning', 'Lies Wauters']) {
      expect(bytes.includes(Buffer.from(form, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(form, 'utf16le'))).toBe(false);
    }
  });

  it('remove --document removes one transcript; wrong options exit 2, an unknown name exits 1', async () => {
    const { file } = await study();
    expect((await duiding('remove', file, '--document', 'tom', '--json')).code).toBe(0);
    expect(JSON.parse((await duiding('info', file, '--json')).stdout)).toMatchObject({ documents: 1, participants: 2 });
    expect((await duiding('remove', file)).code).toBe(2);
    expect((await duiding('remove', file, '--document', 'a', '--participant', 'b')).stderr).toMatch(/^Give exactly one of --document NAME or --participant NAME\./);
    const unknown = await duiding('remove', file, '--participant', 'Niemand');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('There is no participant "Niemand"; the participants are: Lies Wauters, Tom Peeters.\n');
  });

  it('backups lists, copy writes a project that opens, and a restore of an unknown backup names the ones there are', async () => {
    const { dir, file } = await study();
    const listed = await duiding('backups', file, '--json');
    expect(listed.code).toBe(0);
    const { entries } = JSON.parse(listed.stdout) as { entries: Array<{ id: string }> };
    expect(entries.length).toBeGreaterThan(0);
    expect((await duiding('backups', file)).stdout).toContain(`Backups of ${file} in ${join(dir, 'studie backups')}:`);
    const copy = join(dir, 'kopie.duiding');
    expect((await duiding('copy', file, copy)).stdout).toMatch(/^Wrote .*kopie\.duiding \(\d[\d,]* bytes\)\.\n$/);
    expect(JSON.parse((await duiding('info', copy, '--json')).stdout)).toMatchObject({ documents: 2, codings: 1 });
    expect((await duiding('copy', file, join(dir, 'kopie.txt'))).stderr).toMatch(/^kopie\.txt does not end in \.duiding/);
    const wrong = await duiding('backups', file, '--restore', '2000-01-01T00-00-00-000Z');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`There is no backup "2000-01-01T00-00-00-000Z" of studie.duiding; the backups are: ${entries.map((e) => e.id).join(', ')}.`);
  });
});
