-- 0001: the project, participants with typed attributes, documents with turns, full-text search,
-- the interview guide and the change log. Shipped migrations are never edited: add a new file.

CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE participants (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE attributes (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL COLLATE NOCASE UNIQUE,
  type     TEXT NOT NULL CHECK (type IN ('text', 'number', 'boolean', 'date')),
  position INTEGER NOT NULL
) STRICT;

-- Values keep their SQLite type: TEXT for text and dates (YYYY-MM-DD), INTEGER/REAL for numbers,
-- INTEGER 0/1 for booleans.
CREATE TABLE participant_attributes (
  participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  attribute_id   TEXT NOT NULL REFERENCES attributes (id) ON DELETE CASCADE,
  value          ANY NOT NULL,
  PRIMARY KEY (participant_id, attribute_id)
) STRICT;

CREATE TABLE documents (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('interview', 'questionnaire', 'observation', 'other')),
  participant_id TEXT REFERENCES participants (id) ON DELETE SET NULL,
  text           TEXT NOT NULL,
  word_count     INTEGER NOT NULL CHECK (word_count >= 0),
  source_name    TEXT NOT NULL,
  source_hash    TEXT NOT NULL,
  importer       TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  imported_by    TEXT NOT NULL
) STRICT;
CREATE INDEX documents_source_hash ON documents (source_hash);
CREATE INDEX documents_participant ON documents (participant_id);

-- Turns are parts of a document, addressed by (document_id, position). The integer key is the FTS5
-- rowid: FTS5 external content needs a stable integer rowid, which a TEXT key would not give.
CREATE TABLE turns (
  id            INTEGER PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  speaker       TEXT,
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  time_start_ms INTEGER,
  time_end_ms   INTEGER,
  text          TEXT NOT NULL,
  CHECK (start < end),
  UNIQUE (document_id, position)
) STRICT;

CREATE VIRTUAL TABLE turns_fts USING fts5 (
  text,
  content = 'turns',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

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

CREATE TABLE guide_sections (
  id       TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  title    TEXT NOT NULL
) STRICT;

CREATE TABLE guide_questions (
  id            TEXT PRIMARY KEY,
  section_id    TEXT NOT NULL REFERENCES guide_sections (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  text          TEXT NOT NULL,
  question_type TEXT CHECK (question_type IN ('opening', 'follow-up', 'probing', 'specifying',
                                              'direct', 'indirect', 'structuring', 'interpreting')),
  UNIQUE (section_id, position)
) STRICT;

-- Which stretch of a document answers which guide section.
CREATE TABLE document_guide_spans (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  section_id  TEXT NOT NULL REFERENCES guide_sections (id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  CHECK (start < end),
  PRIMARY KEY (document_id, section_id, start)
) STRICT;

-- Every write, who and when. `detail` is JSON for the machine (undo/redo builds on it).
CREATE TABLE change_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  coder   TEXT NOT NULL,
  action  TEXT NOT NULL,
  summary TEXT NOT NULL,
  detail  TEXT
) STRICT;
