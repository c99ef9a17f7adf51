-- 0017: a scales chart in the report outline (issue 27).
--
-- An outline item of kind 'chart' shows the scales view's chart of the dimensions and numeric
-- questions it names (`chart`: JSON {"rows": [names], "by": attribute or null}); its figures are
-- computed from the answers whenever the report is shown or written, never stored. SQLite cannot
-- widen a CHECK in place, so the table is built anew (migrate() turns foreign keys off while it runs:
-- dropping the old table must not take rows pointing at its items with it; tables that point at
-- outline_items by name point at the new one after the rename).
CREATE TABLE outline_items_new (
  id         TEXT PRIMARY KEY,
  section_id TEXT NOT NULL REFERENCES outline_sections (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('quote', 'finding', 'implication', 'paragraph', 'chart')),
  position   INTEGER NOT NULL,
  segment_id TEXT REFERENCES segments (id) ON DELETE CASCADE,
  text       TEXT NOT NULL DEFAULT '',
  rich       TEXT,
  title      TEXT NOT NULL DEFAULT '',
  chart      TEXT CHECK (chart IS NULL OR (json_valid(chart) AND json_type(chart, '$.rows') = 'array')),
  CHECK ((kind = 'quote') = (segment_id IS NOT NULL)),
  CHECK ((kind = 'chart') = (chart IS NOT NULL))
) STRICT;

INSERT INTO outline_items_new (id, section_id, kind, position, segment_id, text, rich, title)
SELECT id, section_id, kind, position, segment_id, text, rich, title FROM outline_items;

DROP TABLE outline_items;
ALTER TABLE outline_items_new RENAME TO outline_items;
CREATE INDEX outline_items_section ON outline_items (section_id, position);
CREATE INDEX outline_items_segment ON outline_items (segment_id);
