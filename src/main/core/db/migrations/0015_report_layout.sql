-- 0015: the report's layout, kept in the project (issue 22).
--
-- A section numbers its sub-sections (`numbering`: NULL follows the level's setting, and without one
-- the automatic rule, "1)" on groups of tensions) and its points (`item_numbering`: NULL is bullets).
-- A finding may carry a bold title with its text as a paragraph under it. The title block is a list
-- of lines in the researcher's order (no rows: derived from the project's title); the other settings
-- are one row. The history triggers are generated in code (history/triggers.ts), so every change to
-- these is one undo step.
ALTER TABLE outline_sections ADD COLUMN numbering TEXT CHECK (numbering IN ('none', '1)', '1.', 'A.', 'a.', 'I.'));
ALTER TABLE outline_sections ADD COLUMN item_numbering TEXT CHECK (item_numbering IN ('bullet', 'none', '1)', '1.', 'A.', 'a.', 'I.'));
ALTER TABLE outline_items ADD COLUMN title TEXT NOT NULL DEFAULT '';

CREATE TABLE report_title_lines (
  id       TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('title', 'subtitle', 'author', 'date')),
  text     TEXT NOT NULL CHECK (length(trim(text)) > 0)
) STRICT;

CREATE TABLE report_settings (
  id              TEXT PRIMARY KEY CHECK (id = 'report'),
  quote_style     TEXT NOT NULL DEFAULT 'quote' CHECK (quote_style IN ('quote', 'plain')),
  quotation_marks INTEGER NOT NULL DEFAULT 0 CHECK (quotation_marks IN (0, 1)),
  -- The CLI's spelling: none, participant, source, full or attrs:KEY,KEY.
  attribution     TEXT NOT NULL DEFAULT 'participant' CHECK (attribution IN ('none', 'participant', 'source', 'full') OR attribution LIKE 'attrs:_%'),
  -- Numbering of the headings per depth, a JSON array from depth 1 (null: automatic).
  level_numbering TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(level_numbering) AND json_type(level_numbering) = 'array')
) STRICT;
