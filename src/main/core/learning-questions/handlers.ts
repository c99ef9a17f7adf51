import type { FeatureHandlers } from '../handlers.ts';
import {
  changeLearningQuestion,
  createLearningQuestion,
  learningQuestionFromSegment,
  listLearningQuestions,
  moveLearningQuestion,
  removeLearningQuestion,
} from './service.ts';

/** Round 3's learning questions, explicit (asked in the interviews) or implicit, tied to concepts and quotes. */
export const learningQuestionsHandlers = {
  'learningQuestions/list': (session) => listLearningQuestions(session.project.db),
  'learningQuestions/create': (session, fields) => createLearningQuestion(session.project, fields),
  'learningQuestions/fromSegment': (session, args) => learningQuestionFromSegment(session.project, args),
  'learningQuestions/update': (session, { id, ...patch }) => changeLearningQuestion(session.project, id, patch),
  'learningQuestions/move': (session, { id, index }) => moveLearningQuestion(session.project, id, index),
  'learningQuestions/delete': (session, { id }) => removeLearningQuestion(session.project, id),
} satisfies FeatureHandlers;
