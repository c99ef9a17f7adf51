import { describe, expect, it } from 'vitest';
import { listSpeakers } from '../../../src/main/core/speakers/service.ts';
import { projectAt, seedDocument, tableExists } from './support.ts';

describe('migration 0011: speaker roles', () => {
  it('adds the speakers table to a version-10 project, whose documents then have their roles inferred', () => {
    const { db, to, toLatest } = projectAt(10);
    db.prepare("INSERT INTO participants (id, name, created_at) VALUES ('p1', 'Katrien', '2026-01-01T00:00:00.000Z')").run();
    seedDocument(
      db,
      'd1',
      [
        { speaker: 'Interviewer', text: 'Wat doe je?' },
        { speaker: 'Katrien', text: 'Ik doe de zorg.' },
      ],
      { participant: 'p1' },
    );
    db.prepare(`UPDATE documents SET speakers = '["Interviewer","Katrien"]'`).run();
    to(11);
    expect(tableExists(db, 'speakers')).toBe(true);
    expect(db.prepare('SELECT COUNT(*) FROM speakers').pluck().get()).toBe(0);
    toLatest();
    const [roles] = listSpeakers(db as never);
    expect(roles!.speakers.map((s) => [s.name, s.role, s.participantId, s.rule])).toEqual([
      ['Interviewer', 'interviewer', null, 'b'],
      ['Katrien', 'participant', 'p1', 'a'],
    ]);
    // Its checks: a known role, a case only for a participant, one row per name in a document.
    const insert = db.prepare("INSERT INTO speakers (id, document_id, name, role, participant_id, confirmed) VALUES (?, 'd1', ?, ?, ?, 1)");
    expect(() => insert.run('s1', 'Interviewer', 'moderator', null)).toThrow(/CHECK/);
    expect(() => insert.run('s1', 'Interviewer', 'interviewer', 'p1')).toThrow(/CHECK/);
    insert.run('s1', 'Interviewer', 'interviewer', null);
    expect(() => insert.run('s2', 'Interviewer', 'other', null)).toThrow(/UNIQUE/);
    db.prepare("DELETE FROM documents WHERE id = 'd1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM speakers').pluck().get()).toBe(0);
  });
});
