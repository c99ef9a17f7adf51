/**
 * The history triggers are generated from one list of tracked tables (src/main/core/history):
 * every table of a migrated project is tracked or bookkeeping, and every trigger copies exactly the
 * columns that `PRAGMA table_info` gives for its table — read back from the trigger SQL SQLite stored;
 * an update leaves out of its images only the texts it did not change.
 */
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/shared/api/changes.ts';
import { isBookkeeping, TRACKED_TABLES } from '../../src/main/core/history/tracked.ts';
import { columnsOf, installTriggers, triggersCurrent } from '../../src/main/core/history/triggers.ts';
import { dispatch } from '../../src/main/core/handlers.ts';
import type { Label } from '../../src/shared/model.ts';
import { newSession } from '../support/temp.ts';

describe('generated history triggers', () => {
  it('every table of a new project is a known table, and every known table but the log and the index is tracked', () => {
    const { project } = newSession();
    const present = (project.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter(
      (name) => !isBookkeeping(name),
    );
    expect(present.filter((name) => !(TABLE_NAMES as readonly string[]).includes(name))).toEqual([]);
    expect([...TABLE_NAMES].filter((name) => name !== 'turns_fts' && !present.includes(name))).toEqual([]);
    expect(TRACKED_TABLES).not.toContain('change_log');
    expect(TRACKED_TABLES).not.toContain('turns_fts');
  });

  it("each trigger's row images name exactly its table's columns, for insert, update and delete", () => {
    const { project } = newSession();
    const db = project.db;
    const triggers = db.prepare("SELECT name, tbl_name AS tbl, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'history_%'").all() as Array<{ name: string; tbl: string; sql: string }>;
    expect(triggers.map((t) => t.tbl).sort()).toEqual(TRACKED_TABLES.flatMap((t) => [t, t, t]).sort());
    for (const trigger of triggers) {
      const columns = columnsOf(db, trigger.tbl).map((c) => c.name).sort();
      if (trigger.name.endsWith('_update')) {
        // An update's images are built member by member: '"name":' || json_quote(old."name"), and the same of new.
        for (const row of ['old', 'new']) {
          const keys = [...trigger.sql.matchAll(new RegExp(`'[,]?"([^"]+)":' \\|\\| json_quote\\(${row}\\.`, 'g'))].map((m) => m[1]!).sort();
          expect(keys, `${trigger.name} (${row})`).toEqual(columns);
        }
        continue;
      }
      // Every json_object(...) image in the trigger: its keys, in SQL string literals.
      const images = [...trigger.sql.matchAll(/json_object\(([^)]*)\)/g)].map((m) => [...m[1]!.matchAll(/'([^']+)', (?:new|old)\./g)].map((k) => k[1]!).sort());
      expect(images.length, trigger.name).toBe(1);
      for (const keys of images) expect(keys, trigger.name).toEqual(columns);
    }
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%_history_%' AND name NOT LIKE 'history_%'").pluck().get()).toBe(0);
  });

  it("an update's images hold keys and numbers always and a text only when it changed; undo and redo still restore the row exactly", async () => {
    const { session, project } = newSession();
    const db = project.db;
    const parent = (await dispatch(session, 'labels/create', { name: 'Werkdruk' })) as Label;
    const label = (await dispatch(session, 'labels/create', { name: 'Tijd', parentId: parent.id, definition: 'Te weinig tijd voor de klas' })) as Label;
    const row = () => db.prepare('SELECT * FROM labels WHERE id = ?').get(label.id);
    const images = () =>
      db.prepare("SELECT before, after FROM change_rows WHERE tbl = 'labels' AND op = 'update' AND change_id = (SELECT MAX(id) FROM change_log)").get() as { before: string; after: string };
    const original = row();

    // A new colour: the images hold the key, the parent (a foreign key), the numbers and the colour, not the unchanged words.
    await dispatch(session, 'labels/update', { id: label.id, colour: '#aa3355' });
    const recoloured = row();
    let { before, after } = images();
    expect(Object.keys(JSON.parse(before)).sort()).toEqual(['colour', 'id', 'parent_id', 'position', 'round']);
    expect(JSON.parse(after)).toMatchObject({ id: label.id, parent_id: parent.id, colour: '#aa3355' });
    expect(after).not.toContain('Te weinig tijd');

    // A text that changed is in both images, with its old and its new value (a null too).
    await dispatch(session, 'labels/update', { id: label.id, definition: 'Geen tijd' });
    ({ before, after } = images());
    expect(JSON.parse(before)).toMatchObject({ definition: 'Te weinig tijd voor de klas' });
    expect(JSON.parse(after)).toMatchObject({ definition: 'Geen tijd' });

    await dispatch(session, 'history/undo', {});
    expect(row()).toEqual(recoloured);
    await dispatch(session, 'history/undo', {});
    expect(row()).toEqual(original);
    await dispatch(session, 'history/redo', {});
    expect(row()).toEqual(recoloured);
  });

  it('a column added later is in the history at once, once the triggers are installed again', () => {
    const { project } = newSession();
    const db = project.db;
    db.exec('ALTER TABLE memos ADD COLUMN mood TEXT');
    expect(triggersCurrent(db)).toBe(false);
    db.transaction(() => installTriggers(db))();
    expect(triggersCurrent(db)).toBe(true);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'history_memos_update'").pluck().get() as string;
    expect(sql).toContain(`',"mood":' || json_quote(new."mood")`);
  });

  it('no tracked table holds a BLOB column, which a JSON row image could not carry', () => {
    const { project } = newSession();
    for (const table of TRACKED_TABLES) {
      if (table === 'turns_fts') continue;
      expect(columnsOf(project.db, table).filter((c) => c.type.toUpperCase() === 'BLOB'), table).toEqual([]);
    }
  });
});
