import type { FeatureHandlers } from '../handlers.ts';
import { deleteMemo, listMemos, saveMemo } from './service.ts';

/** Memos on the project, a document, a label, a passage or a concept. */
export const memosHandlers = {
  'memos/list': (session, { target }) => listMemos(session.project, target),
  'memos/save': (session, args) => saveMemo(session.project, args),
  'memos/delete': (session, { id }) => deleteMemo(session.project, id),
} satisfies FeatureHandlers;
