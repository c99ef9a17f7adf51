import { DuidingError } from '../../../shared/errors.ts';
import type { SearchHit, SearchResult } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';

/**
 * Bounds on one query. FTS5 merges the doclists of every term, and a prefix term those of every
 * word it covers; better-sqlite3 cannot interrupt a statement, so the query's shape is bounded
 * instead: a search of 3,000 prefix terms held `duiding serve` for over ten minutes.
 */
export const MAX_SEARCH_TERMS = 64;
export const MAX_PREFIX_TERMS = 16;
export const MAX_QUERY_LENGTH = 2000;

const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * Turns what a user typed into an FTS5 query that can never be a syntax error: every word becomes
 * a quoted string (so `collega's`, `AND`, `NEAR(`, `-` or a lone quote are just text), "…" keeps a
 * phrase, a trailing `*` searches a prefix and an upper-case `OR` between words is kept as OR.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new DuidingError(`The search is ${input.length.toLocaleString('en-US')} characters long; the limit is ${MAX_QUERY_LENGTH.toLocaleString('en-US')}. Search for fewer words.`, 'usage', {
      code: 'searchTooLong',
      params: { length: input.length, limit: MAX_QUERY_LENGTH },
    });
  }
  const parts: string[] = [];
  let terms = 0;
  let prefixes = 0;
  const tokens = input.normalize('NFC').match(/["“”„][^"“”„]*["“”„]?|\S+/g) ?? [];
  for (const raw of tokens) {
    if (raw === 'OR') {
      if (parts.length > 0 && parts[parts.length - 1] !== 'OR') parts.push('OR');
      continue;
    }
    const phrase = /^["“”„]/.test(raw);
    let body = phrase ? raw.replace(/^["“”„]|["“”„]$/g, '') : raw;
    const prefix = !phrase && body.endsWith('*');
    if (prefix) body = body.replace(/\*+$/, '');
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    terms += phrase ? (body.match(/[\p{L}\p{N}]+/gu) ?? []).length : 1;
    if (prefix) prefixes++;
    parts.push(`"${body.replace(/"/g, '""')}"${prefix ? '*' : ''}`);
  }
  if (terms > MAX_SEARCH_TERMS || prefixes > MAX_PREFIX_TERMS) {
    const [count, limit, what] = prefixes > MAX_PREFIX_TERMS ? [prefixes, MAX_PREFIX_TERMS, 'prefix terms (word*)'] : [terms, MAX_SEARCH_TERMS, 'words'];
    throw new DuidingError(`The search has ${count.toLocaleString('en-US')} ${what}; the limit is ${limit}, so that one search cannot hold up the program. Search for fewer.`, 'usage', {
      code: 'searchTooManyTerms',
      params: { count, limit },
    });
  }
  while (parts[parts.length - 1] === 'OR') parts.pop();
  return parts.length > 0 ? parts.join(' ') : null;
}

function snippetParts(snippet: string): SearchHit['snippet'] {
  const parts: SearchHit['snippet'] = [];
  for (const piece of snippet.split(OPEN)) {
    const close = piece.indexOf(CLOSE);
    if (close >= 0) {
      parts.push({ text: piece.slice(0, close), hit: true });
      if (close + 1 < piece.length) parts.push({ text: piece.slice(close + 1), hit: false });
    } else if (piece) {
      parts.push({ text: piece, hit: false });
    }
  }
  return parts;
}

/**
 * Above this many matches the ranked hits are found in two passes: the top `limit` rows by bm25
 * first, with SQLite's top-N sort, then the snippets of only those rows. `ORDER BY rank` has FTS5
 * sort every match: for a prefix with 21,000 matches at L that is some 44 ms against 29 ms for the
 * top-N sort (docs/performance.md). Below it one pass is as fast: a second pass would evaluate a
 * phrase twice.
 */
const TWO_PASSES_FROM = 1000;

const HIT_COLUMNS = `d.id AS documentId, d.name AS documentName, p.name AS participantName,
       t.position AS turnPosition, t.speaker, t.time_start_ms AS startMs, t.start AS turnStart, t.end AS turnEnd, t.page`;
const SNIPPET = `snippet(turns_fts, 0, char(2), char(3), '…', 20)`;

const ONE_PASS = `SELECT ${HIT_COLUMNS}, ${SNIPPET} AS snippet
   FROM turns_fts
   JOIN turns t ON t.id = turns_fts.rowid
   JOIN documents d ON d.seq = t.document_seq
   LEFT JOIN participants p ON p.id = d.participant_id
   WHERE turns_fts MATCH @fts
   ORDER BY rank
   LIMIT @limit`;

// `+rowid` keeps the second pass one scan of the matches, filtered on the top rows: as a rowid
// constraint FTS5 would evaluate the query once per row, which for a prefix means merging the
// doclists of every term it covers, 50 times over.
const TWO_PASSES = `WITH top AS MATERIALIZED (
     SELECT rowid AS id, bm25(turns_fts) AS score FROM turns_fts WHERE turns_fts MATCH @fts ORDER BY score, rowid LIMIT @limit),
   hit AS MATERIALIZED (
     SELECT rowid AS id, ${SNIPPET} AS snippet FROM turns_fts WHERE turns_fts MATCH @fts AND +rowid IN (SELECT id FROM top))
   SELECT ${HIT_COLUMNS}, hit.snippet
   FROM top
   JOIN hit ON hit.id = top.id
   JOIN turns t ON t.id = top.id
   JOIN documents d ON d.seq = t.document_seq
   LEFT JOIN participants p ON p.id = d.participant_id
   ORDER BY top.score, top.id`;

export function searchTurns(db: Db, query: string, limit: number): SearchResult {
  const fts = toFtsQuery(query);
  if (fts === null) return { query, total: 0, hits: [] };
  try {
    const total = (db.prepare('SELECT COUNT(*) AS n FROM turns_fts WHERE turns_fts MATCH ?').get(fts) as { n: number }).n;
    const rows = db
      .prepare(total > TWO_PASSES_FROM ? TWO_PASSES : ONE_PASS)
      .all({ fts, limit }) as Array<Omit<SearchHit, 'snippet'> & { snippet: string }>;
    return { query, total, hits: rows.map((row) => ({ ...row, snippet: snippetParts(row.snippet) })) };
  } catch (error) {
    throw new DuidingError(`Search for "${query}" failed: ${(error as Error).message}`);
  }
}
