import type { HandlerMap } from '../handlers.ts';
import { withdraw } from './apply.ts';
import { planWithdrawal } from './plan.ts';

/** Withdrawing a participant or a document (issue 24); registered into the handler map (handlers.ts). */
export const withdrawHandlers: HandlerMap<'withdraw/preview' | 'withdraw/apply'> = {
  'withdraw/preview': (session, target) => planWithdrawal(session.project.db, target).preview,
  'withdraw/apply': (session, target) => withdraw(session.project, target),
};
