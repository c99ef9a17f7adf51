import type { HandlerMap } from '../handlers.ts';
import { listAudit } from './store.ts';

export const auditHandlers: HandlerMap<'audit/list'> = {
  'audit/list': (session, { limit }) => listAudit(session.project.db, limit ?? 500),
};
