/**
 * The REFI-QDA interchange: projects (.qdpx) and codebooks (.qdc) in and out.
 */
import type { z } from 'zod';
import type { InterchangeHandlerName } from './names-interchange.ts';
import type { Def } from './def.ts';

export const interchangeContract = {} as const satisfies Record<InterchangeHandlerName, Def<z.ZodType, unknown>>;
