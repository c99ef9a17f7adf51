/**
 * Exports: the theme report, codebook, coded segments and matrix as files.
 */
import type { z } from 'zod';
import type { ReportsHandlerName } from './names-reports.ts';
import type { Def } from './def.ts';

export const reportsContract = {} as const satisfies Record<ReportsHandlerName, Def<z.ZodType, unknown>>;
