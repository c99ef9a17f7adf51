import type { FeatureHandlers } from '../handlers.ts';
import { searchTurns } from './store.ts';

/** Full-text search over every turn (FTS5, without diacritics). */
export const searchHandlers = {
  'search/query': (session, { query, limit }) => searchTurns(session.project.db, query, limit ?? 50),
} satisfies FeatureHandlers;
