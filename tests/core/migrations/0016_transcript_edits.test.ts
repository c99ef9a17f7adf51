import { describe, expect, it } from 'vitest';
import { columns, projectAt, seedDocument } from './support.ts';

describe('migration 0016: segments can be flagged by a correction of the transcript', () => {
  it('rebuilds segments with the flag columns, keeping every segment, its codings, memos and quotes', () => {
    const { db, to } = projectAt(15);
    seedDocument(db, 'd1', [{ speaker: 'Katrien', text: 'Ik doe de planning.' }]);
    db.prepare("INSERT INTO labels (id, name, position, colour, origin, created_by, created_at) VALUES ('l1', 'Planning', 0, '#000000', 'emergent', 'a', 't')").run();
    db.prepare("INSERT INTO segments (id, document_id, start, end, text, created_by, created_at) VALUES ('s1', 'd1', 10, 18, 'planning', 'a', 't')").run();
    db.prepare("INSERT INTO codings (id, segment_id, label_id, coder, created_at) VALUES ('c1', 's1', 'l1', 'a', 't')").run();
    db.prepare("INSERT INTO memos (id, target_kind, target_id, title, body_rich, body_text, created_by, created_at, updated_by, updated_at) VALUES ('m1', 'segment', 's1', 'Memo', '{}', 'x', 'a', 't', 'a', 't')").run();
    db.prepare("INSERT INTO concepts (id, name, position, colour, created_by, created_at) VALUES ('k1', 'Plannen', 0, '#000000', 'a', 't')").run();
    db.prepare("INSERT INTO concept_segments (id, concept_id, segment_id, position) VALUES ('ks1', 'k1', 's1', 0)").run();

    to(16);

    expect(columns(db, 'segments')).toEqual(['id', 'document_id', 'start', 'end', 'text', 'created_by', 'created_at', 'text_status', 'previous_text']);
    expect(db.prepare('SELECT id, start, end, text, text_status, previous_text FROM segments').all()).toEqual([
      { id: 's1', start: 10, end: 18, text: 'planning', text_status: null, previous_text: null },
    ]);
    // Dropping the old table took nothing with it (foreign keys are off while migrating).
    expect(db.prepare('SELECT COUNT(*) FROM codings').pluck().get()).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM concept_segments').pluck().get()).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM memos').pluck().get()).toBe(1);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

    // A removed segment is empty at the edit; no other segment may be empty; a flag keeps its old words.
    const flag = db.prepare('UPDATE segments SET start = ?, end = ?, text = ?, text_status = ?, previous_text = ? WHERE id = ?');
    expect(() => flag.run(10, 10, '', 'changed', 'planning', 's1')).toThrow(/CHECK/);
    expect(() => flag.run(10, 10, '', 'removed', null, 's1')).toThrow(/CHECK/);
    flag.run(10, 10, '', 'removed', 'planning', 's1');
    // The memo trigger is back on the new table: a segment's memos go with it, as do its codings.
    db.prepare("DELETE FROM segments WHERE id = 's1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM memos').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM codings').pluck().get()).toBe(0);
  });
});
