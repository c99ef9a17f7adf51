-- 0020: literature (PDF) and observation notes (issue 30).
--
-- A document can be of kind 'literature' (an article imported from a PDF), and carries the citation
-- the researcher sets for it ("Van Damme & Peeters, 2019"), which the report prints in place of the
-- document's name. A turn of a PDF (one paragraph, or the part of one on a page) keeps its page,
-- counted from 1, so a search hit and a quote can say where it stands in the article; every other
-- turn has none.
--
-- SQLite cannot widen a CHECK in place: the documents table is built anew (migrate() turns foreign
-- keys off while it runs, so dropping the old table takes nothing with it), with its indexes and
-- its trigger; the history triggers are generated again after every migration.

CREATE TABLE documents_new (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('interview', 'questionnaire', 'observation', 'literature', 'other')),
  participant_id TEXT REFERENCES participants (id) ON DELETE SET NULL,
  word_count     INTEGER NOT NULL CHECK (word_count >= 0),
  source_name    TEXT NOT NULL,
  source_hash    TEXT NOT NULL,
  importer       TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  imported_by    TEXT NOT NULL,
  turn_count     INTEGER NOT NULL DEFAULT 0 CHECK (turn_count >= 0),
  speakers       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(speakers)),
  own_text       TEXT,
  seq            INTEGER,
  citation       TEXT CHECK (citation IS NULL OR length(trim(citation)) > 0)
) STRICT;

INSERT INTO documents_new (id, name, kind, participant_id, word_count, source_name, source_hash, importer, imported_at, imported_by, turn_count, speakers, own_text, seq)
SELECT id, name, kind, participant_id, word_count, source_name, source_hash, importer, imported_at, imported_by, turn_count, speakers, own_text, seq FROM documents;

DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;

CREATE INDEX documents_source_hash ON documents (source_hash);
CREATE INDEX documents_participant ON documents (participant_id);
CREATE UNIQUE INDEX documents_seq ON documents (seq);
-- 0008's covering index for the list, with the citation the list now shows.
CREATE INDEX documents_summary ON documents (name COLLATE NOCASE, imported_at, id, kind, participant_id, word_count,
                                             source_name, importer, imported_by, turn_count, speakers, citation);

CREATE TRIGGER memos_of_document_delete AFTER DELETE ON documents BEGIN
  DELETE FROM memos WHERE target_kind = 'document' AND target_id = old.id;
END;

ALTER TABLE turns ADD COLUMN page INTEGER CHECK (page IS NULL OR page >= 1);
