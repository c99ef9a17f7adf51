-- 0013: the audit (issue 24). Exports are recorded beside the writes, in a log of their own (an
-- export stays a read: its entry is no change and no undo step). Both logs are append-only: triggers
-- refuse to change or remove an entry, except the entry a write is completing and the rewrite a
-- purging write makes of lines that hold removed text (write_context.audit_rewrite, set only for the
-- duration of a purging write; the purge leaves an entry saying so).

ALTER TABLE write_context ADD COLUMN audit_rewrite INTEGER NOT NULL DEFAULT 0 CHECK (audit_rewrite IN (0, 1));

CREATE TABLE export_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  coder     TEXT NOT NULL,
  -- The handler that wrote it out: export/file, interchange/exportQdpx, interchange/exportQdc, project/copy.
  action    TEXT NOT NULL,
  -- What went out (themes, codebook, segments, matrix, project) and as what (docx, csv, qdpx, duiding …).
  what      TEXT NOT NULL,
  format    TEXT NOT NULL,
  -- The documents whose words it holds: [{"id": …, "name": …}].
  documents TEXT NOT NULL CHECK (json_valid(documents)),
  -- The file name written (no folder), or NULL for a download from the browser.
  file      TEXT
) STRICT;

CREATE TRIGGER audit_change_log_update BEFORE UPDATE ON change_log
WHEN old.id IS NOT (SELECT change_id FROM write_context WHERE one = 1) AND (SELECT audit_rewrite FROM write_context WHERE one = 1) = 0
BEGIN
  SELECT RAISE(ABORT, 'The change log is append-only: an entry cannot be changed.');
END;

CREATE TRIGGER audit_change_log_delete BEFORE DELETE ON change_log
WHEN (SELECT audit_rewrite FROM write_context WHERE one = 1) = 0
BEGIN
  SELECT RAISE(ABORT, 'The change log is append-only: an entry cannot be removed.');
END;

CREATE TRIGGER audit_export_log_update BEFORE UPDATE ON export_log
WHEN (SELECT audit_rewrite FROM write_context WHERE one = 1) = 0
BEGIN
  SELECT RAISE(ABORT, 'The export log is append-only: an entry cannot be changed.');
END;

CREATE TRIGGER audit_export_log_delete BEFORE DELETE ON export_log
WHEN (SELECT audit_rewrite FROM write_context WHERE one = 1) = 0
BEGIN
  SELECT RAISE(ABORT, 'The export log is append-only: an entry cannot be removed.');
END;
