import { describe, expect, it } from 'vitest';
import { projectAt, tableExists } from './support.ts';

describe('migration 0006: rounds 2 and 3 and the outline', () => {
  it('adds the analysis tables to a version-5 project, with the four built-in relation types', () => {
    const { db, to } = projectAt(5);
    db.prepare("INSERT INTO labels (id, name, position, colour, origin, created_by, created_at) VALUES ('l1', 'zorg', 0, '#000000', 'emergent', 't', 'now')").run();
    to(6);
    for (const table of ['concepts', 'concept_labels', 'concept_segments', 'relation_types', 'concept_links', 'map_positions', 'learning_questions', 'tensions', 'outline_sections', 'outline_items']) {
      expect(tableExists(db, table), table).toBe(true);
    }
    expect(db.prepare('SELECT key FROM relation_types ORDER BY position').pluck().all()).toEqual(['related-to', 'leads-to', 'in-tension-with', 'condition-for']);
    db.prepare("INSERT INTO concepts (id, name, colour, position, created_by, created_at) VALUES ('c1', 'Zorg', '#000000', 0, 't', 'now')").run();
    db.prepare("INSERT INTO concept_labels (id, concept_id, label_id, position) VALUES ('cl1', 'c1', 'l1', 0)").run();
    expect(() => db.prepare("INSERT INTO concepts (id, name, colour, position, created_by, created_at) VALUES ('c2', '  ', '#000000', 1, 't', 'now')").run()).toThrow(/CHECK/);
    db.prepare("DELETE FROM labels WHERE id = 'l1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM concept_labels').pluck().get()).toBe(0);
  });
});
