import { describe, expect, it } from 'vitest';
import { columns, projectAt } from './support.ts';

describe('migration 0003: a label definition as rich text', () => {
  it("keeps a version-2 label's plain definition and adds an empty rich one that the history records", () => {
    const { db, to } = projectAt(2);
    db.prepare("INSERT INTO labels (id, name, position, colour, definition, origin, created_by, created_at) VALUES ('l1', 'zorg', 0, '#000000', 'Alles over zorg.', 'a-priori', 't', 'now')").run();
    to(3);
    expect(columns(db, 'labels')).toContain('definition_rich');
    expect(db.prepare('SELECT definition, definition_rich AS rich FROM labels').get()).toEqual({ definition: 'Alles over zorg.', rich: null });
    db.prepare("INSERT INTO change_log (id, at, coder, action, summary) VALUES (1, 'now', 't', 'labels/update', '')").run();
    db.prepare('UPDATE write_context SET change_id = 1').run();
    db.prepare(`UPDATE labels SET definition_rich = '{"root":{}}'`).run();
    const image = JSON.parse(db.prepare('SELECT after FROM change_rows').pluck().get() as string) as Record<string, unknown>;
    expect(image.definition_rich).toBe('{"root":{}}');
  });
});
