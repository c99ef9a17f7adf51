import { describe, expect, it } from 'vitest';
import { TRACKED_TABLES } from '../../../src/main/core/history/tracked.ts';
import { columns, projectAt, triggerNames } from './support.ts';

describe('migration 0009: declared writes, generated history triggers', () => {
  it("gives a version-8 change log its kinds, and trades the 66 hand-written triggers for generated ones on every table", () => {
    const { db, to } = projectAt(8);
    expect(triggerNames(db).filter((n) => n.includes('_history_'))).toHaveLength(66);
    const log = db.prepare('INSERT INTO change_log (id, at, coder, action, summary, undo_of, redo_of) VALUES (?, ?, ?, ?, ?, ?, ?)');
    log.run(1, 'now', 't', 'labels/create', 'a', null, null);
    log.run(2, 'now', 't', 'history/undo', 'Undo: a', 1, null);
    log.run(3, 'now', 't', 'history/redo', 'a', null, 1);
    to(9);
    expect(db.prepare('SELECT id, kind FROM change_log ORDER BY id').all()).toEqual([
      { id: 1, kind: 'undoable' },
      { id: 2, kind: 'undo' },
      { id: 3, kind: 'redo' },
    ]);
    expect(columns(db, 'write_context')).toContain('record');
    const names = triggerNames(db);
    expect(names.filter((n) => n.includes('_history_'))).toEqual([]);
    const present = TRACKED_TABLES.filter((t) => db.prepare("SELECT 1 FROM sqlite_schema WHERE name = ?").get(t));
    expect(names.filter((n) => n.startsWith('history_')).sort()).toEqual(present.flatMap((t) => [`history_${t}_delete`, `history_${t}_insert`, `history_${t}_update`]).sort());
    // A participant's rename, which no trigger saw before, is now in the history.
    db.prepare("INSERT INTO participants (id, name, created_at) VALUES ('p1', 'An', 'now')").run();
    db.prepare("INSERT INTO change_log (id, at, coder, action, summary) VALUES (4, 'now', 't', 'participants/update', '')").run();
    db.prepare('UPDATE write_context SET change_id = 4').run();
    db.prepare("UPDATE participants SET name = 'Anna' WHERE id = 'p1'").run();
    expect(db.prepare("SELECT tbl, op, json_extract(before, '$.name') AS was FROM change_rows WHERE change_id = 4").all()).toEqual([{ tbl: 'participants', op: 'update', was: 'An' }]);
    // A baseline write (record = 0) leaves no rows.
    db.prepare('UPDATE write_context SET change_id = 4, record = 0').run();
    db.prepare("UPDATE participants SET name = 'Ann' WHERE id = 'p1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM change_rows WHERE change_id = 4').pluck().get()).toBe(1);
  });
});
