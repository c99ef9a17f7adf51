/**
 * Correcting a transcript after coding (issue 28): each edit is one undoable write; every segment,
 * guide mark, memo and quote follows it, and the segments it touched are flagged for the researcher.
 */
import { z } from 'zod';
import type { TranscriptEditResult } from '../transcripts.ts';
import { def, id, type Def } from './def.ts';
import type { TranscriptHandlerName } from './names-transcripts.ts';

const turn = { documentId: id, position: z.number().int().min(0) };
const speaker = z.string().trim().max(200).nullable();

export const transcriptContract = {
  /** Corrects one turn: its words, its speaker (one of the document's or a new name), its start time. */
  'transcript/edit-turn': def<TranscriptEditResult>()(
    z
      .object({ ...turn, text: z.string().max(1_000_000).optional(), speaker: speaker.optional(), startMs: z.number().int().min(0).nullable().optional() })
      .strict(),
  ),
  /** Splits a turn in two at a place in its words (UTF-16 offset in the turn's text); the second part may get another speaker. */
  'transcript/split-turn': def<TranscriptEditResult>()(z.object({ ...turn, at: z.number().int().min(1), speaker: speaker.optional() }).strict()),
  /** Joins a turn with the one after it. */
  'transcript/join-turns': def<TranscriptEditResult>()(z.object(turn).strict()),
  /** The researcher has read the new words of segments an edit changed: their flags go. */
  'segments/confirm-text': def<{ confirmed: number }>()(z.object({ segmentIds: z.array(id).min(1).max(10_000) }).strict()),
  /** Removes a segment with all its codings (and the quotes of it): for one whose words an edit deleted. */
  'segments/remove': def<{ removed: boolean }>()(z.object({ segmentId: id }).strict()),
} as const satisfies Record<TranscriptHandlerName, Def<z.ZodType, unknown>>;
