-- 0016: a transcript can be corrected after coding (issue 28).
--
-- A segment an edit touches keeps its codings and is flagged until the researcher has looked at it:
-- `text_status` 'changed' (its words changed; `previous_text` holds them as they were coded) or
-- 'removed' (all its words were deleted; it stays, empty, at the place of the edit, with its codings,
-- until it is removed or anchored again). A removed segment is empty, so the table is built anew
-- without the old CHECK (start < end) (migrate() turns foreign keys off while it runs: dropping the
-- old table must not take the codings with it).

CREATE TABLE segments_new (
  id            TEXT PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  start         INTEGER NOT NULL CHECK (start >= 0),
  end           INTEGER NOT NULL,
  text          TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  text_status   TEXT CHECK (text_status IN ('changed', 'removed')),
  previous_text TEXT,
  CHECK (start < end OR (text_status = 'removed' AND start = end)),
  CHECK ((text_status IS NULL) = (previous_text IS NULL))
) STRICT;

INSERT INTO segments_new (id, document_id, start, end, text, created_by, created_at)
SELECT id, document_id, start, end, text, created_by, created_at FROM segments;

DROP TABLE segments;
ALTER TABLE segments_new RENAME TO segments;
CREATE INDEX segments_document ON segments (document_id, start, end);
CREATE INDEX segments_flagged ON segments (document_id) WHERE text_status IS NOT NULL;

-- Dropping the old table took its trigger with it: a segment's memos still go with the segment.
CREATE TRIGGER memos_of_segment_delete AFTER DELETE ON segments BEGIN
  DELETE FROM memos WHERE target_kind = 'segment' AND target_id = old.id;
END;
