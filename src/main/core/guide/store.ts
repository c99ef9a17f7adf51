import type { GuideQuestionType, GuideSection } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../clock.ts';

export function readGuide(db: Db): GuideSection[] {
  const sections = db.prepare('SELECT id, title FROM guide_sections ORDER BY position').all() as Array<{ id: string; title: string }>;
  const questions = db
    .prepare('SELECT id, section_id AS sectionId, text, question_type AS type FROM guide_questions ORDER BY section_id, position')
    .all() as Array<{ id: string; sectionId: string; text: string; type: GuideQuestionType | null }>;
  return sections.map((s) => ({
    ...s,
    questions: questions.filter((q) => q.sectionId === s.id).map(({ id, text, type }) => ({ id, text, type })),
  }));
}

/** Replaces the whole guide. Spans tied to removed sections go with them (ON DELETE CASCADE). */
export function replaceGuide(db: Db, sections: Array<{ title: string; questions: Array<{ text: string; type: GuideQuestionType | null }> }>): void {
  db.prepare('DELETE FROM guide_sections').run();
  const insertSection = db.prepare('INSERT INTO guide_sections (id, position, title) VALUES (?, ?, ?)');
  const insertQuestion = db.prepare('INSERT INTO guide_questions (id, section_id, position, text, question_type) VALUES (?, ?, ?, ?, ?)');
  sections.forEach((section, position) => {
    const id = newId();
    insertSection.run(id, position, section.title);
    section.questions.forEach((q, k) => insertQuestion.run(newId(), id, k, q.text, q.type));
  });
}

/** The guide section of this title (an open question's, an observation's date), else a new one at the end. */
export function ensureGuideSection(db: Db, title: string): string {
  const found = db.prepare('SELECT id FROM guide_sections WHERE lower(title) = lower(?)').pluck().get(title) as string | undefined;
  if (found) return found;
  const id = newId();
  const position = db.prepare('SELECT COALESCE(MAX(position), -1) + 1 FROM guide_sections').pluck().get() as number;
  db.prepare('INSERT INTO guide_sections (id, position, title) VALUES (?, ?, ?)').run(id, position, title);
  return id;
}
