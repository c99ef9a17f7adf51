import { describe, expect, it } from 'vitest';
import { projectAt, seedDocument, tableExists } from './support.ts';

describe('migration 0005: guide spans with ids, under row history', () => {
  it("moves a version-4 project's guide spans into guide_spans with fresh ids", () => {
    const { db, to } = projectAt(4);
    seedDocument(db, 'd1', [{ speaker: 'R', text: 'Een antwoord op de eerste vraag.' }]);
    db.prepare("INSERT INTO guide_sections (id, position, title) VALUES ('g1', 0, 'Achtergrond')").run();
    db.prepare("INSERT INTO document_guide_spans (document_id, section_id, start, end) VALUES ('d1', 'g1', 0, 10), ('d1', 'g1', 12, 20)").run();
    to(5);
    expect(tableExists(db, 'document_guide_spans')).toBe(false);
    const spans = db.prepare('SELECT id, document_id AS documentId, section_id AS sectionId, question_id AS questionId, start, end FROM guide_spans ORDER BY start').all() as Array<Record<string, unknown>>;
    expect(spans.map(({ id: _id, ...rest }) => rest)).toEqual([
      { documentId: 'd1', sectionId: 'g1', questionId: null, start: 0, end: 10 },
      { documentId: 'd1', sectionId: 'g1', questionId: null, start: 12, end: 20 },
    ]);
    expect(new Set(spans.map((s) => s.id)).size).toBe(2);
  });
});
