import type { Tension } from '../../../shared/analysis.ts';
import type { Db } from '../db/database.ts';

/** The own columns of a tension; its lists live in child tables (rounds/store-members.ts). */
export type TensionRow = Omit<Tension, 'findings' | 'implications' | 'quotes' | 'conceptIds' | 'reportOrder'>;

const TENSION = `SELECT id, title, pole_a AS poleA, pole_b AS poleB, group_name AS "group", position, memo, created_by AS createdBy, created_at AS createdAt
                 FROM tensions`;

export function tensionRows(db: Db, only: string | null = null): TensionRow[] {
  return db.prepare(`${TENSION} WHERE ? IS NULL OR id = ? ORDER BY position, rowid`).all(only, only) as TensionRow[];
}

/** A tension's order of findings, quotes and implications in the report, as stored (JSON), or null for the default. */
export function reportOrderRows(db: Db, only: string | null = null): Map<string, string | null> {
  const rows = db.prepare('SELECT id, report_order AS reportOrder FROM tensions WHERE ? IS NULL OR id = ?').all(only, only) as Array<{ id: string; reportOrder: string | null }>;
  return new Map(rows.map((r) => [r.id, r.reportOrder]));
}

export function updateReportOrder(db: Db, id: string, order: string | null): void {
  db.prepare('UPDATE tensions SET report_order = ? WHERE id = ? AND report_order IS NOT ?').run(order, id, order);
}

export function insertTension(db: Db, row: TensionRow): void {
  db.prepare(
    `INSERT INTO tensions (id, title, pole_a, pole_b, group_name, position, memo, created_by, created_at)
     VALUES (@id, @title, @poleA, @poleB, @group, @position, @memo, @createdBy, @createdAt)`,
  ).run(row);
}

export function updateTension(db: Db, id: string, patch: Pick<TensionRow, 'title' | 'poleA' | 'poleB' | 'group' | 'memo'>): void {
  db.prepare(
    `UPDATE tensions SET title = @title, pole_a = @poleA, pole_b = @poleB, group_name = @group, memo = @memo
     WHERE id = @id AND NOT (title = @title AND pole_a = @poleA AND pole_b = @poleB AND group_name = @group AND memo = @memo)`,
  ).run({ id, ...patch });
}

export function deleteTension(db: Db, id: string): void {
  db.prepare('DELETE FROM tensions WHERE id = ?').run(id);
}

export interface StatementRow {
  tensionId: string;
  id: string;
  kind: 'finding' | 'implication';
  text: string;
}

export function statementRows(db: Db, tension: string | null = null): StatementRow[] {
  return db
    .prepare('SELECT tension_id AS tensionId, id, kind, text FROM tension_statements WHERE ? IS NULL OR tension_id = ? ORDER BY position, rowid')
    .all(tension, tension) as StatementRow[];
}

export function insertStatement(db: Db, row: { id: string; tensionId: string; kind: 'finding' | 'implication'; position: number; text: string }): void {
  db.prepare('INSERT INTO tension_statements (id, tension_id, kind, position, text) VALUES (@id, @tensionId, @kind, @position, @text)').run(row);
}

export function updateStatement(db: Db, id: string, position: number, text: string): void {
  db.prepare('UPDATE tension_statements SET position = @position, text = @text WHERE id = @id AND (position IS NOT @position OR text IS NOT @text)').run({ id, position, text });
}

export function deleteStatement(db: Db, id: string): void {
  db.prepare('DELETE FROM tension_statements WHERE id = ?').run(id);
}
