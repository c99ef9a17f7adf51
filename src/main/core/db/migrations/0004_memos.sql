-- 0004: memos — rich text (Lexical editor state as JSON, plus its plain text for search and
-- exports) on a segment, label, document or participant, or on the project as a whole.
-- A memo points at its target by kind and id rather than by a foreign key, because its target lives
-- in one of several tables; the triggers below take the place of ON DELETE CASCADE so that no memo
-- is left pointing at nothing. The memos they delete are recorded in the row history like any other,
-- so undoing the delete of a segment or label brings its memos back with it.

CREATE TABLE memos (
  id          TEXT PRIMARY KEY,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'document', 'participant', 'label', 'segment')),
  target_id   TEXT,
  title       TEXT NOT NULL DEFAULT '',
  body_rich   TEXT NOT NULL,
  body_text   TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((target_kind = 'project') = (target_id IS NULL))
) STRICT;
CREATE INDEX memos_target ON memos (target_kind, target_id);

CREATE TRIGGER memos_of_segment_delete AFTER DELETE ON segments BEGIN
  DELETE FROM memos WHERE target_kind = 'segment' AND target_id = old.id;
END;
CREATE TRIGGER memos_of_label_delete AFTER DELETE ON labels BEGIN
  DELETE FROM memos WHERE target_kind = 'label' AND target_id = old.id;
END;
CREATE TRIGGER memos_of_document_delete AFTER DELETE ON documents BEGIN
  DELETE FROM memos WHERE target_kind = 'document' AND target_id = old.id;
END;
CREATE TRIGGER memos_of_participant_delete AFTER DELETE ON participants BEGIN
  DELETE FROM memos WHERE target_kind = 'participant' AND target_id = old.id;
END;

-- Row history (the pattern of 0002): every column, so that undo and redo restore a memo exactly.
CREATE TRIGGER memos_history_insert AFTER INSERT ON memos WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'memos', 'insert', new.id, NULL,
         json_object('id', new.id, 'target_kind', new.target_kind, 'target_id', new.target_id, 'title', new.title,
                     'body_rich', new.body_rich, 'body_text', new.body_text, 'created_by', new.created_by, 'created_at', new.created_at,
                     'updated_by', new.updated_by, 'updated_at', new.updated_at)
  FROM write_context w;
END;
CREATE TRIGGER memos_history_update AFTER UPDATE ON memos WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'memos', 'update', new.id,
         json_object('id', old.id, 'target_kind', old.target_kind, 'target_id', old.target_id, 'title', old.title,
                     'body_rich', old.body_rich, 'body_text', old.body_text, 'created_by', old.created_by, 'created_at', old.created_at,
                     'updated_by', old.updated_by, 'updated_at', old.updated_at),
         json_object('id', new.id, 'target_kind', new.target_kind, 'target_id', new.target_id, 'title', new.title,
                     'body_rich', new.body_rich, 'body_text', new.body_text, 'created_by', new.created_by, 'created_at', new.created_at,
                     'updated_by', new.updated_by, 'updated_at', new.updated_at)
  FROM write_context w;
END;
CREATE TRIGGER memos_history_delete AFTER DELETE ON memos WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'memos', 'delete', old.id,
         json_object('id', old.id, 'target_kind', old.target_kind, 'target_id', old.target_id, 'title', old.title,
                     'body_rich', old.body_rich, 'body_text', old.body_text, 'created_by', old.created_by, 'created_at', old.created_at,
                     'updated_by', old.updated_by, 'updated_at', old.updated_at), NULL
  FROM write_context w;
END;
