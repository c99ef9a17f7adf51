-- 0014: questionnaires (issue 27). A survey file's scale and numeric columns become items with one
-- answer per respondent (a participant); its open answers are questionnaire documents (0001's
-- documents and turns) and its attributes the participants' attributes, so neither needs a table here.

CREATE TABLE surveys (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  source_name TEXT NOT NULL,
  source_hash TEXT NOT NULL UNIQUE,
  sheet       TEXT,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;

-- A Likert item (kind 'scale': its scale's numbers and words in `scale`, JSON) or a numeric answer
-- column (days per domain). Items sharing `dimension` are averaged per respondent in the scales view.
CREATE TABLE survey_items (
  id        TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  header    TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('scale', 'numeric')),
  dimension TEXT NOT NULL,
  scale     TEXT CHECK (scale IS NULL OR json_valid(scale)),
  reversed  INTEGER NOT NULL DEFAULT 0 CHECK (reversed IN (0, 1)),
  CHECK ((kind = 'scale') = (scale IS NOT NULL)),
  UNIQUE (survey_id, position)
) STRICT;
CREATE INDEX survey_items_dimension ON survey_items (dimension);

-- The number an answer stands for (a word already turned into its scale point) and the answer as written.
CREATE TABLE survey_answers (
  item_id        TEXT NOT NULL REFERENCES survey_items (id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  value          REAL NOT NULL,
  raw            TEXT NOT NULL,
  PRIMARY KEY (item_id, participant_id)
) STRICT;
CREATE INDEX survey_answers_participant ON survey_answers (participant_id);
