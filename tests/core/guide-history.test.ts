import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/main/core/db/migrations.ts';
import { dispatch } from '../../src/main/core/handlers.ts';
import type { GuideSection } from '../../src/shared/model.ts';
import { readGuide } from '../../src/main/core/guide/store.ts';
import { newSession, snapshot } from '../support/temp.ts';

const GUIDE_TABLES = ['guide_sections', 'guide_questions', 'guide_spans', 'labels'] as const;

/** The rows of the guide's tables and the labels, in id order: a replayed insert may land at another rowid. */
function guideRows(project: Parameters<typeof snapshot>[0]) {
  const all = snapshot(project);
  const byId = (a: unknown, b: unknown) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id));
  return Object.fromEntries(GUIDE_TABLES.map((t) => [t, [...all[t]!].sort(byId)]));
}

describe('migration 0007_guide_history', () => {
  it('records guide sections and questions in the row history, and only inside a write', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    const at = migrations.findIndex((m) => m.name === 'guide_history');
    expect(migrations[at]!.version).toBe(7);
    migrate(db, migrations.slice(0, at + 1));
    db.prepare("INSERT INTO guide_sections (id, position, title) VALUES ('s1', 0, 'BELEID')").run();
    db.prepare("INSERT INTO guide_questions (id, section_id, position, text, question_type) VALUES ('q1', 's1', 0, 'Wie beslist?', 'probing')").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM change_rows').get()).toEqual({ n: 0 });

    db.prepare("INSERT INTO change_log (id, at, coder, action, summary) VALUES (1, 't', 'hanne', 'test', '')").run();
    db.prepare('UPDATE write_context SET change_id = 1').run();
    db.prepare("UPDATE guide_questions SET text = 'Wie beslist er?' WHERE id = 'q1'").run();
    db.prepare("DELETE FROM guide_sections WHERE id = 's1'").run();
    const rows = db.prepare('SELECT seq, tbl, op, row_id AS rowId, before, after FROM change_rows ORDER BY seq').all() as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.seq, r.tbl, r.op, r.rowId])).toEqual([
      [0, 'guide_questions', 'update', 'q1'],
      // The cascade removes the question before its section's own trigger runs; both are recorded.
      [1, 'guide_questions', 'delete', 'q1'],
      [2, 'guide_sections', 'delete', 's1'],
    ]);
    expect(JSON.parse(rows[0]!.after as string)).toEqual({ id: 'q1', section_id: 's1', position: 0, text: 'Wie beslist er?', question_type: 'probing' });
    expect(JSON.parse(rows.find((r) => r.tbl === 'guide_sections')!.before as string)).toEqual({ id: 's1', position: 0, title: 'BELEID' });
  });
});

describe('undo and redo of the interview guide', () => {
  it('undoing the study template leaves neither its labels nor its guide; redo brings back the same rows', async () => {
    const { session, project } = newSession('hanne');
    const before = guideRows(project);
    await dispatch(session, 'codebook/applyTemplate', { template: 'llb-study' });
    const applied = guideRows(project);
    expect(readGuide(project.db)).toHaveLength(6);

    await dispatch(session, 'history/undo', {});
    expect(guideRows(project)).toEqual(before);
    expect(readGuide(project.db)).toEqual([]);

    await dispatch(session, 'history/redo', {});
    expect(guideRows(project)).toEqual(applied);
  });

  it('undoing guide/set brings back the guide it replaced, with its ids, order and question types', async () => {
    const { session, project } = newSession('hanne');
    const first = (await dispatch(session, 'guide/set', {
      sections: [
        { title: 'ACHTERGROND', questions: [{ text: 'Wie ben je?', type: 'opening' }] },
        { title: 'BELEID SCHOOL', questions: [{ text: 'Hoe ziet het zorgbeleid eruit?', type: 'direct' }, { text: 'Wie beslist?', type: 'probing' }] },
      ],
    })) as GuideSection[];
    const kept = guideRows(project);
    const second = (await dispatch(session, 'guide/set', { sections: [{ title: 'LEREN', questions: [{ text: 'Wat wil je nog leren?', type: null }] }] })) as GuideSection[];
    expect(second.map((s) => s.title)).toEqual(['LEREN']);

    await dispatch(session, 'history/undo', {});
    expect(readGuide(project.db)).toEqual(first);
    expect(guideRows(project)).toEqual(kept);
    await dispatch(session, 'history/redo', {});
    expect(readGuide(project.db)).toEqual(second);
    await dispatch(session, 'history/undo', {});
    await dispatch(session, 'history/undo', {});
    expect(readGuide(project.db)).toEqual([]);
  });
});
