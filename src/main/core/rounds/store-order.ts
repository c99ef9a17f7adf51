import type { Db } from '../db/database.ts';

/**
 * Sibling order for the tables of rounds 2 and 3. Table and scope column names come from this list
 * only, never from a caller's string, so the SQL stays fixed.
 */
const ORDERED = {
  concepts: null,
  learning_questions: null,
  tensions: null,
  relation_types: null,
  concept_labels: 'concept_id',
  concept_segments: 'concept_id',
  learning_question_concepts: 'learning_question_id',
  learning_question_segments: 'learning_question_id',
  tension_statements: 'tension_id',
  tension_quotes: 'tension_id',
  tension_concepts: 'tension_id',
  outline_sections: 'parent_id',
  outline_items: 'section_id',
} as const;
export type OrderedTable = keyof typeof ORDERED;

/** Ids of one sibling list in order (`scope` is the parent's id, null for top-level lists). */
export function orderedIds(db: Db, table: OrderedTable, scope: string | null = null, extra?: { kind: string }): string[] {
  const column = ORDERED[table];
  const where = [column ? `${column} IS @scope` : '1', extra ? 'kind = @kind' : '1'].join(' AND ');
  return (db.prepare(`SELECT id FROM "${table}" WHERE ${where} ORDER BY position, rowid`).all({ scope, kind: extra?.kind ?? null }) as Array<{ id: string }>).map(
    (r) => r.id,
  );
}

export function nextPosition(db: Db, table: OrderedTable, scope: string | null = null): number {
  const column = ORDERED[table];
  return (db.prepare(`SELECT COALESCE(MAX(position) + 1, 0) AS p FROM "${table}" WHERE ${column ? `${column} IS ?` : '? IS ?'}`).get(...(column ? [scope] : [0, 0])) as { p: number }).p;
}

/** Numbers the rows 0, 1, 2 … in the order given; only rows whose position changes are written (and recorded). */
export function writeOrder(db: Db, table: OrderedTable, ids: readonly string[]): void {
  const update = db.prepare(`UPDATE "${table}" SET position = ? WHERE id = ? AND position IS NOT ?`);
  ids.forEach((id, index) => update.run(index, id, index));
}

/** Moves a row to another parent (outline sections and items), keeping its position for `writeOrder` to set. */
export function setScope(db: Db, table: 'outline_sections' | 'outline_items', id: string, scope: string | null): void {
  const column = ORDERED[table];
  db.prepare(`UPDATE "${table}" SET ${column} = ? WHERE id = ? AND ${column} IS NOT ?`).run(scope, id, scope);
}
