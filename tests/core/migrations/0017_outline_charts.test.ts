import { describe, expect, it } from 'vitest';
import { columns, projectAt, seedDocument, triggerNames } from './support.ts';

describe('migration 0017: a scales chart as an outline item', () => {
  it('rebuilds outline_items with the chart kind and column, keeping every item of every kind', () => {
    const { db, to } = projectAt(16);
    seedDocument(db, 'd1', [{ speaker: 'Katrien', text: 'Ik doe de planning.' }]);
    db.prepare("INSERT INTO segments (id, document_id, start, end, text, created_by, created_at) VALUES ('g1', 'd1', 10, 18, 'planning', 'a', 't')").run();
    db.prepare("INSERT INTO outline_sections (id, parent_id, position, title) VALUES ('s1', NULL, 0, 'Schalen')").run();
    const item = db.prepare('INSERT INTO outline_items (id, section_id, kind, position, segment_id, text, rich, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    item.run('q1', 's1', 'quote', 0, 'g1', '', null, '');
    item.run('f1', 's1', 'finding', 1, null, 'Een bevinding.', null, 'Titel');
    item.run('p1', 's1', 'paragraph', 2, null, 'Tekst', '{"root":{}}', '');
    const before = db.prepare('SELECT * FROM outline_items ORDER BY position').all();

    to(17);

    expect(columns(db, 'outline_items')).toEqual(['id', 'section_id', 'kind', 'position', 'segment_id', 'text', 'rich', 'title', 'chart']);
    expect(db.prepare('SELECT * FROM outline_items ORDER BY position').all()).toEqual(before.map((row) => ({ ...(row as object), chart: null })));
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(triggerNames(db)).toEqual(expect.arrayContaining(['history_outline_items_insert', 'history_outline_items_update', 'history_outline_items_delete']));
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'outline_items' AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(indexes).toEqual(['outline_items_section', 'outline_items_segment']);

    // A chart item needs its chart (rows as an array); no other kind has one.
    expect(() => item.run('c1', 's1', 'chart', 3, null, '', null, '')).toThrow(/CHECK/);
    const chart = db.prepare("INSERT INTO outline_items (id, section_id, kind, position, chart) VALUES (?, 's1', ?, 3, ?)");
    expect(() => chart.run('c1', 'chart', '{"rows": "A1"}')).toThrow(/CHECK/);
    expect(() => chart.run('c1', 'chart', 'not json')).toThrow(/CHECK|JSON/);
    expect(() => chart.run('c1', 'finding', '{"rows": ["A1"], "by": null}')).toThrow(/CHECK/);
    chart.run('c1', 'chart', '{"rows": ["A1", "Onderwijsloopbaan: /5"], "by": "Rol"}');
    // The foreign keys still hold on the new table: a section's items go with it, a segment's quotes with it.
    db.prepare("DELETE FROM segments WHERE id = 'g1'").run();
    expect(db.prepare('SELECT id FROM outline_items ORDER BY position').pluck().all()).toEqual(['f1', 'p1', 'c1']);
    db.prepare("DELETE FROM outline_sections WHERE id = 's1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM outline_items').pluck().get()).toBe(0);
  });
});
