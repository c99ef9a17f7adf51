import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../../src/main/core/handlers.ts';
import { Session } from '../../src/main/core/session.ts';
import type { PseudonymiseResult } from '../../src/shared/pseudonymise.ts';
import { FIRST_NAMES } from '../corpus/vocabulary.ts';

export interface PseudonymiseFigures {
  /** Pseudonymising one name across the whole corpus (issue 23's budget: within 10 s at L). */
  seconds: number;
  /** Closing the project afterwards: the purge (secure delete, search index rebuilt, VACUUM). */
  purgeSeconds: number;
  replacements: number;
  documents: number;
  documentsScanned: number;
  /** Progress reports seen during the write (one per document). */
  progressEvents: number;
}

/**
 * One name (a first name the generated participants share) pseudonymised through the real handler,
 * on a copy of the bench project so that the later measurements see it unchanged. Progress goes to
 * the bench's log every tenth of the way, as a host would show it.
 */
export async function measurePseudonymise(file: string, dir: string, log: (line: string) => void): Promise<PseudonymiseFigures> {
  const copy = join(dir, 'pseudonymise.duiding');
  copyFileSync(file, copy);
  const session = new Session('bench');
  const project = session.open(copy);
  let progressEvents = 0;
  let documentsScanned = 0;
  project.events.on('progress', ({ done, total }) => {
    progressEvents++;
    documentsScanned = total;
    if (done === total || done % Math.max(1, Math.round(total / 10)) === 0) log(`pseudonymising: ${done}/${total} documents`);
  });
  const started = performance.now();
  // The first participant's first name: at every size some participants share it (a speaker and a participant name).
  const { result } = await call(session, 'pseudonyms/apply', { entries: [{ name: FIRST_NAMES[0]!, pseudonym: 'Deelnemer A' }] });
  const seconds = (performance.now() - started) / 1000;
  const closing = performance.now();
  session.close();
  const purgeSeconds = (performance.now() - closing) / 1000;
  const applied = result as PseudonymiseResult;
  return {
    seconds: +seconds.toFixed(2),
    purgeSeconds: +purgeSeconds.toFixed(2),
    replacements: applied.total,
    documents: applied.documents.length,
    documentsScanned,
    progressEvents,
  };
}
