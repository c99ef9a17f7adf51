import type { FeatureHandlers } from '../handlers.ts';
import { documentProgress, labelProgress, listCoders, retrieveSegments } from './service.ts';

/** Coded passages retrieved by label, participant, attribute and coder, and round 1's progress. */
export const retrievalHandlers = {
  'retrieval/segments': (session, args) => retrieveSegments(session.project, args),
  'retrieval/coders': (session) => listCoders(session.project),
  'progress/documents': (session) => documentProgress(session.project),
  'progress/labels': (session, { speakers }) => labelProgress(session.project, speakers),
} satisfies FeatureHandlers;
