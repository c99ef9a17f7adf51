import type { FeatureHandlers } from '../handlers.ts';
import { quotesOf } from './quotes.ts';
import { roundStatus } from './status.ts';

/**
 * What rounds 2 and 3 share: how far each round is, quotes (a passage with its participant and
 * context), the order of their lists and their member lists.
 */
export const roundsHandlers = {
  'rounds/status': (session) => roundStatus(session.project.db),
  'quotes/get': (session, { segmentIds }) => quotesOf(session.project.db, segmentIds),
} satisfies FeatureHandlers;
