import { describe, expect, it } from 'vitest';
import { readReportSettings } from '../../../src/main/core/reports/store-settings.ts';
import { columns, projectAt, tableExists, triggerNames } from './support.ts';

describe('migration 0015: the report layout kept in the project', () => {
  it('gives a version-14 outline its numbering and titles (none set: automatic, bullets, no title) and adds the title block and settings', () => {
    const { db, to } = projectAt(14);
    db.prepare("INSERT INTO outline_sections (id, parent_id, position, title) VALUES ('s1', NULL, 0, 'Spanningsvelden')").run();
    db.prepare("INSERT INTO outline_items (id, section_id, kind, position, text) VALUES ('i1', 's1', 'finding', 0, 'Een bevinding.')").run();
    to(15);
    expect(db.prepare("SELECT numbering, item_numbering AS items FROM outline_sections WHERE id = 's1'").get()).toEqual({ numbering: null, items: null });
    expect(db.prepare("SELECT title, text FROM outline_items WHERE id = 'i1'").get()).toEqual({ title: '', text: 'Een bevinding.' });
    expect(tableExists(db, 'report_title_lines')).toBe(true);
    expect(columns(db, 'report_settings')).toEqual(['id', 'quote_style', 'quotation_marks', 'attribution', 'level_numbering']);
    // Nothing stored yet reads as the defaults: Word's Quote style, the participant, automatic numbering.
    expect(readReportSettings(db as never)).toEqual({ titleLines: [], quoteStyle: 'quote', quotationMarks: false, attribution: 'participant', levelNumbering: [] });
    // Every change to the new tables is in the history (the triggers are generated for them).
    expect(triggerNames(db)).toEqual(expect.arrayContaining(['history_report_title_lines_insert', 'history_report_settings_update']));

    // Its checks: known numberings only, a title line of a known kind with text, one settings row.
    expect(() => db.prepare("UPDATE outline_sections SET numbering = 'i.' WHERE id = 's1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE outline_sections SET item_numbering = '(a)' WHERE id = 's1'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE outline_sections SET numbering = 'A.', item_numbering = 'a.' WHERE id = 's1'").run();
    const line = db.prepare('INSERT INTO report_title_lines (id, position, kind, text) VALUES (?, ?, ?, ?)');
    expect(() => line.run('l1', 0, 'motto', 'x')).toThrow(/CHECK/);
    expect(() => line.run('l1', 0, 'subtitle', '  ')).toThrow(/CHECK/);
    line.run('l1', 0, 'subtitle', 'Citaten');
    const settings = db.prepare('INSERT INTO report_settings (id, quote_style, attribution, level_numbering) VALUES (?, ?, ?, ?)');
    expect(() => settings.run('other', 'quote', 'none', '[]')).toThrow(/CHECK/);
    expect(() => settings.run('report', 'italic', 'none', '[]')).toThrow(/CHECK/);
    expect(() => settings.run('report', 'quote', 'attrs:', '[]')).toThrow(/CHECK/);
    expect(() => settings.run('report', 'quote', 'none', '{"1":"A."}')).toThrow(/CHECK/);
    settings.run('report', 'plain', 'attrs:schooltype', '[null,"A."]');
    expect(readReportSettings(db as never)).toEqual({
      titleLines: [{ kind: 'subtitle', text: 'Citaten' }],
      quoteStyle: 'plain',
      quotationMarks: false,
      attribution: 'attrs:schooltype',
      levelNumbering: [null, 'A.'],
    });
  });
});
