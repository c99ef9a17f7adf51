import { describe, expect, it } from 'vitest';
import { columns, projectAt, tableExists } from './support.ts';

describe('migration 0014: surveys, their items and answers', () => {
  it('adds the three tables to a version-13 project, with their checks and cascades', () => {
    const { db, to } = projectAt(13);
    db.prepare("INSERT INTO participants (id, name, created_at) VALUES ('p1', 'S01', '2026-01-01T00:00:00.000Z')").run();
    to(14);
    for (const table of ['surveys', 'survey_items', 'survey_answers']) expect(tableExists(db, table)).toBe(true);
    expect(columns(db, 'survey_items')).toEqual(['id', 'survey_id', 'position', 'header', 'kind', 'dimension', 'scale', 'reversed']);
    db.prepare("INSERT INTO surveys (id, name, source_name, source_hash, sheet, imported_at, imported_by) VALUES ('s1', 'zelfevaluatie', 'zelfevaluatie.csv', 'h', NULL, 'now', 'test')").run();
    // A file once: the same hash again is refused.
    expect(() => db.prepare("INSERT INTO surveys (id, name, source_name, source_hash, sheet, imported_at, imported_by) VALUES ('s2', 'x', 'x.csv', 'h', NULL, 'now', 'test')").run()).toThrow(/UNIQUE/);
    const item = db.prepare('INSERT INTO survey_items (id, survey_id, position, header, kind, dimension, scale, reversed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    item.run('i1', 's1', 3, 'A1.1 Visie', 'scale', 'A1', JSON.stringify({ min: 0, max: 6, words: null, name: null }), 0);
    item.run('i2', 's1', 4, 'Dagen: /5', 'numeric', 'Dagen: /5', null, 0);
    // A scale item has its scale, a numeric one none; kind and reversed are checked.
    expect(() => item.run('i3', 's1', 5, 'A1.2', 'scale', 'A1', null, 0)).toThrow(/CHECK/);
    expect(() => item.run('i3', 's1', 5, 'X', 'numeric', 'X', '{"min":0}', 0)).toThrow(/CHECK/);
    expect(() => item.run('i3', 's1', 5, 'X', 'text', 'X', null, 0)).toThrow(/CHECK/);
    expect(() => item.run('i3', 's1', 5, 'X', 'scale', 'X', '{"min":0}', 2)).toThrow(/CHECK/);
    expect(() => item.run('i3', 's1', 3, 'X', 'numeric', 'X', null, 0)).toThrow(/UNIQUE/);
    const answer = db.prepare('INSERT INTO survey_answers (item_id, participant_id, value, raw) VALUES (?, ?, ?, ?)');
    answer.run('i1', 'p1', 6, 'volledig eens');
    answer.run('i2', 'p1', 2.5, '2,5');
    expect(() => answer.run('i1', 'p1', 5, '5')).toThrow(/UNIQUE|PRIMARY/);
    expect(db.prepare('SELECT value FROM survey_answers ORDER BY value').pluck().all()).toEqual([2.5, 6]);
    // A participant removed takes their answers; a survey removed takes its items and their answers.
    db.prepare("DELETE FROM participants WHERE id = 'p1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM survey_answers').pluck().get()).toBe(0);
    db.prepare("DELETE FROM surveys WHERE id = 's1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM survey_items').pluck().get()).toBe(0);
  });
});
