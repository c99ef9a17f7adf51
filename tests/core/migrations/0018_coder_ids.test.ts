import { describe, expect, it } from 'vitest';
import { columns, projectAt, seedDocument } from './support.ts';

describe('migration 0018: coders get a stable id with a display name', () => {
  it('gives every coder name an id derived from the name, and points each coding at it', () => {
    const { db, to } = projectAt(17);
    seedDocument(db, 'd1', [{ speaker: 'Katrien', text: 'Ik doe de planning.' }]);
    db.prepare("INSERT INTO labels (id, name, position, colour, origin, created_by, created_at) VALUES ('l1', 'Planning', 0, '#000000', 'emergent', 'a', 't')").run();
    db.prepare("INSERT INTO segments (id, document_id, start, end, text, created_by, created_at) VALUES ('s1', 'd1', 10, 18, 'planning', 'Anna', 't')").run();
    db.prepare("INSERT INTO coders (name, first_seen) VALUES ('Anna', '2026-01-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO codings (id, segment_id, label_id, coder, created_at) VALUES ('c1', 's1', 'l1', 'Anna', '2026-01-02T00:00:00.000Z')").run();
    // A coding whose coder was never registered (an older import) still gets a coder.
    db.prepare("INSERT INTO codings (id, segment_id, label_id, coder, created_at) VALUES ('c2', 's1', 'l1', 'Bért', '2026-01-03T00:00:00.000Z')").run();
    db.prepare("INSERT INTO change_log (at, coder, action, summary) VALUES ('t', 'Anna', 'codings/apply', 'x')").run();

    to(18);

    expect(columns(db, 'coders')).toEqual(['id', 'name', 'laptop', 'same_as', 'first_seen']);
    const coders = db.prepare('SELECT id, name, laptop, same_as, first_seen FROM coders ORDER BY name').all();
    expect(coders).toEqual([
      { id: `name:${Buffer.from('Anna').toString('hex')}`, name: 'Anna', laptop: null, same_as: null, first_seen: '2026-01-01T00:00:00.000Z' },
      { id: `name:${Buffer.from('Bért').toString('hex')}`, name: 'Bért', laptop: null, same_as: null, first_seen: '2026-01-03T00:00:00.000Z' },
    ]);
    expect(db.prepare('SELECT id, coder FROM codings ORDER BY id').all()).toEqual([
      { id: 'c1', coder: `name:${Buffer.from('Anna').toString('hex')}` },
      { id: 'c2', coder: `name:${Buffer.from('Bért').toString('hex')}` },
    ]);
    // The audit keeps the name it recorded.
    expect(db.prepare('SELECT coder FROM change_log').pluck().all()).toEqual(['Anna']);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // A coder united with another must be another.
    expect(() => db.prepare("UPDATE coders SET same_as = id").run()).toThrow(/CHECK/);
  });
});
