import type { ReportsHandlerName } from '../../shared/api/names-reports.ts';
import type { HandlerMap } from './handlers.ts';

/** Exports: the theme report, codebook, coded segments and matrix. */
export const reportsHandlers: HandlerMap<ReportsHandlerName> = {};
