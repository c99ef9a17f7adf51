import type { HandlerMap } from '../handlers.ts';
import { listAudit } from './store.ts';

/** The audit (issue 24): every write of the change log and every export (what, as which format, which documents, by whom), newest first. */
export const auditHandlers: HandlerMap<'audit/list'> = {
  'audit/list': (session, { limit }) => listAudit(session.project.db, limit ?? 500),
};
