-- 0012: turns point at their document by a small integer, not by its 36-character id.
--
-- The id was in every turn row and in both turn indexes, about 1 MB of an 8.9 MB project of 100
-- transcripts (issue 15's goal: a file at most twice the size of its texts). `documents.seq` is the
-- document's number, given at insert (one more than the highest); `turns.document_seq` points at it.
--
-- The UNIQUE (document_id, position) constraint goes too: its index held the same columns as
-- `turns_speech`, which now serves both reading a document's turns in order and who says what.
-- Positions are kept in order by the code that writes turns (import, and editing a transcript, which
-- renumbers them and would otherwise have to step around the constraint).
--
-- Turns keep their ids: the full-text index reads them as its external content by rowid, so it stays
-- valid as it is and is not rebuilt.

ALTER TABLE documents ADD COLUMN seq INTEGER;
UPDATE documents SET seq = (SELECT COUNT(*) FROM documents d2 WHERE d2.rowid <= documents.rowid);
CREATE UNIQUE INDEX documents_seq ON documents (seq);

DROP TRIGGER turns_fts_insert;
DROP TRIGGER turns_fts_delete;
DROP TRIGGER turns_fts_update;

CREATE TABLE turns_new (
  id            INTEGER PRIMARY KEY,
  document_seq  INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  speaker       TEXT,
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  time_start_ms INTEGER,
  time_end_ms   INTEGER,
  text          TEXT NOT NULL,
  CHECK (start < end)
) STRICT;

INSERT INTO turns_new (id, document_seq, position, speaker, start, end, time_start_ms, time_end_ms, text)
SELECT t.id, d.seq, t.position, t.speaker, t.start, t.end, t.time_start_ms, t.time_end_ms, t.text
FROM turns t JOIN documents d ON d.id = t.document_id
ORDER BY t.id;

DROP TABLE turns;
ALTER TABLE turns_new RENAME TO turns;

CREATE INDEX turns_speech ON turns (document_seq, position, start, end, speaker);

CREATE TRIGGER turns_fts_insert AFTER INSERT ON turns BEGIN
  INSERT INTO turns_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER turns_fts_delete AFTER DELETE ON turns BEGIN
  INSERT INTO turns_fts (turns_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER turns_fts_update AFTER UPDATE OF text ON turns BEGIN
  INSERT INTO turns_fts (turns_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO turns_fts (rowid, text) VALUES (new.id, new.text);
END;
