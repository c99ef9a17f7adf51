import { CONSENSUS_CODER } from '../../../shared/agreement.ts';
import type { Db } from '../db/database.ts';
import { coderNames, codersByName } from '../coders/service.ts';
import { getCoder, insertCoder } from '../coders/store.ts';
import { coderKeys } from './store.ts';

/**
 * Who the coders are, for agreement: the one place that turns the coder key stored on codings into
 * a name and a name given by the researcher (`--coders A,B`) into keys, through the coders'
 * repository (issue 25: a key is a coder's stable id; two laptops' "Anna" are two coders).
 */

export { CONSENSUS_CODER };

/** The name shown for a coder key. */
export function coderDisplayName(db: Db, key: string): string {
  return key === CONSENSUS_CODER ? CONSENSUS_NAME : (coderNames(db).get(key) ?? key);
}

const CONSENSUS_NAME = 'Consensus';

/** The consensus coder's row, made at the first decision (codings name their coder by id). */
export function registerConsensus(db: Db, at: string): void {
  if (!getCoder(db, CONSENSUS_CODER)) insertCoder(db, { id: CONSENSUS_CODER, name: CONSENSUS_NAME, laptop: null, sameAs: null, firstSeen: at });
}

/**
 * The keys of the coders named (by key or shown name, case ignored); all coders but the consensus
 * when none are named. A name that is no coder's is refused with the coders there are.
 */
export function resolveCoders(db: Db, names: readonly string[] | undefined): string[] {
  const known = coderKeys(db);
  if (!names || names.length === 0) return known.filter((key) => key !== CONSENSUS_CODER);
  const consensus = CONSENSUS_NAME.toLocaleLowerCase('nl');
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim().normalize('NFC');
    const key = name === CONSENSUS_CODER || name.toLocaleLowerCase('nl') === consensus ? CONSENSUS_CODER : codersByName(db, [name])[0]!;
    if (!out.includes(key)) out.push(key);
  }
  return out;
}
