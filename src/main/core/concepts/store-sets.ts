import type { Db } from '../db/database.ts';

/**
 * The supporting segments of concepts and labels, as SQL that later queries group and count.
 *
 * A concept's segments are the distinct segments coded (by any coder) with one of its labels or a
 * label under one of them, plus the segments added to it directly. A label's are those of its own
 * codings plus those of its descendants, distinct — the same roll-up as a concept (NVivo calls it
 * the aggregate), so that a parent label and a concept made of it count alike.
 * Both CTEs take `@only` (one row's id, or NULL for all rows).
 */
export const CONCEPT_SEGMENTS = `
  concept_label_tree (row_id, label_id) AS (
    SELECT concept_id, label_id FROM concept_labels WHERE @only IS NULL OR concept_id = @only
    UNION
    SELECT t.row_id, l.id FROM concept_label_tree t JOIN labels l ON l.parent_id = t.label_id
  ),
  row_segments (row_id, segment_id) AS (
    SELECT t.row_id, c.segment_id FROM concept_label_tree t JOIN codings c ON c.label_id = t.label_id
    UNION
    SELECT concept_id, segment_id FROM concept_segments WHERE @only IS NULL OR concept_id = @only
  )`;

export const LABEL_SEGMENTS = `
  label_tree (row_id, label_id) AS (
    SELECT id, id FROM labels WHERE @only IS NULL OR id = @only
    UNION
    SELECT t.row_id, l.id FROM label_tree t JOIN labels l ON l.parent_id = t.label_id
  ),
  row_segments (row_id, segment_id) AS (
    SELECT DISTINCT t.row_id, c.segment_id FROM label_tree t JOIN codings c ON c.label_id = t.label_id
  )`;

export type RowKind = 'concepts' | 'labels';
export const rowSegments = (rows: RowKind): string => (rows === 'concepts' ? CONCEPT_SEGMENTS : LABEL_SEGMENTS);

/** Per row: distinct segments, documents, and participants (documents without one count once together). */
export function rowCounts(db: Db, rows: RowKind, only: string | null = null): Map<string, { segments: number; documents: number; participants: number }> {
  const result = db
    .prepare(
      `WITH RECURSIVE ${rowSegments(rows)}
       SELECT r.row_id AS id, COUNT(*) AS segments, COUNT(DISTINCT s.document_id) AS documents,
              COUNT(DISTINCT COALESCE(d.participant_id, '')) AS participants
       FROM row_segments r JOIN segments s ON s.id = r.segment_id JOIN documents d ON d.id = s.document_id
       GROUP BY r.row_id`,
    )
    .all({ only }) as Array<{ id: string; segments: number; documents: number; participants: number }>;
  return new Map(result.map(({ id, ...counts }) => [id, counts]));
}

/** The distinct segments of one row, in document then text order; `column` narrows them to one participant/document column. */
export function segmentsOfRow(
  db: Db,
  rows: RowKind,
  rowId: string,
  column?: { by: 'participant' | 'document'; id: string | null },
): string[] {
  const columnClause = !column ? '' : column.by === 'document' ? 'AND s.document_id = @columnId' : 'AND d.participant_id IS @columnId';
  return (
    db
      .prepare(
        `WITH RECURSIVE ${rowSegments(rows)}
         SELECT s.id FROM row_segments r JOIN segments s ON s.id = r.segment_id JOIN documents d ON d.id = s.document_id
         WHERE r.row_id = @only ${columnClause}
         ORDER BY d.name COLLATE NOCASE, d.imported_at, s.document_id, s.start, s.end`,
      )
      .all({ only: rowId, columnId: column?.id ?? null }) as Array<{ id: string }>
  ).map((r) => r.id);
}

/** Segments added to concepts directly, as [segment id, document id, concept id]. */
export function directSegments(db: Db): Array<[string, string, string]> {
  return db
    .prepare('SELECT s.id, s.document_id, cs.concept_id FROM concept_segments cs JOIN segments s ON s.id = cs.segment_id')
    .raw()
    .all() as Array<[string, string, string]>;
}

/** The label tree as [id, parent id]. */
export function labelParents(db: Db): Array<[string, string | null]> {
  return db.prepare('SELECT id, parent_id FROM labels').raw().all() as Array<[string, string | null]>;
}

/** Concept memberships of labels as [concept id, label id]. */
export function conceptLabelPairs(db: Db): Array<[string, string]> {
  return db.prepare('SELECT concept_id, label_id FROM concept_labels').raw().all() as Array<[string, string]>;
}

/** The documents as matrix columns need them: no text, no counts (the name is stored before the text, so this reads no overflow pages). */
export function documentHeads(db: Db): Array<{ id: string; name: string; participantId: string | null }> {
  return db.prepare('SELECT id, name, participant_id AS participantId FROM documents').all() as Array<{ id: string; name: string; participantId: string | null }>;
}

/** Every document's participant (null: none), as [document id, participant id]. */
export function documentParticipants(db: Db): Map<string, string | null> {
  return new Map(db.prepare('SELECT id, participant_id FROM documents').raw().all() as Array<[string, string | null]>);
}

/** The labels as matrix rows need them (no counts: those come from the one pass), in sibling order. */
export function labelTree(db: Db): Array<{ id: string; name: string; colour: string; parentId: string | null }> {
  return db
    .prepare('SELECT id, name, colour, parent_id AS parentId FROM labels ORDER BY position, name COLLATE NOCASE')
    .all() as Array<{ id: string; name: string; colour: string; parentId: string | null }>;
}

/** The latest change-log entry: every write (undo and redo too) adds one, so it versions the data. */
export function latestChange(db: Db): number {
  return (db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM change_log').get() as { id: number }).id;
}
