-- 0019: edited quotes and an outline generated again without overwriting (issue 29).
--
-- A quote in the outline may print an edited form: words left out, marked "(…)" or "[…]", and words
-- added in square brackets. Its verbatim text stays the segment's; the edited form is kept beside the
-- item, with the passage's words as they were when it was checked, so that a later correction of the
-- transcript that no longer fits the edited form is shown, never silently applied. A table of its own
-- (not columns on outline_items), so that other changes to the items' kinds need not touch it.
-- `id` is the quote item's id (one edit per item), as map_positions has its concept's: a table keyed
-- by `id` travels row for row in a .qdpx's Duiding block.
CREATE TABLE outline_quote_edits (
  id           TEXT PRIMARY KEY REFERENCES outline_items (id) ON DELETE CASCADE,
  text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
  checked_text TEXT NOT NULL
) STRICT;

-- Where a generated section or item came from, so that generating again adds only what is new and
-- keeps what the researcher changed: 'tensions' (the part holding the tensions), 'group:NAME' (a
-- group of tensions), 'statement:ID' (a tension's finding or implication). Learning-question and
-- tension sections are known by their tie, quotes by their segment.
CREATE TABLE outline_origins (
  id         TEXT PRIMARY KEY,
  section_id TEXT REFERENCES outline_sections (id) ON DELETE CASCADE,
  item_id    TEXT REFERENCES outline_items (id) ON DELETE CASCADE,
  origin     TEXT NOT NULL CHECK (length(origin) > 0),
  CHECK ((section_id IS NULL) <> (item_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX outline_origins_section ON outline_origins (section_id) WHERE section_id IS NOT NULL;
CREATE UNIQUE INDEX outline_origins_item ON outline_origins (item_id) WHERE item_id IS NOT NULL;

-- The order in which a tension's findings, quotes and implications go into the report (a JSON array
-- of the three kinds); NULL: findings, quotes, implications.
ALTER TABLE tensions ADD COLUMN report_order TEXT CHECK (
  report_order IS NULL OR (json_valid(report_order) AND json_array_length(report_order) = 3
    AND report_order LIKE '%"finding"%' AND report_order LIKE '%"quote"%' AND report_order LIKE '%"implication"%'));
