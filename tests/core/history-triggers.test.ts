/**
 * The history triggers are generated from one list of tracked tables (src/main/core/history):
 * every table of a migrated project is tracked or bookkeeping, and every trigger copies exactly the
 * columns that `PRAGMA table_info` gives for its table — read back from the trigger SQL SQLite stored.
 */
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/shared/api/changes.ts';
import { isBookkeeping, TRACKED_TABLES } from '../../src/main/core/history/tracked.ts';
import { columnsOf, installTriggers, triggersCurrent } from '../../src/main/core/history/triggers.ts';
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

  it("each trigger's row images hold exactly its table's columns, for insert, update and delete", () => {
    const { project } = newSession();
    const db = project.db;
    const triggers = db.prepare("SELECT name, tbl_name AS tbl, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'history_%'").all() as Array<{ name: string; tbl: string; sql: string }>;
    expect(triggers.map((t) => t.tbl).sort()).toEqual(TRACKED_TABLES.flatMap((t) => [t, t, t]).sort());
    for (const trigger of triggers) {
      const columns = columnsOf(db, trigger.tbl).map((c) => c.name).sort();
      // Every json_object(...) image in the trigger: its keys, in SQL string literals.
      const images = [...trigger.sql.matchAll(/json_object\(([^)]*)\)/g)].map((m) => [...m[1]!.matchAll(/'([^']+)', (?:new|old)\./g)].map((k) => k[1]!).sort());
      expect(images.length, trigger.name).toBe(trigger.name.endsWith('_update') ? 2 : 1);
      for (const keys of images) expect(keys, trigger.name).toEqual(columns);
    }
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%_history_%' AND name NOT LIKE 'history_%'").pluck().get()).toBe(0);
  });

  it('a column added later is in the history at once, once the triggers are installed again', () => {
    const { project } = newSession();
    const db = project.db;
    db.exec('ALTER TABLE memos ADD COLUMN mood TEXT');
    expect(triggersCurrent(db)).toBe(false);
    db.transaction(() => installTriggers(db))();
    expect(triggersCurrent(db)).toBe(true);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'history_memos_update'").pluck().get() as string;
    expect(sql).toContain("'mood', new.\"mood\"");
  });

  it('no tracked table holds a BLOB column, which a JSON row image could not carry', () => {
    const { project } = newSession();
    for (const table of TRACKED_TABLES) {
      if (table === 'turns_fts') continue;
      expect(columnsOf(project.db, table).filter((c) => c.type.toUpperCase() === 'BLOB'), table).toEqual([]);
    }
  });
});
