-- 0010: each text stored once. A transcript's text lived twice, in `documents.text` and in its turns
-- (`turns.text`, which the full-text index reads as its external content): the project file was three
-- times the size of its texts. The canonical text of an imported transcript is its turns joined by a
-- blank line, with each turn's offsets in it, so it is rebuilt from the turns when read. Only a text
-- that is not that join (a REFI-QDA source whose paragraphs are set apart otherwise) keeps a copy of
-- its own in `own_text`. The turns stay the one copy: search and its snippets read them, and a
-- transcript opens from them.

ALTER TABLE documents ADD COLUMN own_text TEXT;

UPDATE documents SET own_text = text
WHERE text IS NOT (SELECT group_concat(t.text, char(10) || char(10) ORDER BY t.position) FROM turns t WHERE t.document_id = documents.id);

ALTER TABLE documents DROP COLUMN text;
