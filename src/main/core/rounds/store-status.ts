import type { Db } from '../db/database.ts';

/** Round 1's counts for the round tabs: documents without any segment, labels without codings (own or below). */
export function round1Counts(db: Db): { documents: number; uncodedDocuments: number; labels: number; unusedLabels: number } {
  return db
    .prepare(
      `WITH RECURSIVE tree (root, id) AS (SELECT id, id FROM labels UNION SELECT t.root, l.id FROM tree t JOIN labels l ON l.parent_id = t.id)
       SELECT (SELECT COUNT(*) FROM documents) AS documents,
              (SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM segments s WHERE s.document_id = d.id)) AS uncodedDocuments,
              (SELECT COUNT(*) FROM labels) AS labels,
              (SELECT COUNT(*) FROM labels l WHERE NOT EXISTS (
                 SELECT 1 FROM tree t JOIN codings c ON c.label_id = t.id WHERE t.root = l.id)) AS unusedLabels`,
    )
    .get() as { documents: number; uncodedDocuments: number; labels: number; unusedLabels: number };
}

/** Labels neither in a concept nor under a label that is, in codebook order. */
export function labelsInNoConcept(db: Db): string[] {
  return (
    db
      .prepare(
        `WITH RECURSIVE covered (id) AS (
           SELECT label_id FROM concept_labels
           UNION SELECT l.id FROM labels l JOIN covered c ON l.parent_id = c.id)
         SELECT id FROM labels WHERE id NOT IN (SELECT id FROM covered) ORDER BY position, name COLLATE NOCASE`,
      )
      .all() as Array<{ id: string }>
  ).map((r) => r.id);
}

export function questionsWithoutSupport(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT id FROM learning_questions q WHERE NOT EXISTS (SELECT 1 FROM learning_question_segments s WHERE s.learning_question_id = q.id)
         ORDER BY position, rowid`,
      )
      .all() as Array<{ id: string }>
  ).map((r) => r.id);
}

export function tensionsWithoutImplications(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT id FROM tensions t WHERE NOT EXISTS (SELECT 1 FROM tension_statements s WHERE s.tension_id = t.id AND s.kind = 'implication')
         ORDER BY position, rowid`,
      )
      .all() as Array<{ id: string }>
  ).map((r) => r.id);
}
