-- 0018: coders get a stable id (issue 25). A coder was its name; two laptops that both call
-- themselves "Anna" were then one coder, and a renamed coder lost their codings. Now a coder is an
-- id with a display name and the laptop that made it (a hash, never the computer's name);
-- `codings.coder` holds the id. `same_as` records that the researcher said two coders are one, so
-- that merging a copy again maps the other laptop's id to the kept one.
--
-- An existing name's id is derived from the name itself ('name:' + hex), not drawn at random: two
-- copies of one old project, migrated on two laptops, must give the same coder the same id, or
-- merging them would split every coder in two. The change log and the export log keep the name
-- (who did it, as the audit recorded it; both are append-only).

CREATE TABLE coder_ids (name TEXT PRIMARY KEY, id TEXT NOT NULL) STRICT;
INSERT INTO coder_ids (name, id)
  SELECT name, 'name:' || lower(hex(CAST(name AS BLOB))) FROM (SELECT name FROM coders UNION SELECT coder FROM codings);

ALTER TABLE coders RENAME TO coders_old;

CREATE TABLE coders (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  -- The laptop whose researcher typed the name (hash); NULL for a coder that came from an older
  -- project or another program, claimed by the first laptop whose researcher gives that name.
  laptop     TEXT,
  same_as    TEXT REFERENCES coders (id) ON DELETE SET NULL,
  first_seen TEXT NOT NULL,
  CHECK (same_as IS NULL OR same_as <> id)
) STRICT;
CREATE INDEX coders_name ON coders (name, laptop);

INSERT INTO coders (id, name, laptop, same_as, first_seen)
  SELECT i.id, i.name, NULL, NULL,
         COALESCE(o.first_seen, (SELECT MIN(created_at) FROM codings c WHERE c.coder = i.name), '1970-01-01T00:00:00.000Z')
  FROM coder_ids i LEFT JOIN coders_old o ON o.name = i.name;

UPDATE codings SET coder = (SELECT id FROM coder_ids WHERE name = codings.coder);

DROP TABLE coders_old;
DROP TABLE coder_ids;
