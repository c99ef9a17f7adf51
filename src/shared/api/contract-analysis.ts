/**
 * Rounds 2 and 3: concepts, the commonalities matrix, concept links, learning questions, tensions
 * and the report outline. Names are listed in `names-analysis.ts`.
 */
import type { z } from 'zod';
import type { AnalysisHandlerName } from './names-analysis.ts';
import type { Def } from './def.ts';

export const analysisContract = {} as const satisfies Record<AnalysisHandlerName, Def<z.ZodType, unknown>>;
