import type { FeatureHandlers } from '../handlers.ts';
import { historyState } from '../history/handlers.ts';
import { applyLabel, removeCoding, resizeSegment } from './service.ts';
import { autocode, previewAutocode } from './autocode.ts';
import { listSegments } from './store.ts';

/** Round 1's coding: labels on passages, by hand and by auto-code. */
export const codingHandlers = {
  'segments/list': (session, { documentId }) => listSegments(session.project.db, documentId),
  'segments/resize': (session, args) => resizeSegment(session.project, args),
  'codings/apply': (session, args) => ({ ...applyLabel(session.project, args), history: historyState(session) }),
  'codings/remove': (session, args) => removeCoding(session.project, args),
  'codings/autocode': (session, args) => autocode(session.project, args),
  'codings/autocodePreview': (session, { query, limit, ...options }) => previewAutocode(session.project, query, limit, options),
} satisfies FeatureHandlers;
