import { createHash } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { DuidingError } from '../../../shared/errors.ts';
import type { CoderEntry } from '../../../shared/model.ts';
import { newId } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { allCoders, sameAsOf, claimCoder, codingCounts, findCoder, getCoder, insertCoder, moveCodingsOfCoder, setSameAs, type CoderRow } from './store.ts';

/**
 * This laptop as the coders table names it: a hash of the computer's and the user's name, never the
 * names themselves (a project travels). `DUIDING_LAPTOP` overrides it, so that a test can be two
 * laptops in one process.
 */
export function laptopKey(): string {
  const override = process.env.DUIDING_LAPTOP;
  if (override) return `laptop:${override}`;
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // No user name (a container): the computer alone tells the laptops apart.
  }
  return `sha256:${createHash('sha256').update(`duiding-coder\u0000${hostname()}\u0000${user}`).digest('hex').slice(0, 16)}`;
}

/** Follows `same_as` to the coder the researcher kept (a chain ends; a loop cannot be made). */
export function canonicalCoder(db: Db, id: string): string {
  let current = id;
  for (let i = 0; i < 32; i++) {
    const next = sameAsOf(db, current);
    if (next === null) return current;
    current = next;
  }
  return current;
}

/** The coder key of a name typed on a laptop, without writing: null before that coder's first write. */
export function coderKeyOf(db: Db, name: string, laptop: string): string | null {
  const own = findCoder(db, name, laptop) ?? findCoder(db, name, null);
  return own ? canonicalCoder(db, own.id) : null;
}

/**
 * The coder key under which a laptop's researcher writes, made at their first coding (inside that
 * write). A coder of that name from an older project or another program (no laptop) is claimed by
 * the first laptop that codes under the name; a coder of that name from another laptop never is:
 * two laptops that both say "Anna" stay two coders until the researcher unites them.
 */
export function ensureCoder(db: Db, name: string, laptop: string, at: string): string {
  const own = findCoder(db, name, laptop);
  if (own) return canonicalCoder(db, own.id);
  const unclaimed = findCoder(db, name, null);
  if (unclaimed) {
    claimCoder(db, unclaimed.id, laptop);
    return canonicalCoder(db, unclaimed.id);
  }
  const id = newId();
  insertCoder(db, { id, name, laptop, sameAs: null, firstSeen: at });
  return id;
}

/** A coder named by another program (a REFI-QDA user): one per name, of no laptop. */
export function importedCoder(db: Db, name: string, at: string): string {
  const known = findCoder(db, name, null);
  if (known) return canonicalCoder(db, known.id);
  const id = newId();
  insertCoder(db, { id, name, laptop: null, sameAs: null, firstSeen: at });
  return id;
}

/**
 * Coder key → display name, for every coder the project knows (united ones under the kept coder's
 * name). The one function the analyses (agreement, exports, retrieval) read coders through.
 */
export function coderNames(db: Db): Map<string, string> {
  const rows = allCoders(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(rows.map((r) => [r.id, byId.get(canonicalCoder(db, r.id))?.name ?? r.name]));
}

export function listCoderEntries(db: Db, laptop: string, currentName: string): CoderEntry[] {
  const counts = codingCounts(db);
  const current = coderKeyOf(db, currentName, laptop);
  return allCoders(db).map((c) => ({
    id: c.id,
    name: c.name,
    firstSeen: c.firstSeen,
    codings: counts.get(c.id) ?? 0,
    thisLaptop: c.laptop === laptop,
    current: c.id === current,
    sameAs: c.sameAs,
  }));
}

/**
 * Coder keys for display names given on the command line (`--coders A,B`): a name two coders bear
 * is refused with the choices, so that two laptops' "Anna" are never silently one.
 */
export function codersByName(db: Db, names: readonly string[]): string[] {
  const rows = allCoders(db).filter((c) => c.sameAs === null);
  return names.map((name) => {
    const wanted = name.normalize('NFC').trim();
    const byId = rows.find((c) => c.id === wanted);
    if (byId) return byId.id;
    const matches = rows.filter((c) => c.name.toLocaleLowerCase('nl') === wanted.toLocaleLowerCase('nl'));
    if (matches.length === 1) return matches[0]!.id;
    const all = rows.map((c) => `${c.name} (${c.id})`).join(', ') || 'none';
    if (matches.length === 0) throw new DuidingError(`No coder is called "${wanted}"; the coders are: ${all}.`, 'usage');
    throw new DuidingError(
      `"${wanted}" names ${matches.length} coders (from different laptops): ${matches.map((c) => `${c.name} (${c.id})`).join(', ')}; give one by its id, or unite them first.`,
      'usage',
    );
  });
}

/** The researcher says two coders are one: `from`'s codings go to `into`, and `from` stays as an alias. */
export function uniteCoders(db: Db, from: string, into: string): { moved: number; from: CoderRow; into: CoderRow } {
  const a = getCoder(db, from);
  const b = getCoder(db, into);
  if (!a) throw new DuidingError(`No coder has the id ${from}.`);
  if (!b) throw new DuidingError(`No coder has the id ${into}.`);
  const target = canonicalCoder(db, into);
  if (canonicalCoder(db, from) === target) throw new DuidingError(`${a.name} and ${b.name} are already one coder.`);
  setSameAs(db, from, target);
  // Coders united into `from` earlier now point on through it; their codings moved then.
  const moved = moveCodingsOfCoder(db, from, target);
  return { moved, from: a, into: b };
}
