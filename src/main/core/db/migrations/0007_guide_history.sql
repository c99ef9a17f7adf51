-- 0007: the interview guide under row history, as 0005 did for its spans. Replacing the guide (the
-- study template, guide/set) is then undone with the rest of that write: the sections, questions and
-- the spans that went with them come back, and an undone template leaves no guide behind.
-- Both tables already have a text `id`; only the triggers are new. `seq` orders the rows of one
-- change; rows removed by ON DELETE CASCADE are recorded too.

CREATE TRIGGER guide_sections_history_insert AFTER INSERT ON guide_sections WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'guide_sections', 'insert', new.id, NULL,
         json_object('id', new.id, 'position', new.position, 'title', new.title)
  FROM write_context w;
END;
CREATE TRIGGER guide_sections_history_update AFTER UPDATE ON guide_sections WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'guide_sections', 'update', new.id,
         json_object('id', old.id, 'position', old.position, 'title', old.title),
         json_object('id', new.id, 'position', new.position, 'title', new.title)
  FROM write_context w;
END;
CREATE TRIGGER guide_sections_history_delete AFTER DELETE ON guide_sections WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'guide_sections', 'delete', old.id,
         json_object('id', old.id, 'position', old.position, 'title', old.title), NULL
  FROM write_context w;
END;

CREATE TRIGGER guide_questions_history_insert AFTER INSERT ON guide_questions WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'guide_questions', 'insert', new.id, NULL,
         json_object('id', new.id, 'section_id', new.section_id, 'position', new.position, 'text', new.text, 'question_type', new.question_type)
  FROM write_context w;
END;
CREATE TRIGGER guide_questions_history_update AFTER UPDATE ON guide_questions WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'guide_questions', 'update', new.id,
         json_object('id', old.id, 'section_id', old.section_id, 'position', old.position, 'text', old.text, 'question_type', old.question_type),
         json_object('id', new.id, 'section_id', new.section_id, 'position', new.position, 'text', new.text, 'question_type', new.question_type)
  FROM write_context w;
END;
CREATE TRIGGER guide_questions_history_delete AFTER DELETE ON guide_questions WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'guide_questions', 'delete', old.id,
         json_object('id', old.id, 'section_id', old.section_id, 'position', old.position, 'text', old.text, 'question_type', old.question_type), NULL
  FROM write_context w;
END;
