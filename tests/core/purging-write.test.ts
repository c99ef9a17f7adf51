/**
 * The purging kind of write (issue "Declared writes"; the pseudonymising and withdrawal issues build
 * on it): undoable within the session, and when the project closes nothing of what it removed is
 * left in the file — not in the history's row images, not in free pages, not in the -wal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/main/core/session.ts';
import { newSession } from '../support/temp.ts';

const SECRET = 'Vandenbroucke-Geheimnaam';

function occurrences(path: string): number {
  let hits = 0;
  for (const file of [path, `${path}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const needle of [Buffer.from(SECRET, 'utf8'), Buffer.from(SECRET, 'utf16le')]) {
      for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) hits++;
    }
  }
  return hits;
}

function seedMemo(project: ReturnType<typeof newSession>['project']): string {
  return project.write('memos/save', () => {
    project.db
      .prepare("INSERT INTO memos (id, target_kind, target_id, title, body_rich, body_text, created_by, created_at, updated_by, updated_at) VALUES ('m1', 'project', NULL, '', ?, ?, 't', 'now', 't', 'now')")
      .run(JSON.stringify({ text: `Gesprek met ${SECRET}.` }), `Gesprek met ${SECRET}.`.repeat(200));
    return { result: 'm1', summary: 'Saved a memo' };
  });
}

const removeMemo = (project: ReturnType<typeof newSession>['project'], kind: 'purging' | 'undoable') =>
  project.write('memos/delete', () => {
    project.db.prepare("DELETE FROM memos WHERE id = 'm1'").run();
    return { result: null, summary: 'Removed a memo' };
  }, { kind });

describe('a purging write', () => {
  it('is undone and redone within the session like any write', () => {
    const { project } = newSession();
    seedMemo(project);
    removeMemo(project, 'purging');
    expect(project.db.prepare('SELECT COUNT(*) FROM memos').pluck().get()).toBe(0);
    project.undo();
    expect(project.db.prepare('SELECT body_text FROM memos').pluck().get()).toContain(SECRET);
    project.redo();
    expect(project.db.prepare('SELECT COUNT(*) FROM memos').pluck().get()).toBe(0);
  });

  it('leaves no byte of what it removed in the file once the project is closed (UTF-8 and UTF-16)', () => {
    const { session, project, path } = newSession();
    seedMemo(project);
    project.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(occurrences(path)).toBeGreaterThan(0);
    removeMemo(project, 'purging');
    project.undo();
    project.redo();
    session.close();
    expect(occurrences(path)).toBe(0);
    // The project opens, and the entries of the writes are there for the audit, with their tables.
    const again = new Session('t');
    const reopened = again.open(path);
    expect(reopened.db.prepare("SELECT action, tables FROM change_log WHERE action = 'memos/delete'").all()).toEqual([
      { action: 'memos/delete', tables: '["memos"]' },
    ]);
    expect(reopened.db.prepare('SELECT COUNT(*) FROM change_rows').pluck().get()).toBe(0);
    again.close();
  });

  it('an ordinary delete, by contrast, may leave the text in free pages (why removal of sensitive text must be purging)', () => {
    const { session, project, path } = newSession();
    seedMemo(project);
    project.db.pragma('wal_checkpoint(TRUNCATE)');
    removeMemo(project, 'undoable');
    session.close();
    expect(occurrences(path)).toBeGreaterThan(0);
  });
});
