import type { SearchResult } from '../../src/shared/model.ts';
import { dispatch } from '../../src/main/core/handlers.ts';
import type { Session } from '../../src/main/core/session.ts';
import { PLANTED_PHRASE, RARE_WORDS } from '../corpus/vocabulary.ts';
import { summarize, timeRuns, type Summary } from '../stats.ts';

export const SEARCHES = {
  common: 'leerlingen',
  rare: RARE_WORDS[0]!,
  phrase: `"${PLANTED_PHRASE}"`,
  prefix: 'begeleid*',
} as const;

export type SearchFigures = Record<keyof typeof SEARCHES, Summary & { query: string; hits: number; shown: number }>;

/** Each kind of query through the search handler (ranked, top 50 with context), `runs` times. */
export async function measureSearch(session: Session, runs: number): Promise<SearchFigures> {
  const figures = {} as SearchFigures;
  for (const [kind, query] of Object.entries(SEARCHES) as Array<[keyof typeof SEARCHES, string]>) {
    let last: SearchResult | null = null;
    const samples = await timeRuns(runs, async () => {
      last = (await dispatch(session, 'search/query', { query, limit: 50 })) as SearchResult;
    });
    const result = last as SearchResult | null;
    figures[kind] = { query, hits: result?.total ?? 0, shown: result?.hits.length ?? 0, ...summarize(samples) };
  }
  return figures;
}
