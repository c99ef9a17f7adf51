import { CONSENSUS_CODER } from '../../../shared/agreement.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { Db } from '../db/database.ts';
import { coderKeys } from './store.ts';

/**
 * Who the coders are, for agreement: the one place that turns the coder key stored on codings into
 * a name and a name given by the researcher (`--coders A,B`) into keys. Today the key is the coder's
 * name; with stable coder ids (issue 25) these two functions read the coders' repository instead.
 */

export { CONSENSUS_CODER };

/** The name shown for a coder key. */
export function coderDisplayName(_db: Db, key: string): string {
  return key === CONSENSUS_CODER ? 'Consensus' : key;
}

/**
 * The keys of the coders named (by key or shown name, case ignored); all coders but the consensus
 * when none are named. A name that is no coder's is refused with the coders there are.
 */
export function resolveCoders(db: Db, names: readonly string[] | undefined): string[] {
  const known = coderKeys(db);
  if (!names || names.length === 0) return known.filter((key) => key !== CONSENSUS_CODER);
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim().normalize('NFC');
    const lower = name.toLocaleLowerCase('nl');
    const key =
      known.find((k) => k === name) ??
      known.find((k) => coderDisplayName(db, k).toLocaleLowerCase('nl') === lower) ??
      (lower === coderDisplayName(db, CONSENSUS_CODER).toLocaleLowerCase('nl') ? CONSENSUS_CODER : undefined);
    if (!key) {
      const list = known.map((k) => coderDisplayName(db, k)).join(', ') || 'none yet';
      throw new DuidingError(`There is no coder "${name}" in this project; the coders are: ${list}.`, 'usage', { code: 'unknownCoder', params: { name, coders: list } });
    }
    if (!out.includes(key)) out.push(key);
  }
  return out;
}
