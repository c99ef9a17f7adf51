import { describe, expect, it } from 'vitest';
import { projectAt, seedDocument, tableExists } from './support.ts';

describe('migration 0002: labels, segments, codings and the row history', () => {
  it('adds coding to a project of version 1 whose documents stay as they were', () => {
    const { db, to } = projectAt(1);
    const text = seedDocument(db, 'd1', [{ speaker: 'R', text: 'Ik plan de zorg.' }]);
    to(2);
    expect(db.prepare('SELECT text FROM documents').pluck().get()).toBe(text);
    for (const table of ['coders', 'labels', 'segments', 'codings', 'write_context', 'change_rows']) expect(tableExists(db, table), table).toBe(true);
    db.prepare("INSERT INTO labels (id, name, position, colour, origin, created_by, created_at) VALUES ('l1', 'zorg', 0, '#000000', 'emergent', 't', 'now')").run();
    db.prepare("INSERT INTO segments (id, document_id, start, end, text, created_by, created_at) VALUES ('s1', 'd1', 11, 15, 'zorg', 't', 'now')").run();
    expect(() => db.prepare("INSERT INTO segments (id, document_id, start, end, text, created_by, created_at) VALUES ('s2', 'd1', 5, 5, '', 't', 'now')").run()).toThrow(/CHECK/);
    // The hand-written history of this version records a coding under the running change.
    db.prepare("INSERT INTO change_log (id, at, coder, action, summary) VALUES (1, 'now', 't', 'codings/apply', '')").run();
    db.prepare('UPDATE write_context SET change_id = 1').run();
    db.prepare("INSERT INTO codings (id, segment_id, label_id, coder, created_at) VALUES ('c1', 's1', 'l1', 't', 'now')").run();
    expect(db.prepare('SELECT tbl, op, row_id FROM change_rows').all()).toEqual([{ tbl: 'codings', op: 'insert', row_id: 'c1' }]);
  });
});
