/**
 * What leaves and enters a project as files: report, codebook, segment and matrix exports, and the
 * REFI-QDA interchange (.qdpx, .qdc). Names are listed in `names-exchange.ts`.
 */
import type { z } from 'zod';
import type { ExchangeHandlerName } from './names-exchange.ts';
import type { Def } from './def.ts';

export const exchangeContract = {} as const satisfies Record<ExchangeHandlerName, Def<z.ZodType, unknown>>;
