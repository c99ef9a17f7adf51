/**
 * Pseudonymising in place (a purging write), "Purge now", and the name finder with its accept
 * (into a pseudonym list outside the project) and dismiss (a salted hash inside it).
 */
import { z } from 'zod';
import type { NamesFound, PseudonymisePreview, PseudonymiseResult } from '../pseudonymise.ts';
import type { PseudonymiseHandlerName } from './names-pseudonymise.ts';
import { def, fileRef, type Def } from './def.ts';

const name = z.string().trim().min(1).max(200);
/** A pseudonym list file (the same CSV as at import), or rows given directly (one name from the finder). */
const pseudonyms = z.union([
  z.object({ list: fileRef }).strict(),
  z.object({ entries: z.array(z.object({ name, pseudonym: name }).strict()).min(1) }).strict(),
]);

export const pseudonymiseContract = {
  /** What pseudonymising would replace, per document (with examples) and elsewhere; writes nothing. */
  'pseudonyms/preview': def<PseudonymisePreview>()(pseudonyms),
  /** Pseudonymises every document and every other place in place: one purging write, undoable until the project is closed or purged. */
  'pseudonyms/apply': def<PseudonymiseResult>()(pseudonyms),
  /** "Purge now": ends the session's undo history and removes what purging writes removed from the file. */
  'project/purge': def<null>()(z.object({}).strict()),
  /** Name-like phrases in the transcripts that are not pseudonymised (nor dismissed). */
  'names/find': def<NamesFound>()(z.object({}).strict()),
  /**
   * Adds (or updates) a name → pseudonym row in a pseudonym list, a CSV kept outside the project; the
   * project is not changed. The list is read from `list` (a path or uploaded bytes), else from `out`
   * when that file exists; the new list is written to `out` (the CLI, the desktop app) and always
   * answered as text (a page downloads it: pages name no paths).
   */
  'names/accept': def<{ csv: string; entries: number; path: string | null }>()(
    z.object({ name, pseudonym: name, list: fileRef.optional(), out: z.string().min(1).optional() }).strict(),
  ),
  /** Remembers that a suggestion is no name to pseudonymise (stored as a salted hash). */
  'names/dismiss': def<{ dismissed: boolean }>()(z.object({ name }).strict()),
} as const satisfies Record<PseudonymiseHandlerName, Def<z.ZodType, unknown>>;
