import { describe, expect, it } from 'vitest';
import { columns, projectAt, seedDocument, tableExists } from './support.ts';

describe('migration 0001: project, participants, documents with turns, search', () => {
  it('makes the tables, and the full-text index follows the turns with accents folded', () => {
    const { db } = projectAt(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    for (const table of ['project_meta', 'participants', 'attributes', 'participant_attributes', 'documents', 'turns', 'guide_sections', 'guide_questions', 'change_log']) {
      expect(tableExists(db, table), table).toBe(true);
    }
    expect(columns(db, 'documents')).toContain('text');
    seedDocument(db, 'd1', [{ speaker: 'I', text: 'Welke ideeën heb je?' }, { speaker: 'R', text: 'Geen.' }]);
    expect(db.prepare("SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'ideeen'").all()).toHaveLength(1);
    db.prepare("UPDATE turns SET text = 'Andere woorden.' WHERE position = 0").run();
    expect(db.prepare("SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'ideeen'").all()).toHaveLength(0);
    expect(() => db.prepare("INSERT INTO turns (document_id, position, speaker, start, end, text) VALUES ('d1', 5, NULL, 4, 4, 'x')").run()).toThrow(/CHECK/);
  });
});
