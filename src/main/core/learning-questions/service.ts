import { type LearningQuestion, type LearningQuestionKind } from '../../../shared/analysis.ts';
import { newId, now } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Project } from '../project.ts';
import { nextPosition, orderedIds, writeOrder } from '../rounds/store-order.ts';
import { quoteRows } from '../rounds/store-quotes.ts';
import { deleteLearningQuestion, insertLearningQuestion, learningQuestionRows, updateLearningQuestion } from './store.ts';
import { memberRows } from '../rounds/store-members.ts';
import { notFound, placeAt, short } from '../rounds/order.ts';
import { byOwner, checkConcepts, checkSegments, syncMembers } from '../rounds/members.ts';

/** Round 3: learning questions (explicit or implicit), each tied to concepts and quotes; every change one undo step. */

export function listLearningQuestions(db: Db, only: string | null = null): LearningQuestion[] {
  const concepts = byOwner(memberRows(db, 'lqConcepts', only));
  const segments = byOwner(memberRows(db, 'lqSegments', only));
  return learningQuestionRows(db, only).map((row) => ({
    ...row,
    conceptIds: (concepts.get(row.id) ?? []).map((m) => m.memberId),
    segmentIds: (segments.get(row.id) ?? []).map((m) => m.memberId),
  }));
}

function getLearningQuestion(db: Db, id: string): LearningQuestion {
  const found = listLearningQuestions(db, id)[0];
  if (!found) throw notFound('learning question', id);
  return found;
}

interface LearningQuestionFields {
  question: string;
  kind: LearningQuestionKind;
  level?: string;
  conceptIds?: string[];
  segmentIds?: string[];
  memo?: string;
  sourceSegmentId?: string | null;
}

function insertQuestion(project: Project, action: string, fields: LearningQuestionFields): LearningQuestion {
  const db = project.db;
  const conceptIds = checkConcepts(db, fields.conceptIds) ?? [];
  const segmentIds = checkSegments(db, fields.segmentIds) ?? [];
  return project.write(action, () => {
    const id = newId();
    const question = fields.question.trim().normalize('NFC');
    insertLearningQuestion(db, {
      id,
      question,
      kind: fields.kind,
      level: fields.level?.trim().normalize('NFC') ?? '',
      position: nextPosition(db, 'learning_questions'),
      sourceSegmentId: fields.sourceSegmentId ?? null,
      memo: fields.memo?.normalize('NFC') ?? '',
      createdBy: project.coder,
      createdAt: now(),
    });
    syncMembers(db, 'lqConcepts', id, conceptIds.map((memberId) => ({ memberId })));
    syncMembers(db, 'lqSegments', id, segmentIds.map((memberId) => ({ memberId })));
    return { result: getLearningQuestion(db, id), summary: `Added ${fields.kind} learning question “${short(question)}”` };
  });
}

export function createLearningQuestion(project: Project, fields: Omit<LearningQuestionFields, 'sourceSegmentId'>): LearningQuestion {
  return insertQuestion(project, 'learningQuestions/create', fields);
}

/** An explicit learning question a participant asks in a segment: the segment's words unless a question is given. */
export function learningQuestionFromSegment(project: Project, args: { segmentId: string; question?: string; level?: string }): LearningQuestion {
  const segment = quoteRows(project.db, [args.segmentId])[0];
  if (!segment) throw notFound('segment', args.segmentId);
  const question = args.question ?? segment.text.replace(/\s+/g, ' ').trim().slice(0, 2000);
  return insertQuestion(project, 'learningQuestions/fromSegment', {
    question,
    kind: 'explicit',
    level: args.level,
    segmentIds: [segment.segmentId],
    sourceSegmentId: segment.segmentId,
  });
}

export function changeLearningQuestion(
  project: Project,
  id: string,
  patch: Partial<Omit<LearningQuestionFields, 'sourceSegmentId'>>,
): LearningQuestion {
  const db = project.db;
  const before = getLearningQuestion(db, id);
  const conceptIds = checkConcepts(db, patch.conceptIds);
  const segmentIds = checkSegments(db, patch.segmentIds);
  return project.write('learningQuestions/update', () => {
    updateLearningQuestion(db, id, {
      question: patch.question?.trim().normalize('NFC') ?? before.question,
      kind: patch.kind ?? before.kind,
      level: patch.level?.trim().normalize('NFC') ?? before.level,
      memo: patch.memo?.normalize('NFC') ?? before.memo,
    });
    if (conceptIds) syncMembers(db, 'lqConcepts', id, conceptIds.map((memberId) => ({ memberId })));
    if (segmentIds) syncMembers(db, 'lqSegments', id, segmentIds.map((memberId) => ({ memberId })));
    const after = getLearningQuestion(db, id);
    return { result: after, summary: `Changed learning question “${short(after.question)}”` };
  });
}

export function moveLearningQuestion(project: Project, id: string, index: number): LearningQuestion {
  const question = getLearningQuestion(project.db, id);
  return project.write('learningQuestions/move', () => {
    writeOrder(project.db, 'learning_questions', placeAt(orderedIds(project.db, 'learning_questions'), id, index));
    return { result: getLearningQuestion(project.db, id), summary: `Moved learning question “${short(question.question)}” to place ${index + 1}` };
  });
}

export function removeLearningQuestion(project: Project, id: string): null {
  const question = getLearningQuestion(project.db, id);
  return project.write('learningQuestions/delete', () => {
    deleteLearningQuestion(project.db, id);
    return { result: null, summary: `Deleted learning question “${short(question.question)}”` };
  });
}
