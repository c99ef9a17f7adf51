-- 0003: a label's definition as rich text. `definition` keeps its plain text (for search, exports
-- and the CLI); `definition_rich` holds the Lexical editor state it came from (JSON), or NULL.
-- The label history triggers are rebuilt so that undo covers the new column too.

ALTER TABLE labels ADD COLUMN definition_rich TEXT;

DROP TRIGGER labels_history_insert;
DROP TRIGGER labels_history_update;
DROP TRIGGER labels_history_delete;

CREATE TRIGGER labels_history_insert AFTER INSERT ON labels WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'labels', 'insert', new.id, NULL,
         json_object('id', new.id, 'name', new.name, 'parent_id', new.parent_id, 'position', new.position, 'colour', new.colour,
                     'definition', new.definition, 'definition_rich', new.definition_rich, 'inclusion', new.inclusion, 'exclusion', new.exclusion, 'example', new.example,
                     'origin', new.origin, 'round', new.round, 'created_by', new.created_by, 'created_at', new.created_at)
  FROM write_context w;
END;
CREATE TRIGGER labels_history_update AFTER UPDATE ON labels WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'labels', 'update', new.id,
         json_object('id', old.id, 'name', old.name, 'parent_id', old.parent_id, 'position', old.position, 'colour', old.colour,
                     'definition', old.definition, 'definition_rich', old.definition_rich, 'inclusion', old.inclusion, 'exclusion', old.exclusion, 'example', old.example,
                     'origin', old.origin, 'round', old.round, 'created_by', old.created_by, 'created_at', old.created_at),
         json_object('id', new.id, 'name', new.name, 'parent_id', new.parent_id, 'position', new.position, 'colour', new.colour,
                     'definition', new.definition, 'definition_rich', new.definition_rich, 'inclusion', new.inclusion, 'exclusion', new.exclusion, 'example', new.example,
                     'origin', new.origin, 'round', new.round, 'created_by', new.created_by, 'created_at', new.created_at)
  FROM write_context w;
END;
CREATE TRIGGER labels_history_delete AFTER DELETE ON labels WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'labels', 'delete', old.id,
         json_object('id', old.id, 'name', old.name, 'parent_id', old.parent_id, 'position', old.position, 'colour', old.colour,
                     'definition', old.definition, 'definition_rich', old.definition_rich, 'inclusion', old.inclusion, 'exclusion', old.exclusion, 'example', old.example,
                     'origin', old.origin, 'round', old.round, 'created_by', old.created_by, 'created_at', old.created_at), NULL
  FROM write_context w;
END;
