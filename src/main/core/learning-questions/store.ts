import type { LearningQuestion } from '../../../shared/analysis.ts';
import type { Db } from '../db/database.ts';

/** The own columns of a learning question; its lists live in child tables (rounds/store-members.ts). */
export type LearningQuestionRow = Omit<LearningQuestion, 'conceptIds' | 'segmentIds'>;

const LQ = `SELECT id, question, kind, level, position, source_segment_id AS sourceSegmentId, memo, created_by AS createdBy, created_at AS createdAt
            FROM learning_questions`;

export function learningQuestionRows(db: Db, only: string | null = null): LearningQuestionRow[] {
  return db.prepare(`${LQ} WHERE ? IS NULL OR id = ? ORDER BY position, rowid`).all(only, only) as LearningQuestionRow[];
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

export function deleteLearningQuestion(db: Db, id: string): void {
  db.prepare('DELETE FROM learning_questions WHERE id = ?').run(id);
}
