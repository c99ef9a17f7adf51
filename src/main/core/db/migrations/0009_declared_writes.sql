-- 0009: declared writes. The history triggers are no longer written by hand in migrations: they are
-- generated in code from one list of tracked tables (src/main/core/history/triggers.ts) and
-- installed after every migration, for every project table (participants, attributes, documents,
-- turns and the project's title included, so that every write can be undone). This migration drops
-- the 66 hand-written ones.
--
-- `change_log.kind` says how a write can be taken back: an undoable step, a baseline (an import that
-- starts a new undo history; its rows are not copied into change_rows), a purging write, or an undo
-- or redo. `write_context.record` is 0 while a baseline write runs, so that the triggers skip it.

ALTER TABLE change_log ADD COLUMN kind TEXT NOT NULL DEFAULT 'undoable'
  CHECK (kind IN ('undoable', 'baseline', 'purging', 'undo', 'redo'));
UPDATE change_log SET kind = 'undo' WHERE undo_of IS NOT NULL;
UPDATE change_log SET kind = 'redo' WHERE redo_of IS NOT NULL;

ALTER TABLE write_context ADD COLUMN record INTEGER NOT NULL DEFAULT 1 CHECK (record IN (0, 1));

-- The row images serve undo and redo within a session only: when the project closes they are dropped
-- (a file no longer grows with every coding ever made, and removed text does not linger in them).
-- What stays for the audit is the entry itself with the tables it changed (`tables`, a JSON array).
-- `pruned_through` is the last entry whose rows are gone: a reader's cache built before it rebuilds.
ALTER TABLE change_log ADD COLUMN tables TEXT CHECK (tables IS NULL OR json_valid(tables));
ALTER TABLE write_context ADD COLUMN pruned_through INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER IF EXISTS codings_history_delete;
DROP TRIGGER IF EXISTS codings_history_insert;
DROP TRIGGER IF EXISTS codings_history_update;
DROP TRIGGER IF EXISTS concept_labels_history_delete;
DROP TRIGGER IF EXISTS concept_labels_history_insert;
DROP TRIGGER IF EXISTS concept_labels_history_update;
DROP TRIGGER IF EXISTS concept_links_history_delete;
DROP TRIGGER IF EXISTS concept_links_history_insert;
DROP TRIGGER IF EXISTS concept_links_history_update;
DROP TRIGGER IF EXISTS concept_segments_history_delete;
DROP TRIGGER IF EXISTS concept_segments_history_insert;
DROP TRIGGER IF EXISTS concept_segments_history_update;
DROP TRIGGER IF EXISTS concepts_history_delete;
DROP TRIGGER IF EXISTS concepts_history_insert;
DROP TRIGGER IF EXISTS concepts_history_update;
DROP TRIGGER IF EXISTS guide_questions_history_delete;
DROP TRIGGER IF EXISTS guide_questions_history_insert;
DROP TRIGGER IF EXISTS guide_questions_history_update;
DROP TRIGGER IF EXISTS guide_sections_history_delete;
DROP TRIGGER IF EXISTS guide_sections_history_insert;
DROP TRIGGER IF EXISTS guide_sections_history_update;
DROP TRIGGER IF EXISTS guide_spans_history_delete;
DROP TRIGGER IF EXISTS guide_spans_history_insert;
DROP TRIGGER IF EXISTS guide_spans_history_update;
DROP TRIGGER IF EXISTS labels_history_delete;
DROP TRIGGER IF EXISTS labels_history_insert;
DROP TRIGGER IF EXISTS labels_history_update;
DROP TRIGGER IF EXISTS learning_question_concepts_history_delete;
DROP TRIGGER IF EXISTS learning_question_concepts_history_insert;
DROP TRIGGER IF EXISTS learning_question_concepts_history_update;
DROP TRIGGER IF EXISTS learning_question_segments_history_delete;
DROP TRIGGER IF EXISTS learning_question_segments_history_insert;
DROP TRIGGER IF EXISTS learning_question_segments_history_update;
DROP TRIGGER IF EXISTS learning_questions_history_delete;
DROP TRIGGER IF EXISTS learning_questions_history_insert;
DROP TRIGGER IF EXISTS learning_questions_history_update;
DROP TRIGGER IF EXISTS map_positions_history_delete;
DROP TRIGGER IF EXISTS map_positions_history_insert;
DROP TRIGGER IF EXISTS map_positions_history_update;
DROP TRIGGER IF EXISTS memos_history_delete;
DROP TRIGGER IF EXISTS memos_history_insert;
DROP TRIGGER IF EXISTS memos_history_update;
DROP TRIGGER IF EXISTS outline_items_history_delete;
DROP TRIGGER IF EXISTS outline_items_history_insert;
DROP TRIGGER IF EXISTS outline_items_history_update;
DROP TRIGGER IF EXISTS outline_sections_history_delete;
DROP TRIGGER IF EXISTS outline_sections_history_insert;
DROP TRIGGER IF EXISTS outline_sections_history_update;
DROP TRIGGER IF EXISTS relation_types_history_delete;
DROP TRIGGER IF EXISTS relation_types_history_insert;
DROP TRIGGER IF EXISTS relation_types_history_update;
DROP TRIGGER IF EXISTS segments_history_delete;
DROP TRIGGER IF EXISTS segments_history_insert;
DROP TRIGGER IF EXISTS segments_history_update;
DROP TRIGGER IF EXISTS tension_concepts_history_delete;
DROP TRIGGER IF EXISTS tension_concepts_history_insert;
DROP TRIGGER IF EXISTS tension_concepts_history_update;
DROP TRIGGER IF EXISTS tension_quotes_history_delete;
DROP TRIGGER IF EXISTS tension_quotes_history_insert;
DROP TRIGGER IF EXISTS tension_quotes_history_update;
DROP TRIGGER IF EXISTS tension_statements_history_delete;
DROP TRIGGER IF EXISTS tension_statements_history_insert;
DROP TRIGGER IF EXISTS tension_statements_history_update;
DROP TRIGGER IF EXISTS tensions_history_delete;
DROP TRIGGER IF EXISTS tensions_history_insert;
DROP TRIGGER IF EXISTS tensions_history_update;
