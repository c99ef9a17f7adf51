-- 0011: who speaks in a document and in what role.
--
-- One row per speaker name of a document: interviewer, participant or other, and for a participant
-- the participant (case) they are. Turns keep their `speaker` text and are linked by
-- (document_id, name). A document without rows here has its roles inferred when read (the import
-- rules), so rows exist only where the researcher set or confirmed a role; `confirmed` 0 marks a
-- speaker whose role no rule decided ("roles unconfirmed"). The history triggers are generated in
-- code (history/triggers.ts): a role edit is one undo step.
CREATE TABLE speakers (
  id             TEXT PRIMARY KEY,
  document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('interviewer', 'participant', 'other')),
  participant_id TEXT REFERENCES participants (id) ON DELETE SET NULL,
  confirmed      INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
  CHECK (participant_id IS NULL OR role = 'participant'),
  UNIQUE (document_id, name)
) STRICT;
CREATE INDEX speakers_participant ON speakers (participant_id);

-- Who says what is worked out from every turn's span and speaker. The turns hold the transcript's
-- text (migration 0010), so reading those columns from the table walks all of it: this index holds
-- them alone, in the order they are read.
CREATE INDEX turns_speech ON turns (document_id, position, start, end, speaker);
