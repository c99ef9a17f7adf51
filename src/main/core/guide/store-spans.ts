import type { GuideSpan } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';

const SELECT = `
  SELECT g.id, g.document_id AS documentId, g.section_id AS sectionId, s.title AS sectionTitle,
         g.question_id AS questionId, q.text AS questionText, g.start, g.end,
         g.created_by AS createdBy, g.created_at AS createdAt
  FROM guide_spans g
  JOIN guide_sections s ON s.id = g.section_id
  LEFT JOIN guide_questions q ON q.id = g.question_id`;

export function listGuideSpans(db: Db, documentId: string): GuideSpan[] {
  return db.prepare(`${SELECT} WHERE g.document_id = ? ORDER BY g.start, g.end, s.position`).all(documentId) as GuideSpan[];
}

export function getGuideSpan(db: Db, id: string): GuideSpan | undefined {
  return db.prepare(`${SELECT} WHERE g.id = ?`).get(id) as GuideSpan | undefined;
}

export function findGuideSpan(db: Db, span: { documentId: string; sectionId: string; start: number; end: number }): { id: string; questionId: string | null } | undefined {
  return db
    .prepare('SELECT id, question_id AS questionId FROM guide_spans WHERE document_id = @documentId AND section_id = @sectionId AND start = @start AND end = @end')
    .get(span) as { id: string; questionId: string | null } | undefined;
}

export function insertGuideSpan(
  db: Db,
  span: { id: string; documentId: string; sectionId: string; questionId: string | null; start: number; end: number; createdBy: string; createdAt: string },
): void {
  db.prepare(
    `INSERT INTO guide_spans (id, document_id, section_id, question_id, start, end, created_by, created_at)
     VALUES (@id, @documentId, @sectionId, @questionId, @start, @end, @createdBy, @createdAt)`,
  ).run(span);
}

export function deleteGuideSpan(db: Db, id: string): void {
  db.prepare('DELETE FROM guide_spans WHERE id = ?').run(id);
}

export function findSection(db: Db, id: string): { id: string; title: string } | undefined {
  return db.prepare('SELECT id, title FROM guide_sections WHERE id = ?').get(id) as { id: string; title: string } | undefined;
}

export function findQuestion(db: Db, id: string): { id: string; sectionId: string; text: string } | undefined {
  return db.prepare('SELECT id, section_id AS sectionId, text FROM guide_questions WHERE id = ?').get(id) as { id: string; sectionId: string; text: string } | undefined;
}

export function documentExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
}

export function countGuideSpans(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM guide_spans').get() as { n: number }).n;
}
