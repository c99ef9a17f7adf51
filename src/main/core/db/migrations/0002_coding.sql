-- 0002: round 1 coding — coders, labels (the codebook tree), segments (stored quotations) and
-- codings (segment × label × coder) — and the row history that undo and redo replay.

CREATE TABLE coders (
  name       TEXT PRIMARY KEY,
  first_seen TEXT NOT NULL
) STRICT;

CREATE TABLE labels (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  parent_id  TEXT REFERENCES labels (id) ON DELETE SET NULL,
  position   INTEGER NOT NULL,
  colour     TEXT NOT NULL,
  definition TEXT NOT NULL DEFAULT '',
  inclusion  TEXT NOT NULL DEFAULT '',
  exclusion  TEXT NOT NULL DEFAULT '',
  example    TEXT NOT NULL DEFAULT '',
  origin     TEXT NOT NULL CHECK (origin IN ('a-priori', 'emergent', 'in-vivo')),
  round      INTEGER NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 3),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE INDEX labels_parent ON labels (parent_id, position);

-- A segment's offsets count UTF-16 units of its document's canonical text; `text` is the snapshot
-- that lets drift be detected.
CREATE TABLE segments (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  start       INTEGER NOT NULL CHECK (start >= 0),
  end         INTEGER NOT NULL,
  text        TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK (start < end)
) STRICT;
CREATE INDEX segments_document ON segments (document_id, start, end);

CREATE TABLE codings (
  id         TEXT PRIMARY KEY,
  segment_id TEXT NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  label_id   TEXT NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
  coder      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (segment_id, label_id, coder)
) STRICT;
CREATE INDEX codings_label ON codings (label_id);

-- Which change-log entry the running write belongs to (one row; NULL outside a write). Triggers
-- below copy every row they see change into change_rows under that entry.
CREATE TABLE write_context (
  one       INTEGER PRIMARY KEY CHECK (one = 1),
  change_id INTEGER
) STRICT;
INSERT INTO write_context (one, change_id) VALUES (1, NULL);

CREATE TABLE change_rows (
  change_id INTEGER NOT NULL REFERENCES change_log (id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  tbl       TEXT NOT NULL,
  op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  row_id    TEXT NOT NULL,
  before    TEXT,
  after     TEXT,
  PRIMARY KEY (change_id, seq)
) STRICT;

ALTER TABLE change_log ADD COLUMN undo_of INTEGER REFERENCES change_log (id);
ALTER TABLE change_log ADD COLUMN redo_of INTEGER REFERENCES change_log (id);

-- Row history. `seq` orders the rows of one change; cascaded deletes are recorded too.
CREATE TRIGGER labels_history_insert AFTER INSERT ON labels WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'labels', 'insert', new.id, NULL,
         json_object('id', new.id, 'name', new.name, 'parent_id', new.parent_id, 'position', new.position, 'colour', new.colour,
                     'definition', new.definition, 'inclusion', new.inclusion, 'exclusion', new.exclusion, 'example', new.example,
                     'origin', new.origin, 'round', new.round, 'created_by', new.created_by, 'created_at', new.created_at)
  FROM write_context w;
END;
CREATE TRIGGER labels_history_update AFTER UPDATE ON labels WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'labels', 'update', new.id,
         json_object('id', old.id, 'name', old.name, 'parent_id', old.parent_id, 'position', old.position, 'colour', old.colour,
                     'definition', old.definition, 'inclusion', old.inclusion, 'exclusion', old.exclusion, 'example', old.example,
                     'origin', old.origin, 'round', old.round, 'created_by', old.created_by, 'created_at', old.created_at),
         json_object('id', new.id, 'name', new.name, 'parent_id', new.parent_id, 'position', new.position, 'colour', new.colour,
                     'definition', new.definition, 'inclusion', new.inclusion, 'exclusion', new.exclusion, 'example', new.example,
                     'origin', new.origin, 'round', new.round, 'created_by', new.created_by, 'created_at', new.created_at)
  FROM write_context w;
END;
CREATE TRIGGER labels_history_delete AFTER DELETE ON labels WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'labels', 'delete', old.id,
         json_object('id', old.id, 'name', old.name, 'parent_id', old.parent_id, 'position', old.position, 'colour', old.colour,
                     'definition', old.definition, 'inclusion', old.inclusion, 'exclusion', old.exclusion, 'example', old.example,
                     'origin', old.origin, 'round', old.round, 'created_by', old.created_by, 'created_at', old.created_at), NULL
  FROM write_context w;
END;

CREATE TRIGGER segments_history_insert AFTER INSERT ON segments WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'segments', 'insert', new.id, NULL,
         json_object('id', new.id, 'document_id', new.document_id, 'start', new.start, 'end', new.end, 'text', new.text,
                     'created_by', new.created_by, 'created_at', new.created_at)
  FROM write_context w;
END;
CREATE TRIGGER segments_history_update AFTER UPDATE ON segments WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'segments', 'update', new.id,
         json_object('id', old.id, 'document_id', old.document_id, 'start', old.start, 'end', old.end, 'text', old.text,
                     'created_by', old.created_by, 'created_at', old.created_at),
         json_object('id', new.id, 'document_id', new.document_id, 'start', new.start, 'end', new.end, 'text', new.text,
                     'created_by', new.created_by, 'created_at', new.created_at)
  FROM write_context w;
END;
CREATE TRIGGER segments_history_delete AFTER DELETE ON segments WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'segments', 'delete', old.id,
         json_object('id', old.id, 'document_id', old.document_id, 'start', old.start, 'end', old.end, 'text', old.text,
                     'created_by', old.created_by, 'created_at', old.created_at), NULL
  FROM write_context w;
END;

CREATE TRIGGER codings_history_insert AFTER INSERT ON codings WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'codings', 'insert', new.id, NULL,
         json_object('id', new.id, 'segment_id', new.segment_id, 'label_id', new.label_id, 'coder', new.coder, 'created_at', new.created_at)
  FROM write_context w;
END;
CREATE TRIGGER codings_history_update AFTER UPDATE ON codings WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'codings', 'update', new.id,
         json_object('id', old.id, 'segment_id', old.segment_id, 'label_id', old.label_id, 'coder', old.coder, 'created_at', old.created_at),
         json_object('id', new.id, 'segment_id', new.segment_id, 'label_id', new.label_id, 'coder', new.coder, 'created_at', new.created_at)
  FROM write_context w;
END;
CREATE TRIGGER codings_history_delete AFTER DELETE ON codings WHEN (SELECT change_id FROM write_context) IS NOT NULL BEGIN
  INSERT INTO change_rows (change_id, seq, tbl, op, row_id, before, after)
  SELECT change_id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM change_rows r WHERE r.change_id = w.change_id), 'codings', 'delete', old.id,
         json_object('id', old.id, 'segment_id', old.segment_id, 'label_id', old.label_id, 'coder', old.coder, 'created_at', old.created_at), NULL
  FROM write_context w;
END;
