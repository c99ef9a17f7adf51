-- 0008: listing documents reads no transcript text and no turns.
--
-- A document's number of turns and its speakers (in order of their first turn) are kept on the
-- document itself. Listing 1,000 documents counted them from 104,000 turns on every list (90 ms of
-- the 120 ms the list took); a document's turns never change after its import, so the import
-- writes them once, and this migration does for the documents already in the project.
ALTER TABLE documents ADD COLUMN turn_count INTEGER NOT NULL DEFAULT 0 CHECK (turn_count >= 0);
ALTER TABLE documents ADD COLUMN speakers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(speakers));

UPDATE documents SET
  turn_count = (SELECT COUNT(*) FROM turns t WHERE t.document_id = documents.id),
  speakers = (SELECT json_group_array(speaker) FROM (SELECT speaker FROM turns t
                WHERE t.document_id = documents.id AND speaker IS NOT NULL GROUP BY speaker ORDER BY MIN(position)));

-- Every column the list shows comes after `text` in the row, so reading them walked the overflow
-- pages of every transcript (47 MB for 1,000 interviews). This index holds the listed columns in
-- the list's order: the list and the project's word count are read from it alone.
CREATE INDEX documents_summary ON documents (name COLLATE NOCASE, imported_at, id, kind, participant_id, word_count,
                                             source_name, importer, imported_by, turn_count, speakers);
