import { describe, expect, it } from 'vitest';
import { columns, projectAt, tableExists, triggerNames } from './support.ts';

describe('migration 0019: edited quotes, where generated parts came from, a tension\'s report order', () => {
  it('keeps a version-16 outline and tensions as they were and adds the edits, the origins and the order', () => {
    const { db, to } = projectAt(18);
    db.prepare("INSERT INTO outline_sections (id, parent_id, position, title) VALUES ('s1', NULL, 0, 'Spanningsvelden')").run();
    db.prepare("INSERT INTO outline_items (id, section_id, kind, position, text) VALUES ('i1', 's1', 'finding', 0, 'Een bevinding.')").run();
    db.prepare("INSERT INTO tensions (id, title, position, created_by, created_at) VALUES ('t1', 'Tijd', 0, 'h', '2026-01-01T00:00:00.000Z')").run();
    to(19);
    expect(db.prepare("SELECT title FROM outline_sections WHERE id = 's1'").get()).toEqual({ title: 'Spanningsvelden' });
    expect(db.prepare("SELECT text FROM outline_items WHERE id = 'i1'").get()).toEqual({ text: 'Een bevinding.' });
    // An existing tension keeps the default order (null: findings, quotes, implications).
    expect(db.prepare("SELECT report_order FROM tensions WHERE id = 't1'").get()).toEqual({ report_order: null });
    expect(tableExists(db, 'outline_quote_edits')).toBe(true);
    expect(columns(db, 'outline_quote_edits')).toEqual(['id', 'text', 'checked_text']);
    expect(columns(db, 'outline_origins')).toEqual(['id', 'section_id', 'item_id', 'origin']);
    expect(triggerNames(db)).toEqual(expect.arrayContaining(['history_outline_quote_edits_insert', 'history_outline_origins_delete']));

    // Its checks: an order names each kind once; an edit has text; an origin belongs to one section or one item.
    const order = db.prepare("UPDATE tensions SET report_order = ? WHERE id = 't1'");
    expect(() => order.run('["finding","finding","quote"]')).toThrow(/CHECK/);
    expect(() => order.run('["finding","quote"]')).toThrow(/CHECK/);
    expect(() => order.run('nope')).toThrow(/CHECK/);
    order.run('["implication","quote","finding"]');
    const edit = db.prepare('INSERT INTO outline_quote_edits (id, text, checked_text) VALUES (?, ?, ?)');
    expect(() => edit.run('i1', '  ', 'x')).toThrow(/CHECK/);
    expect(() => edit.run('nope', 'x', 'x')).toThrow(/FOREIGN KEY/);
    edit.run('i1', '[Zij] bevinding', 'Een bevinding.');
    const origin = db.prepare('INSERT INTO outline_origins (id, section_id, item_id, origin) VALUES (?, ?, ?, ?)');
    expect(() => origin.run('o1', 's1', 'i1', 'tensions')).toThrow(/CHECK/);
    expect(() => origin.run('o1', null, null, 'tensions')).toThrow(/CHECK/);
    origin.run('o1', 's1', null, 'tensions');
    expect(() => origin.run('o2', 's1', null, 'group:x')).toThrow(/UNIQUE/);
    origin.run('o2', null, 'i1', 'statement:x');
    // They go with their item and section.
    db.prepare("DELETE FROM outline_sections WHERE id = 's1'").run();
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM outline_quote_edits) + (SELECT COUNT(*) FROM outline_origins) AS n').get()).toEqual({ n: 0 });
  });
});
