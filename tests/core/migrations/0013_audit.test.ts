import { describe, expect, it } from 'vitest';
import { columns, projectAt, tableExists, triggerNames } from './support.ts';

describe('migration 0013: the audit', () => {
  it('adds the export log and makes both logs append-only, keeping the entries a version-12 project has', () => {
    const { db, to } = projectAt(12);
    db.prepare("INSERT INTO change_log (at, coder, action, summary, kind, tables) VALUES ('2026-01-01T00:00:00.000Z', 'hanne', 'labels/create', 'Added label \"Zorg\"', 'undoable', '[\"labels\"]')").run();
    to(13);
    expect(tableExists(db, 'export_log')).toBe(true);
    expect(columns(db, 'write_context')).toContain('audit_rewrite');
    expect(triggerNames(db).filter((t) => t.startsWith('audit_'))).toEqual(['audit_change_log_delete', 'audit_change_log_update', 'audit_export_log_delete', 'audit_export_log_update']);
    expect(db.prepare('SELECT coder, summary FROM change_log').get()).toEqual({ coder: 'hanne', summary: 'Added label "Zorg"' });
    // An entry cannot be changed or removed...
    expect(() => db.prepare("UPDATE change_log SET coder = 'iemand'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
    db.prepare("INSERT INTO export_log (at, coder, action, what, format, documents, file) VALUES ('t', 'hanne', 'export/file', 'themes', 'docx', '[]', 'r.docx')").run();
    expect(() => db.prepare("UPDATE export_log SET file = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO export_log (at, coder, action, what, format, documents) VALUES ('t', 'h', 'a', 'w', 'f', 'not json')").run()).toThrow(/CHECK/);
    // ...except the entry a write is completing, and by a purging write.
    db.prepare("INSERT INTO change_log (at, coder, action, summary) VALUES ('t', 'hanne', 'labels/update', '')").run();
    const open = db.prepare('SELECT MAX(id) FROM change_log').pluck().get() as number;
    db.prepare('UPDATE write_context SET change_id = ?').run(open);
    db.prepare("UPDATE change_log SET summary = 'Changed a label' WHERE id = ?").run(open);
    expect(() => db.prepare("UPDATE change_log SET summary = 'x' WHERE id <> ?").run(open)).toThrow(/append-only/);
    db.prepare('UPDATE write_context SET change_id = NULL, audit_rewrite = 1').run();
    db.prepare("UPDATE change_log SET summary = 'Added label \"[withdrawn]\"' WHERE id = 1").run();
    db.prepare("UPDATE export_log SET file = NULL").run();
    expect(db.prepare('SELECT summary FROM change_log WHERE id = 1').pluck().get()).toBe('Added label "[withdrawn]"');
  });
});
