/**
 * Backups that restore, and a safe copy at any moment (issue 24).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupFolder, keptBackups, listBackups } from '../../src/main/core/backups/backups.ts';
import { backupsIdle } from '../../src/main/core/backups/scheduler.ts';
import { storageWarning } from '../../src/main/core/backups/synced.ts';
import { call } from '../../src/main/core/handlers.ts';
import { Session } from '../../src/main/core/session.ts';
import { runCli } from '../../src/main/hosts/cli/main.ts';
import { DEFAULT_BACKUP_POLICY } from '../../src/shared/protect.ts';
import { caller } from './analysis-fixture.ts';
import { FIXTURES, newSession, tempDir } from '../support/temp.ts';

const ROOT = join(import.meta.dirname, '../..');

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, { DUIDING_CODER: 'hanne' }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

/** Every table of a project file, every row as SQLite quotes it, sorted. */
function everyTable(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((t) => {
        const columns = (db.prepare(`PRAGMA table_info("${t}")`).all() as Array<{ name: string }>).map((c) => `quote("${c.name}")`);
        const rows = columns.length ? (db.prepare(`SELECT ${columns.join(" || '|' || ")} FROM "${t}"`).pluck().all() as string[]) : [];
        return [t, rows.sort()];
      }),
    );
  } finally {
    db.close();
  }
}

async function codedStudy(codings: number) {
  const s = newSession('hanne');
  const c = caller(s.session);
  await c('documents/import', { files: [{ path: join(FIXTURES, 'transcripts', readdirSync(join(FIXTURES, 'transcripts')).find((f) => f.endsWith('.txt'))!) }] });
  const [doc] = await c('documents/list', {});
  const label = await c('labels/create', { name: 'Zorg' });
  for (let i = 0; i < codings; i++) await c('codings/apply', { documentId: doc!.id, start: i * 3, end: i * 3 + 2, labelId: label.id });
  return { ...s, c };
}

describe('backups', () => {
  it('restores the latest backup of a corrupted project with every committed coding, every table equal', async () => {
    const s = await codedStudy(120);
    s.session.close();
    const expected = everyTable(s.path);
    expect(expected.codings).toHaveLength(120);
    expect(listBackups(s.path).length).toBeGreaterThanOrEqual(1);
    // Corrupt the file: garbage over pages in its middle.
    const size = statSync(s.path).size;
    const fd = openSync(s.path, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const broken = new Database(s.path, { readonly: true });
    expect(() => {
      const check = broken.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    }).toThrow();
    broken.close();

    const restored = await cli(['backups', s.path, '--restore', 'latest']);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/^Restored .* from backup latest \(1 document, 120 codings\)\. The damaged file was kept as .*\.damaged-/);
    expect(everyTable(s.path)).toEqual(expected);
  });

  it('are made at the first write after opening and at close, not by read-only commands, and listed by `duiding backups`', async () => {
    const s = await codedStudy(1);
    await new Promise((done) => setImmediate(done));
    // Made in its own thread (scheduler.ts): the first write's backup is ready once it answers.
    await backupsIdle(s.project);
    const first = listBackups(s.path);
    expect(first).toHaveLength(1);
    // Within the interval no other backup is made; closing after a write makes one.
    await s.c('labels/create', { name: 'Nog een' });
    await new Promise((done) => setImmediate(done));
    await backupsIdle(s.project);
    expect(listBackups(s.path)).toHaveLength(1);
    s.session.close();
    const closed = listBackups(s.path);
    expect(closed.length).toBe(2);
    for (const args of [['info', s.path], ['search', s.path, 'school'], ['export', s.path, '--report', 'codebook', '--format', 'md', '--out', join(s.dir, 'c.md')]]) {
      expect((await cli(args)).code).toBe(0);
    }
    expect(listBackups(s.path)).toEqual(closed);
    const listed = await cli(['backups', s.path, '--json']);
    expect(JSON.parse(listed.out)).toMatchObject({ folder: backupFolder(s.path), entries: closed, warning: null });
    // Each is a project that passes integrity_check.
    for (const entry of closed) {
      const db = new Database(join(backupFolder(s.path), `${entry.id}.duiding`), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT COUNT(*) FROM change_rows').pluck().get()).toBe(0);
      db.close();
    }
  });

  it('restores from the app: the project reopens as the backup was, and the state it replaced is backed up first', async () => {
    const s = await codedStudy(3);
    await new Promise((done) => setImmediate(done));
    await backupsIdle(s.project);
    const [first] = listBackups(s.path);
    await s.c('labels/create', { name: 'Na de backup' });
    const list = await s.c('backups/restore', { id: first!.id });
    expect(s.session.project.db.prepare("SELECT COUNT(*) FROM labels WHERE name = 'Na de backup'").pluck().get()).toBe(0);
    expect(list.entries.length).toBeGreaterThanOrEqual(2);
    const newest = new Database(join(backupFolder(s.path), `${list.entries[0]!.id}.duiding`), { readonly: true });
    expect(newest.prepare("SELECT COUNT(*) FROM labels WHERE name = 'Na de backup'").pluck().get()).toBe(1);
    newest.close();
    await expect(s.c('backups/restore', { id: '2000-01-01T00-00-00-000Z' })).rejects.toThrow(/There is no backup "2000-01-01T00-00-00-000Z"/);
  });

  it('keep the latest few of today and one a day for a week', () => {
    const now = new Date('2026-12-05T15:00:00');
    const at = (iso: string) => ({ id: iso, at: new Date(iso).toISOString(), bytes: 1 });
    const entries = [
      ...['14:00', '13:00', '12:00', '11:00', '10:00', '09:00', '08:00'].map((t) => at(`2026-12-05T${t}:00`)),
      at('2026-12-04T18:00:00'),
      at('2026-12-04T09:00:00'),
      at('2026-11-28T10:00:00'),
      at('2026-11-20T10:00:00'),
    ].map((e, i) => ({ ...e, id: String(100 - i) }));
    const kept = keptBackups(entries, DEFAULT_BACKUP_POLICY, now);
    // Today's five latest, the latest of 4 December, and 28 November (seven days back); not 20 November.
    expect([...kept].sort()).toEqual(['100', '99', '98', '97', '96', '93', '91'].sort());
  });

  it('warn when the project lies in a synced folder or on a network drive', () => {
    expect(storageWarning('/home/an/OneDrive - KU Leuven/Onderzoek/study.duiding', 'linux', '')).toEqual({ kind: 'synced', service: 'OneDrive' });
    expect(storageWarning('C:\\Users\\an\\Dropbox\\study.duiding', 'win32')).toEqual({ kind: 'synced', service: 'Dropbox' });
    expect(storageWarning('/Users/an/Library/Mobile Documents/com~apple~CloudDocs/study.duiding', 'darwin')).toEqual({ kind: 'synced', service: 'iCloud' });
    expect(storageWarning('/Users/an/Google Drive/My Drive/study.duiding', 'darwin')).toEqual({ kind: 'synced', service: 'Google Drive' });
    expect(storageWarning('\\\\server\\share\\study.duiding', 'win32')).toEqual({ kind: 'network', service: 'a network share' });
    const mounts = 'sysfs /sys sysfs rw 0 0\n/dev/sda1 / ext4 rw 0 0\n//nas/onderzoek /mnt/nas cifs rw 0 0\n';
    expect(storageWarning('/mnt/nas/study.duiding', 'linux', mounts)).toEqual({ kind: 'network', service: 'cifs' });
    expect(storageWarning('/home/an/Documenten/study.duiding', 'linux', mounts)).toBeNull();
    // Said when the project opens (the CLI prints it before a writing command).
    const folder = join(tempDir(), 'OneDrive - KU Leuven');
    mkdirSync(folder);
    const session = new Session('hanne');
    const project = session.create(join(folder, 'studie.duiding'));
    expect(project.notices).toEqual(["studie.duiding lies in a folder kept by OneDrive: a sync or network copy can damage an open project. Keep projects on this computer's own disk."]);
    session.close();
  });
});

describe('a safe copy', () => {
  it('while a writer streams codings, every copy opens and holds every coding committed before it started', async () => {
    const dir = tempDir();
    const path = join(dir, 'stroom.duiding');
    const setup = new Session('hanne');
    setup.create(path);
    setup.close();
    const writer = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/support/coding-writer.ts'), path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    let errors = '';
    writer.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/^ack (\d+)$/gm)) acked = Math.max(acked, Number(m[1]));
    });
    writer.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    try {
      const deadline = Date.now() + 60_000;
      while (acked < 20 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
      expect(errors).toBe('');
      expect(acked).toBeGreaterThanOrEqual(20);
      const results: Array<{ before: number; held: number; integrity: string; wal: boolean }> = [];
      for (let i = 0; i < 5; i++) {
        const before = acked;
        const out = join(dir, `kopie-${i}.duiding`);
        if (i % 2 === 0) {
          const reader = new Session('hanne');
          reader.open(path, true);
          try {
            await call(reader, 'project/copy', { out });
          } finally {
            reader.close();
          }
        } else {
          const done = await cli(['copy', path, out]);
          expect(done.err).toBe('');
          expect(done.code).toBe(0);
        }
        const copy = new Database(out, { readonly: true });
        results.push({
          before,
          held: copy.prepare('SELECT COUNT(*) FROM codings').pluck().get() as number,
          integrity: copy.pragma('integrity_check', { simple: true }) as string,
          wal: existsSync(`${out}-wal`),
        });
        copy.close();
        await new Promise((done) => setTimeout(done, 30));
      }
      for (const r of results) {
        expect(r.integrity).toBe('ok');
        expect(r.wal).toBe(false);
        expect(r.held).toBeGreaterThanOrEqual(r.before);
      }
      // The writer went on meanwhile: the copies are of a live project.
      expect(acked).toBeGreaterThan(results[0]!.before);
    } finally {
      writer.kill();
    }
    // Each copy is in the audit as an export.
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) FROM export_log WHERE action = 'project/copy'").pluck().get()).toBe(5);
    db.close();
  }, 120_000);
});
