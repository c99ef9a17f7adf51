import type { HandlerMap } from '../handlers.ts';
import { mergeCopy } from './service.ts';

/** Merging another researcher's copy (issue 25). */
export const mergeHandlers: HandlerMap<'merge/apply'> = {
  'merge/apply': (session, { file, pseudonyms }) => mergeCopy(session.project, file, pseudonyms ? { pseudonyms } : {}),
};
