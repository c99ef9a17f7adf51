import { describe, expect, it } from 'vitest';
import { projectAt, seedDocument } from './support.ts';

describe('migration 0004: memos on anything', () => {
  it('adds memos to a version-3 project; a memo goes with the label it is on', () => {
    const { db, to } = projectAt(3);
    seedDocument(db, 'd1', [{ speaker: 'R', text: 'Tekst.' }]);
    db.prepare("INSERT INTO labels (id, name, position, colour, origin, created_by, created_at) VALUES ('l1', 'zorg', 0, '#000000', 'emergent', 't', 'now')").run();
    to(4);
    const insert = db.prepare("INSERT INTO memos (id, target_kind, target_id, body_rich, body_text, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, '{}', 'x', 't', 'now', 't', 'now')");
    insert.run('m1', 'label', 'l1');
    insert.run('m2', 'project', null);
    expect(() => insert.run('m3', 'project', 'l1')).toThrow(/CHECK/);
    db.prepare("DELETE FROM labels WHERE id = 'l1'").run();
    expect(db.prepare('SELECT id FROM memos').pluck().all()).toEqual(['m2']);
  });
});
