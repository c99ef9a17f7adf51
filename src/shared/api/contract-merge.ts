/**
 * Two researchers, two laptops (issue 25): another copy of the project merged into this one.
 */
import { z } from 'zod';
import type { MergeReport } from '../merge.ts';
import type { MergeHandlerName } from './names-merge.ts';
import { def, fileRef, type Def } from './def.ts';

export const mergeContract = {
  /**
   * Brings another copy's work into this project as one undo step, and answers what came in, what
   * matched and what conflicted. A copy not pseudonymised as this project is, is refused, unless
   * `pseudonyms` (a pseudonym list) pseudonymises it on the way in. Nothing to bring in writes nothing.
   */
  'merge/apply': def<MergeReport>()(z.object({ file: fileRef, pseudonyms: fileRef.optional() }).strict()),
} as const satisfies Record<MergeHandlerName, Def<z.ZodType, unknown>>;
