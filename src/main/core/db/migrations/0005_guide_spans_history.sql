-- 0005: interview-guide spans under row history. A stretch of a transcript marked as answering a
-- guide section (and, optionally, one of its questions) so that retrieval can filter by section.
-- 0001's document_guide_spans had a composite key; undo and redo address rows by a text `id`, so
-- the spans move to a new table with one, and the old table goes. Its rows (none are written by any
-- version before this one) come along with fresh ids.

CREATE TABLE guide_spans (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  section_id  TEXT NOT NULL REFERENCES guide_sections (id) ON DELETE CASCADE,
  question_id TEXT REFERENCES guide_questions (id) ON DELETE SET NULL,
  start       INTEGER NOT NULL CHECK (start >= 0),
  end         INTEGER NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK (start < end)
) STRICT;
CREATE INDEX guide_spans_document ON guide_spans (document_id, start, end);
CREATE INDEX guide_spans_section ON guide_spans (section_id);
CREATE INDEX guide_spans_question ON guide_spans (question_id);

INSERT INTO guide_spans (id, document_id, section_id, question_id, start, end, created_by, created_at)
SELECT lower(hex(randomblob(16))), document_id, section_id, NULL, start, end,
       COALESCE((SELECT value FROM project_meta WHERE key = 'created_by'), ''),
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM document_guide_spans;

DROP TABLE document_guide_spans;

-- Row history, as in 0002. `seq` orders the rows of one change; cascaded deletes are recorded too.
CREATE TRIGGER guide_spans_history_insert AFTER INSERT ON guide_spans WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'guide_spans', 'insert', new.id, NULL,
         json_object('id', new.id, 'document_id', new.document_id, 'section_id', new.section_id, 'question_id', new.question_id,
                     'start', new.start, 'end', new.end, 'created_by', new.created_by, 'created_at', new.created_at)
  FROM write_context w;
END;
CREATE TRIGGER guide_spans_history_update AFTER UPDATE ON guide_spans WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'guide_spans', 'update', new.id,
         json_object('id', old.id, 'document_id', old.document_id, 'section_id', old.section_id, 'question_id', old.question_id,
                     'start', old.start, 'end', old.end, 'created_by', old.created_by, 'created_at', old.created_at),
         json_object('id', new.id, 'document_id', new.document_id, 'section_id', new.section_id, 'question_id', new.question_id,
                     'start', new.start, 'end', new.end, 'created_by', new.created_by, 'created_at', new.created_at)
  FROM write_context w;
END;
CREATE TRIGGER guide_spans_history_delete AFTER DELETE ON guide_spans WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'guide_spans', 'delete', old.id,
         json_object('id', old.id, 'document_id', old.document_id, 'section_id', old.section_id, 'question_id', old.question_id,
                     'start', old.start, 'end', old.end, 'created_by', old.created_by, 'created_at', old.created_at), NULL
  FROM write_context w;
END;
