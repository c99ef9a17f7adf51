import { describe, expect, it } from 'vitest';
import { documentText } from '../../../src/main/core/documents/store.ts';
import { columns, projectAt, seedDocument } from './support.ts';

const indexes = (db: ReturnType<typeof projectAt>['db']) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'turns' ORDER BY name").pluck().all() as string[];

describe('migration 0012: turns point at their document by an integer', () => {
  it("gives every version-11 document a seq, moves its turns to it keeping their ids, and the search index still reads them", () => {
    const { db, to } = projectAt(11);
    const first = seedDocument(db, 'd-b', [
      { speaker: 'Interviewer', text: 'Welke ideeën? 🙂' },
      { speaker: 'Katrien', text: 'Zorg en school.' },
    ]);
    const second = seedDocument(db, 'd-a', [{ speaker: 'Interviewer', text: 'En de ouders?' }, { speaker: 'Jonas', text: 'Die bellen zelden.' }]);
    const before = db.prepare('SELECT t.id, t.document_id AS doc, t.position, t.speaker, t.start, t.end, t.text FROM turns t ORDER BY t.id').all() as Array<{ id: number; doc: string }>;
    expect(indexes(db)).toContain('sqlite_autoindex_turns_1');

    to(12);

    expect(columns(db, 'turns')).not.toContain('document_id');
    expect(columns(db, 'turns')).toContain('document_seq');
    // Seqs in the order the documents came in, not by id ('d-a' sorts first but came second).
    expect(db.prepare('SELECT id, seq FROM documents ORDER BY seq').all()).toEqual([
      { id: 'd-b', seq: 1 },
      { id: 'd-a', seq: 2 },
    ]);
    const after = db
      .prepare('SELECT t.id, d.id AS doc, t.position, t.speaker, t.start, t.end, t.text FROM turns t JOIN documents d ON d.seq = t.document_seq ORDER BY t.id')
      .all();
    expect(after).toEqual(before);
    expect(documentText(db, 'd-b')).toBe(first);
    expect(documentText(db, 'd-a')).toBe(second);
    expect(db.prepare("SELECT speaker FROM turns WHERE document_seq = (SELECT seq FROM documents WHERE id = 'd-a') ORDER BY position").pluck().all()).toEqual(['Interviewer', 'Jonas']);
    // The one index left holds what the autoindex held, and more.
    expect(indexes(db)).toEqual(['turns_speech']);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);

    // The full-text index was not rebuilt and still finds the turns by their (kept) ids, with snippets.
    const hit = db.prepare("SELECT rowid, snippet(turns_fts, 0, '[', ']', '…', 5) AS s FROM turns_fts WHERE turns_fts MATCH 'ideeen'").all();
    expect(hit).toEqual([{ rowid: before[0]!.id, s: 'Welke [ideeën]? 🙂' }]);
    expect(db.prepare("INSERT INTO turns_fts (turns_fts) VALUES ('integrity-check')").run().changes).toBeGreaterThanOrEqual(0);

    // The triggers keep the index in step, and a document's turns go with it.
    db.prepare("UPDATE turns SET text = 'Welke plannen?' WHERE id = ?").run(before[0]!.id);
    expect(db.prepare("SELECT COUNT(*) FROM turns_fts WHERE turns_fts MATCH 'ideeen'").pluck().get()).toBe(0);
    db.prepare("DELETE FROM documents WHERE id = 'd-b'").run();
    expect(db.prepare('SELECT COUNT(*) FROM turns').pluck().get()).toBe(2);
    expect(db.prepare("SELECT COUNT(*) FROM turns_fts WHERE turns_fts MATCH 'plannen OR zorg'").pluck().get()).toBe(0);
    expect(() => db.prepare("INSERT INTO turns (document_seq, position, start, end, text) VALUES (99, 0, 0, 1, 'x')").run()).toThrow(/FOREIGN KEY/);
  });
});
