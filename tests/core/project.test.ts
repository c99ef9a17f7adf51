import { spawnSync } from 'node:child_process';
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createDatabase } from '../../src/main/core/db/database.ts';
import { hostKey, lockPathFor } from '../../src/main/core/db/lock.ts';
import { loadMigrations, migrate } from '../../src/main/core/db/migrations.ts';
import { Project } from '../../src/main/core/project.ts';
import { listChanges } from '../../src/main/core/history/changes.ts';
import { tempDir } from '../support/temp.ts';

function deadPid(): number {
  // A process that has certainly exited: run one and wait for it.
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('the project file', () => {
  it('creates a project with its identity, format version and a change-log entry', () => {
    const path = join(tempDir(), 'a.duiding');
    const project = Project.create(path, { coder: 'an', title: 'Studie LLB' });
    expect(project.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(project.db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(project.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(project.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(project.meta()).toMatchObject({ title: 'Studie LLB', createdBy: 'an' });
    expect(listChanges(project.db, 10)).toMatchObject([{ action: 'project/create', coder: 'an' }]);
    project.close();
    expect(existsSync(lockPathFor(path))).toBe(false);
    const reopened = Project.open(path, { coder: 'an', readOnly: true });
    expect(reopened.meta().title).toBe('Studie LLB');
    reopened.close();
  });

  it('refuses to create over an existing file', () => {
    const path = join(tempDir(), 'a.duiding');
    writeFileSync(path, 'keep me');
    expect(() => Project.create(path, { coder: 'an' })).toThrow('a.duiding already exists');
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('refuses a file that is not SQLite, an empty file, and an SQLite file of another program', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.duiding'), 'Dit is geen project.');
    expect(() => Project.open(join(dir, 'notes.duiding'), { coder: 'an' })).toThrow('notes.duiding is not a Duiding project (it is not an SQLite database).');
    writeFileSync(join(dir, 'empty.duiding'), '');
    expect(() => Project.open(join(dir, 'empty.duiding'), { coder: 'an' })).toThrow('empty.duiding is not a Duiding project');
    const other = new Database(join(dir, 'other.duiding'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => Project.open(join(dir, 'other.duiding'), { coder: 'an' })).toThrow(
      'other.duiding is not a Duiding project (it is an SQLite database of another program).',
    );
    expect(existsSync(lockPathFor(join(dir, 'other.duiding')))).toBe(false);
    expect(() => Project.open(join(dir, 'missing.duiding'), { coder: 'an' })).toThrow('missing.duiding does not exist.');
  });

  it('refuses a project made by a newer version, and leaves it as it was', () => {
    const path = join(tempDir(), 'future.duiding');
    Project.create(path, { coder: 'an' }).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(path);
    expect(() => Project.open(path, { coder: 'an' })).toThrow(
      /future\.duiding was made by a newer version of Duiding \(project format 99; this version reads up to \d+\)\. Update Duiding to open it\./,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });
});

describe('the single-writer lock', () => {
  it('refuses a second writer, naming the holder, while readers still open the project', async () => {
    const path = join(tempDir(), 'a.duiding');
    const writer = Project.create(path, { coder: 'an' });
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: process.ppid, host: hostname(), user: 'sofie', since: '2026-11-22T10:00:00.000Z' }));
    expect(() => Project.open(path, { coder: 'bo' })).toThrow(
      `a.duiding is open for writing by another Duiding (process ${process.ppid} on this computer, since 2026-11-22T10:00:00.000Z). Close it there first; read-only commands (info, search) still work.`,
    );
    const reader = Project.open(path, { coder: 'bo', readOnly: true });
    expect(reader.readOnly).toBe(true);
    expect(() => reader.write('x', () => ({ result: null, summary: 'x' }))).toThrow('a.duiding is open read-only');
    // A long write (an import) is refused at its first write too; one that writes nothing (a dry run) answers.
    const long = (fn: () => Promise<unknown>) => reader.run('documents/import', 'undoable', [], fn, { long: true });
    await expect(long(() => reader.writeInChunks('x', async () => ({ result: null, summary: 'x' })))).rejects.toThrow('a.duiding is open read-only');
    expect((await long(async () => 'planned')).result).toBe('planned');
    reader.close();
    writer.close();
  });

  it('refuses a holder on another host even if that pid is not alive here', () => {
    const path = join(tempDir(), 'a.duiding');
    Project.create(path, { coder: 'an' }).close();
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: deadPid(), host: 'laptop-van-sofie', user: 'sofie', since: 'x' }));
    expect(() => Project.open(path, { coder: 'bo' })).toThrow(/open for writing by another Duiding \(process \d+ on another computer/);
  });

  it('takes over a stale lock of a process that is gone, with a notice', () => {
    const path = join(tempDir(), 'a.duiding');
    Project.create(path, { coder: 'an' }).close();
    const pid = deadPid();
    writeFileSync(lockPathFor(path), JSON.stringify({ pid, host: hostname(), user: 'sofie', since: '2026-11-21T09:00:00.000Z' }));
    const project = Project.open(path, { coder: 'bo' });
    expect(project.notices).toEqual([
      `Took over a stale lock on a.duiding: another Duiding (process ${pid} on this computer, since 2026-11-21T09:00:00.000Z) is no longer running.`,
    ]);
    // The lock holds no more than it needs: no user name, and the computer only as a hash.
    const lock = JSON.parse(readFileSync(lockPathFor(path), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(lock).sort()).toEqual(['host', 'pid', 'since']);
    expect(lock).toMatchObject({ pid: process.pid, host: hostKey() });
    expect(readFileSync(lockPathFor(path), 'utf8')).not.toContain(hostname());
    expect(readFileSync(lockPathFor(path), 'utf8')).not.toContain(userInfo().username);
    project.close();
    expect(existsSync(lockPathFor(path))).toBe(false);
  });
});

describe('migrations', () => {
  const migrations = loadMigrations();

  it('are numbered without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('0001_init creates the tables of the foundation and keeps search in step with turns', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations.slice(0, 1))).toEqual({ from: 0, to: 1 });
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    for (const table of ['attributes', 'change_log', 'document_guide_spans', 'documents', 'guide_questions', 'guide_sections', 'participant_attributes', 'participants', 'project_meta', 'turns', 'turns_fts']) {
      expect(tables).toContain(table);
    }
    db.prepare("INSERT INTO documents VALUES ('d', 'n', 'interview', NULL, 'x', 1, 's', 'h', 'txt', 't', 'c')").run();
    db.prepare("INSERT INTO turns (document_id, position, speaker, start, end, text) VALUES ('d', 0, NULL, 0, 6, 'ideeën')").run();
    expect(db.prepare("SELECT COUNT(*) AS n FROM turns_fts WHERE turns_fts MATCH 'ideeen'").get()).toEqual({ n: 1 });
    db.prepare("UPDATE turns SET text = 'plannen' WHERE document_id = 'd'").run();
    expect(db.prepare("SELECT COUNT(*) AS n FROM turns_fts WHERE turns_fts MATCH 'ideeen'").get()).toEqual({ n: 0 });
    db.prepare("DELETE FROM documents").run();
    expect(db.prepare("SELECT COUNT(*) AS n FROM turns_fts WHERE turns_fts MATCH 'plannen'").get()).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO turns (document_id, position, start, end, text) VALUES ('nope', 0, 0, 1, 'x')").run()).toThrow(/FOREIGN KEY|constraint/i);
    db.close();
  });

  it('0002_coding adds the codebook tables and records row history only inside a write', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 2));
    db.prepare("INSERT INTO labels (id, name, position, colour, origin, created_by, created_at) VALUES ('l', 'x', 0, '#000000', 'emergent', 'a', 't')").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM change_rows').get()).toEqual({ n: 0 });
    db.prepare("INSERT INTO change_log (id, at, coder, action, summary) VALUES (7, 't', 'a', 'test', '')").run();
    db.prepare('UPDATE write_context SET change_id = 7').run();
    db.prepare("UPDATE labels SET name = 'y' WHERE id = 'l'").run();
    db.prepare("DELETE FROM labels WHERE id = 'l'").run();
    const rows = db.prepare('SELECT seq, tbl, op, row_id AS rowId, json_extract(before, \'$.name\') AS was FROM change_rows ORDER BY seq').all();
    expect(rows).toEqual([
      { seq: 0, tbl: 'labels', op: 'update', rowId: 'l', was: 'x' },
      { seq: 1, tbl: 'labels', op: 'delete', rowId: 'l', was: 'y' },
    ]);
    expect(() => db.prepare("INSERT INTO segments (id, document_id, start, end, text, created_by, created_at) VALUES ('s', 'none', 3, 3, '', 'a', 't')").run()).toThrow(/CHECK|FOREIGN KEY/);
    db.close();
  });

  it('run all pending migrations in one transaction: a failing one leaves the version and schema as they were', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const version = db.pragma('user_version', { simple: true });
    const broken = [...migrations, { version: migrations.length + 1, name: 'ok', sql: 'CREATE TABLE later_a (x)' }, { version: migrations.length + 2, name: 'broken', sql: 'CREATE TABLE oops (' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'later_a'").get()).toBeUndefined();
    db.close();
  });
});

describe('statement cache', () => {
  it('hands out a cached statement with its modes reset, so one caller’s raw() never reaches another', () => {
    const db = createDatabase(join(tempDir(), 'p.duiding'));
    const sql = 'SELECT key, value FROM project_meta ORDER BY key LIMIT 1';
    db.prepare("INSERT INTO project_meta (key, value) VALUES ('a', '1')").run();
    expect(db.prepare(sql).raw().all()).toEqual([['a', '1']]);
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql).all()).toEqual([{ key: 'a', value: '1' }]);
    db.close();
  });
});
