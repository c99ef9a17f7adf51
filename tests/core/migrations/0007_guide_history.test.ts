import { describe, expect, it } from 'vitest';
import { projectAt } from './support.ts';

describe('migration 0007: the interview guide under row history', () => {
  it("records a version-6 project's guide sections and questions when they change", () => {
    const { db, to } = projectAt(6);
    db.prepare("INSERT INTO guide_sections (id, position, title) VALUES ('g1', 0, 'Achtergrond')").run();
    to(7);
    db.prepare("INSERT INTO change_log (id, at, coder, action, summary) VALUES (1, 'now', 't', 'guide/set', '')").run();
    db.prepare('UPDATE write_context SET change_id = 1').run();
    db.prepare("UPDATE guide_sections SET title = 'Leren' WHERE id = 'g1'").run();
    db.prepare("INSERT INTO guide_questions (id, section_id, position, text, question_type) VALUES ('q1', 'g1', 0, 'Wat?', 'opening')").run();
    expect(db.prepare("SELECT tbl, op, json_extract(before, '$.title') AS was FROM change_rows ORDER BY seq").all()).toEqual([
      { tbl: 'guide_sections', op: 'update', was: 'Achtergrond' },
      { tbl: 'guide_questions', op: 'insert', was: null },
    ]);
  });
});
