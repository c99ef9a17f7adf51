import { DuidingError } from '../../../shared/errors.ts';
import type { GuideSpan } from '../../../shared/model.ts';
import { newId, now } from '../clock.ts';
import type { Project } from '../project.ts';
import { getDocument } from '../documents/store.ts';
import { countGuideSpans, deleteGuideSpan, documentExists, findGuideSpan, findQuestion, findSection, getGuideSpan, insertGuideSpan, listGuideSpans } from './store-spans.ts';
import { validSpan } from '../coding/service.ts';

/**
 * The interview guide in the text: stretches of a transcript marked as answering a guide section
 * (optionally one question of it), so that retrieval can ask for "all answers in BELEID SCHOOL".
 * Each mark and unmark is one write, so one undo step.
 */
export function markGuideSpan(
  project: Project,
  args: { documentId: string; start: number; end: number; sectionId: string; questionId?: string | null },
): GuideSpan {
  const document = getDocument(project.db, args.documentId);
  if (!document) throw new DuidingError(`There is no document with id ${args.documentId}.`);
  validSpan(document.text, args.start, args.end, document.name);
  const section = findSection(project.db, args.sectionId);
  if (!section) throw new DuidingError(`There is no guide section with id ${args.sectionId}.`);
  const questionId = args.questionId ?? null;
  if (questionId !== null) {
    const question = findQuestion(project.db, questionId);
    if (!question) throw new DuidingError(`There is no guide question with id ${questionId}.`);
    if (question.sectionId !== section.id) throw new DuidingError(`That question is not part of the guide section "${section.title}".`, 'usage');
  }
  const existing = findGuideSpan(project.db, { documentId: document.id, sectionId: section.id, start: args.start, end: args.end });
  if (existing && existing.questionId === questionId) {
    throw new DuidingError(`That stretch of "${document.name}" is already marked as "${section.title}".`, 'input', {
      code: 'guideSpanExists',
      params: { section: section.title },
    });
  }
  return project.write('guide/markSpan', () => {
    const id = newId();
    insertGuideSpan(project.db, { id, documentId: document.id, sectionId: section.id, questionId, start: args.start, end: args.end, createdBy: project.coder, createdAt: now() });
    const quote = document.text.slice(args.start, Math.min(args.end, args.start + 40));
    return {
      result: getGuideSpan(project.db, id)!,
      summary: `Marked “${quote}${args.end - args.start > 40 ? '…' : ''}” in "${document.name}" as guide section "${section.title}"`,
    };
  });
}

export function unmarkGuideSpan(project: Project, id: string): null {
  const span = getGuideSpan(project.db, id);
  if (!span) throw new DuidingError(`There is no guide span with id ${id}.`);
  const document = getDocument(project.db, span.documentId)!;
  return project.write('guide/unmarkSpan', () => {
    deleteGuideSpan(project.db, id);
    return { result: null, summary: `Removed the guide section "${span.sectionTitle}" from a stretch of "${document.name}"` };
  });
}

export function guideSpansOf(project: Project, documentId: string): GuideSpan[] {
  if (!documentExists(project.db, documentId)) throw new DuidingError(`There is no document with id ${documentId}.`);
  return listGuideSpans(project.db, documentId);
}

/**
 * Replacing the interview guide gives its sections new ids, so the spans marked with the old ones
 * would go by cascade. Those deletes would land in the row history while the sections (not under
 * row history) could not come back, and undoing that write would fail on the foreign key for the
 * rest of the session. Until the guide tables are under row history, a guide with marked spans is
 * not replaced.
 */
export function assertGuideReplaceable(project: Project): void {
  const count = countGuideSpans(project.db);
  if (count > 0) {
    throw new DuidingError(
      `${count} ${count === 1 ? 'stretch' : 'stretches'} of the transcripts ${count === 1 ? 'is' : 'are'} marked with sections of the interview guide; replacing the guide would drop them. Remove those marks first.`,
      'input',
      { code: 'guideHasSpans', params: { count } },
    );
  }
}
