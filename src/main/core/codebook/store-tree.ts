import type { Db } from '../db/database.ts';

/** The sub-labels of a parent (null: the top level) in their order. */
export function childrenOf(db: Db, parentId: string | null): Array<{ id: string; name: string; position: number }> {
  return db
    .prepare('SELECT id, name, position FROM labels WHERE parent_id IS ? ORDER BY position, name COLLATE NOCASE, id')
    .all(parentId) as Array<{ id: string; name: string; position: number }>;
}

export interface LabelUsageRow {
  codings: number;
  segments: number;
  documents: number;
  coders: number;
  children: number;
}

/** How much hangs on a label: what a delete would take with it. */
export function labelUsage(db: Db, id: string): LabelUsageRow {
  return db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM codings WHERE label_id = @id) AS codings,
              (SELECT COUNT(DISTINCT segment_id) FROM codings WHERE label_id = @id) AS segments,
              (SELECT COUNT(DISTINCT s.document_id) FROM codings c JOIN segments s ON s.id = c.segment_id WHERE c.label_id = @id) AS documents,
              (SELECT COUNT(DISTINCT coder) FROM codings WHERE label_id = @id) AS coders,
              (SELECT COUNT(*) FROM labels WHERE parent_id = @id) AS children`,
    )
    .get({ id }) as LabelUsageRow;
}

/** Codings of `sourceId` that `targetId` already has on the same segment by the same coder: a merge collapses them. */
export function duplicateCodings(db: Db, sourceId: string, targetId: string): number {
  return (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM codings s
         WHERE s.label_id = ? AND EXISTS (SELECT 1 FROM codings t WHERE t.label_id = ? AND t.segment_id = s.segment_id AND t.coder = s.coder)`,
      )
      .get(sourceId, targetId) as { n: number }
  ).n;
}
