import { describe, expect, it } from 'vitest';
import { columns, projectAt, seedDocument } from './support.ts';

describe('migration 0020: literature documents with a citation, turns with a page', () => {
  it('rebuilds documents with the wider kind and a citation, keeping every document, its turns, segments and memos', () => {
    const { db, to } = projectAt(19);
    seedDocument(db, 'd1', [{ speaker: 'Katrien', text: 'Ik doe de planning.' }, { speaker: 'Hanne', text: 'Goed.' }]);
    db.prepare("INSERT INTO segments (id, document_id, start, end, text, created_by, created_at) VALUES ('s1', 'd1', 10, 18, 'planning', 'a', 't')").run();
    db.prepare("INSERT INTO memos (id, target_kind, target_id, title, body_rich, body_text, created_by, created_at, updated_by, updated_at) VALUES ('m1', 'document', 'd1', 'Memo', '{}', 'x', 'a', 't', 'a', 't')").run();
    expect(() => db.prepare("UPDATE documents SET kind = 'literature'").run()).toThrow(/CHECK/);

    to(20);

    expect(columns(db, 'documents')).toEqual(['id', 'name', 'kind', 'participant_id', 'word_count', 'source_name', 'source_hash', 'importer', 'imported_at', 'imported_by', 'turn_count', 'speakers', 'own_text', 'seq', 'citation']);
    expect(db.prepare('SELECT id, kind, seq, word_count AS words, citation FROM documents').all()).toEqual([{ id: 'd1', kind: 'interview', seq: 1, words: 3, citation: null }]);
    expect(db.prepare('SELECT position, page FROM turns ORDER BY position').all()).toEqual([{ position: 0, page: null }, { position: 1, page: null }]);
    expect(db.prepare('SELECT COUNT(*) FROM segments').pluck().get()).toBe(1);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'documents' AND type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all()).toEqual([
      'documents_participant',
      'documents_seq',
      'documents_source_hash',
      'documents_summary',
    ]);

    db.prepare("UPDATE documents SET kind = 'literature', citation = 'Peeters, 2019'").run();
    expect(() => db.prepare("UPDATE documents SET citation = '  '").run()).toThrow(/CHECK/);
    db.prepare('UPDATE turns SET page = 3').run();
    expect(() => db.prepare('UPDATE turns SET page = 0').run()).toThrow(/CHECK/);
    // The memo trigger is back on the new table, and turns still go with their document.
    db.prepare("DELETE FROM documents WHERE id = 'd1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM memos').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM turns').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM segments').pluck().get()).toBe(0);
  });
});
