import { describe, expect, it } from 'vitest';
import { projectAt, seedDocument } from './support.ts';

describe('migration 0008: turn count and speakers kept on the document (a backfill)', () => {
  it("fills them in for a version-7 project's documents: speakers once each, in order of their first turn", () => {
    const { db, to } = projectAt(7);
    seedDocument(db, 'd1', [
      { speaker: 'Interviewer', text: 'Vraag een.' },
      { speaker: 'Katrien', text: 'Antwoord.' },
      { speaker: null, text: '[stilte]' },
      { speaker: 'Interviewer', text: 'Vraag twee.' },
      { speaker: 'Émile', text: 'Ook iets.' },
    ]);
    seedDocument(db, 'd2', [{ speaker: null, text: 'Zonder sprekers.' }]);
    to(8);
    const rows = db.prepare('SELECT id, turn_count AS turns, speakers FROM documents ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'd1', turns: 5, speakers: '["Interviewer","Katrien","Émile"]' },
      { id: 'd2', turns: 1, speakers: '[]' },
    ]);
    // The list reads these from the covering index alone.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id, name, turn_count, speakers FROM documents ORDER BY name COLLATE NOCASE").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX documents_summary');
  });
});
