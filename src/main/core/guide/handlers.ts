import type { FeatureHandlers } from '../handlers.ts';
import { setGuide } from './service.ts';
import { guideSpansOf, markGuideSpan, unmarkGuideSpan } from './spans.ts';
import { readGuide } from './store.ts';

/** The interview guide and the passages marked as answering its questions. */
export const guideHandlers = {
  'guide/get': (session) => readGuide(session.project.db),
  'guide/set': (session, { sections }) => setGuide(session.project, sections),
  'guide/markSpan': (session, args) => markGuideSpan(session.project, args),
  'guide/unmarkSpan': (session, { id }) => unmarkGuideSpan(session.project, id),
  'guide/spans': (session, { documentId }) => guideSpansOf(session.project, documentId),
} satisfies FeatureHandlers;
