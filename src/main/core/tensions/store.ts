import type { LearningQuestion, Tension } from '../../../shared/analysis.ts';
import type { Db } from '../db/database.ts';

/** The own columns of a learning question and a tension; their lists live in child tables. */
export type LearningQuestionRow = Omit<LearningQuestion, 'conceptIds' | 'segmentIds'>;
export type TensionRow = Omit<Tension, 'findings' | 'implications' | 'quotes' | 'conceptIds' | 'reportOrder'>;

const LQ = `SELECT id, question, kind, level, position, source_segment_id AS sourceSegmentId, memo, created_by AS createdBy, created_at AS createdAt
            FROM learning_questions`;
const TENSION = `SELECT id, title, pole_a AS poleA, pole_b AS poleB, group_name AS "group", position, memo, created_by AS createdBy, created_at AS createdAt
                 FROM tensions`;

export function learningQuestionRows(db: Db, only: string | null = null): LearningQuestionRow[] {
  return db.prepare(`${LQ} WHERE ? IS NULL OR id = ? ORDER BY position, rowid`).all(only, only) as LearningQuestionRow[];
}

export function tensionRows(db: Db, only: string | null = null): TensionRow[] {
  return db.prepare(`${TENSION} WHERE ? IS NULL OR id = ? ORDER BY position, rowid`).all(only, only) as TensionRow[];
}

export function insertLearningQuestion(db: Db, row: LearningQuestionRow): void {
  db.prepare(
    `INSERT INTO learning_questions (id, question, kind, level, position, source_segment_id, memo, created_by, created_at)
     VALUES (@id, @question, @kind, @level, @position, @sourceSegmentId, @memo, @createdBy, @createdAt)`,
  ).run(row);
}

export function updateLearningQuestion(db: Db, id: string, patch: Pick<LearningQuestionRow, 'question' | 'kind' | 'level' | 'memo'>): void {
  db.prepare(
    `UPDATE learning_questions SET question = @question, kind = @kind, level = @level, memo = @memo
     WHERE id = @id AND NOT (question = @question AND kind = @kind AND level = @level AND memo = @memo)`,
  ).run({ id, ...patch });
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

export function deleteLearningQuestion(db: Db, id: string): void {
  db.prepare('DELETE FROM learning_questions WHERE id = ?').run(id);
}

export function deleteTension(db: Db, id: string): void {
  db.prepare('DELETE FROM tensions WHERE id = ?').run(id);
}

/**
 * The ordered child lists of learning questions and tensions. Each is (owner, member, extra) rows;
 * replacing one keeps the rows of members that stay (so undo sees only what changed).
 */
const LISTS = {
  lqConcepts: { table: 'learning_question_concepts', owner: 'learning_question_id', member: 'concept_id' },
  lqSegments: { table: 'learning_question_segments', owner: 'learning_question_id', member: 'segment_id' },
  tensionConcepts: { table: 'tension_concepts', owner: 'tension_id', member: 'concept_id' },
  tensionQuotes: { table: 'tension_quotes', owner: 'tension_id', member: 'segment_id' },
} as const;
export type MemberList = keyof typeof LISTS;

export interface MemberRow {
  ownerId: string;
  id: string;
  memberId: string;
  pole: number | null;
}

export function memberRows(db: Db, list: MemberList, owner: string | null = null): MemberRow[] {
  const { table, owner: ownerColumn, member } = LISTS[list];
  const pole = list === 'tensionQuotes' ? 'pole' : 'NULL';
  return db
    .prepare(`SELECT ${ownerColumn} AS ownerId, id, ${member} AS memberId, ${pole} AS pole FROM ${table} WHERE ? IS NULL OR ${ownerColumn} = ? ORDER BY position, rowid`)
    .all(owner, owner) as MemberRow[];
}

export function insertMember(db: Db, list: MemberList, row: { id: string; ownerId: string; memberId: string; position: number; pole?: number | null }): void {
  const { table, owner, member } = LISTS[list];
  if (list === 'tensionQuotes') {
    db.prepare(`INSERT INTO ${table} (id, ${owner}, ${member}, pole, position) VALUES (@id, @ownerId, @memberId, @pole, @position)`).run({ pole: null, ...row });
  } else {
    db.prepare(`INSERT INTO ${table} (id, ${owner}, ${member}, position) VALUES (@id, @ownerId, @memberId, @position)`).run(row);
  }
}

export function updateMember(db: Db, list: MemberList, id: string, position: number, pole: number | null): void {
  const { table } = LISTS[list];
  if (list === 'tensionQuotes') {
    db.prepare(`UPDATE ${table} SET position = @position, pole = @pole WHERE id = @id AND (position IS NOT @position OR pole IS NOT @pole)`).run({ id, position, pole });
  } else {
    db.prepare(`UPDATE ${table} SET position = @position WHERE id = @id AND position IS NOT @position`).run({ id, position });
  }
}

export function deleteMember(db: Db, list: MemberList, id: string): void {
  db.prepare(`DELETE FROM ${LISTS[list].table} WHERE id = ?`).run(id);
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
