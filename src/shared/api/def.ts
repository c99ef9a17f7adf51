/**
 * The building blocks every area's contract uses: `def` (argument schema plus a phantom result type)
 * and the small schemas shared between areas. Each area keeps its handlers in its own
 * `contract-<area>.ts`; `contract.ts` joins them.
 */
import { z } from 'zod';
import { MEMO_TARGET_KINDS, SPEAKER_SCOPES } from '../model.ts';
import { richTextProblem } from '../lexical-validate.ts';

/** A file the core should read: a path on this machine (CLI, Electron) or uploaded bytes (browser). */
export const fileRef = z.union([
  z.object({ path: z.string().min(1) }).strict(),
  z.object({ name: z.string().min(1), base64: z.string() }).strict(),
]);
export type FileRef = z.infer<typeof fileRef>;

export const id = z.string().min(1);
export const labelName = z.string().trim().min(1).max(200);
export const autocodeQuery = z.union([
  z.object({ text: z.string().trim().min(1) }).strict(),
  z.object({ regex: z.string().min(1) }).strict(),
  z.object({ speaker: z.string().trim().min(1) }).strict(),
]);
/** Whose speech counts: participants' only (the default) or everyone's. */
export const speakerScope = z.enum(SPEAKER_SCOPES);
export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0072B2');
export const attributeValue = z.union([z.string(), z.number(), z.boolean()]);
/** Rich text (a Lexical editor state) with only the node types Duiding's editor has. */
export const richText = z.string().superRefine((value, ctx) => {
  const problem = richTextProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `rich text refused: ${problem}` });
});
export const memoTarget = z.object({ kind: z.enum(MEMO_TARGET_KINDS), id: id.nullable().optional() }).strict();

export interface Def<A extends z.ZodType, R> {
  args: A;
  /** Phantom: carries the result type only. */
  result?: R;
}
export function def<R>() {
  return <A extends z.ZodType>(args: A): Def<A, R> => ({ args });
}

