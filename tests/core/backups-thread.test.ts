/**
 * Backups made off the core's thread (issues 16 and 28): at size L a backup took seconds on the
 * core's thread, and every other caller waited behind it. Real project files, a real worker thread.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupFolder, listBackups } from '../../src/main/core/backups/backups.ts';
import { backupsIdle, PAUSE_MS } from '../../src/main/core/backups/scheduler.ts';
import { Session } from '../../src/main/core/session.ts';
import { caller } from './analysis-fixture.ts';
import { FIXTURES, tempDir } from '../support/temp.ts';

const TRANSCRIPT = join(FIXTURES, 'transcripts', 'interview-04-kso.txt');

/**
 * A project padded to about `mb` MB (a table of random bytes beside Duiding's own), so that a copy
 * of it takes long enough to do things meanwhile; open for writing, with one transcript and a label.
 */
async function paddedStudy(mb: number) {
  const dir = tempDir();
  const path = join(dir, 'groot.duiding');
  const setup = new Session('hanne');
  setup.create(path);
  setup.close();
  const raw = new Database(path);
  raw.exec('CREATE TABLE padding (bytes BLOB)');
  const insert = raw.prepare('INSERT INTO padding VALUES (randomblob(1048576))');
  raw.transaction(() => {
    for (let i = 0; i < mb; i++) insert.run();
  })();
  raw.close();
  const session = new Session('hanne');
  const project = session.open(path);
  const c = caller(session);
  await c('documents/import', { files: [{ path: TRANSCRIPT }] });
  const [document] = await c('documents/list', {});
  const label = await c('labels/create', { name: 'Zorg' });
  return { dir, path, session, project, c, documentId: document!.id, labelId: label.id };
}

const turn = () => new Promise((done) => setImmediate(done));
const tempsIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.includes('.duiding-tmp')) : []);

function checked(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      rowImages: db.prepare('SELECT COUNT(*) FROM change_rows').pluck().get() as number,
      codings: db.prepare('SELECT COUNT(*) FROM codings').pluck().get() as number,
      padding: db.prepare('SELECT COUNT(*) FROM padding').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('backups made in a worker thread', () => {
  it('a backup that is due waits for a pause in the writing, then is made', async () => {
    const s = await paddedStudy(1);
    // Coding on without a pause longer than PAUSE_MS: no copy begins.
    const until = Date.now() + PAUSE_MS * 1.5;
    for (let i = 0; Date.now() < until; i++) {
      await s.c('codings/apply', { documentId: s.documentId, start: i * 2, end: i * 2 + 1, labelId: s.labelId });
      expect(tempsIn(backupFolder(s.path))).toEqual([]);
      expect(listBackups(s.path)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS / 5));
    }
    // A pause: the backup of the first write of the session is made, holding every coding.
    const codings = s.project.db.prepare('SELECT COUNT(*) FROM codings').pluck().get() as number;
    const waitUntil = Date.now() + PAUSE_MS + 30_000;
    while (listBackups(s.path).length === 0 && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listBackups(s.path)).toHaveLength(1);
    expect(checked(join(backupFolder(s.path), `${listBackups(s.path)[0]!.id}.duiding`))).toMatchObject({ integrity: 'ok', rowImages: 0, codings });
    s.session.close();
  }, 120_000);

  it('the core answers reads while a backup of a large project is made, and the backup passes integrity', async () => {
    const s = await paddedStudy(48);
    // The import was the first write: its backup is being made now.
    await turn();
    let done = false;
    const started = performance.now();
    const idle = backupsIdle(s.project).then(() => (done = true));
    const waits: number[] = [];
    while (!done) {
      const asked = performance.now();
      await s.c('documents/list', {});
      await turn();
      waits.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await idle;
    const took = performance.now() - started;
    // On the core's thread the backup answered no read until it was done (one wait as long as it).
    expect(waits.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...waits)).toBeLessThan(took / 2);
    const [backup] = listBackups(s.path);
    expect(backup).toBeDefined();
    expect(checked(join(backupFolder(s.path), `${backup!.id}.duiding`))).toEqual({ integrity: 'ok', rowImages: 0, codings: 0, padding: 48 });
    expect(tempsIn(backupFolder(s.path))).toEqual([]);
    s.session.close();
  }, 120_000);

  it('the list of backups asked for while one is made includes it', async () => {
    const s = await paddedStudy(8);
    await turn();
    const listed = await s.c('backups/list', {});
    expect(listed.entries).toHaveLength(1);
    expect(listed.entries).toEqual(listBackups(s.path));
    s.session.close();
  }, 120_000);

  it('a write made while the thread copies is kept in the project, and the next backup holds it', async () => {
    const s = await paddedStudy(24);
    await turn();
    let done = false;
    const idle = backupsIdle(s.project).then(() => (done = true));
    let during = 0;
    for (let i = 0; i < 400 && (!done || during === 0); i++) {
      await s.c('codings/apply', { documentId: s.documentId, start: i * 2, end: i * 2 + 1, labelId: s.labelId });
      if (!done) during++;
    }
    await idle;
    // At least one coding was written while the copy ran; the project holds them all.
    expect(during).toBeGreaterThan(0);
    const written = s.project.db.prepare('SELECT COUNT(*) FROM codings').pluck().get() as number;
    expect(written).toBeGreaterThanOrEqual(during);
    const [first] = listBackups(s.path);
    const copy = checked(join(backupFolder(s.path), `${first!.id}.duiding`));
    // A consistent state of some moment: whole, without row images, with the codings committed by then.
    expect(copy).toMatchObject({ integrity: 'ok', rowImages: 0, padding: 24 });
    expect(copy.codings).toBeLessThanOrEqual(written);
    // The writes made meanwhile left the project dirty: closing backs it up with all of them.
    s.session.close();
    const entries = listBackups(s.path);
    expect(entries).toHaveLength(2);
    expect(checked(join(backupFolder(s.path), `${entries[0]!.id}.duiding`))).toMatchObject({ integrity: 'ok', codings: written });
    expect(checked(s.path).codings).toBe(written);
  }, 120_000);

  it('closing while a backup is made waits for it: no temporary file, no thread and no -wal are left', async () => {
    const s = await paddedStudy(24);
    // Closed once the thread has begun writing its copy.
    const until = Date.now() + 30_000;
    while (tempsIn(backupFolder(s.path)).length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(tempsIn(backupFolder(s.path)).length).toBeGreaterThan(0);
    s.session.close();
    expect(tempsIn(backupFolder(s.path))).toEqual([]);
    expect(tempsIn(s.dir)).toEqual([]);
    // The close went back to one file: no reader was left beside it.
    expect(existsSync(`${s.path}-wal`)).toBe(false);
    expect(existsSync(`${s.path}.lock`)).toBe(false);
    for (const entry of listBackups(s.path)) expect(checked(join(backupFolder(s.path), `${entry.id}.duiding`)).integrity).toBe('ok');
    expect(listBackups(s.path).length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('a purging write while the thread copies drops that copy: it may hold what the write removed', async () => {
    const s = await paddedStudy(24);
    // Once the thread has begun writing its copy (it waits for a pause in the writing first).
    const until = Date.now() + 30_000;
    while (tempsIn(backupFolder(s.path)).length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(tempsIn(backupFolder(s.path)).length).toBeGreaterThan(0);
    expect(s.project.purgePending).toBe(false);
    await s.c('withdraw/apply', { documentId: s.documentId });
    expect(s.project.purgePending).toBe(true);
    await backupsIdle(s.project);
    expect(listBackups(s.path)).toEqual([]);
    expect(tempsIn(backupFolder(s.path))).toEqual([]);
    // The next backup is made knowing: closing purges, and the purge's backup replaces any other.
    s.session.close();
    expect(listBackups(s.path)).toHaveLength(1);
  }, 120_000);

  it('"Purge now" while a backup is made waits for it: the purge checkpoints to an empty -wal and its backup replaces every other', async () => {
    const s = await paddedStudy(24);
    await s.c('withdraw/apply', { documentId: s.documentId });
    // Purged once the thread has begun writing its copy.
    const until = Date.now() + 30_000;
    while (tempsIn(backupFolder(s.path)).length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(tempsIn(backupFolder(s.path)).length).toBeGreaterThan(0);
    await s.c('project/purge', {});
    expect(s.project.purgePending).toBe(false);
    // No reader was left beside the purge: its checkpoint emptied the -wal, old pages and all.
    expect(statSync(`${s.path}-wal`).size).toBe(0);
    await backupsIdle(s.project);
    expect(listBackups(s.path)).toHaveLength(1);
    expect(tempsIn(backupFolder(s.path))).toEqual([]);
    s.session.close();
  }, 120_000);
});
