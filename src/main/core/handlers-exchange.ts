import type { ExchangeHandlerName } from '../../shared/api/names-exchange.ts';
import type { HandlerMap } from './handlers.ts';

/** Exports (reports, codebook, segments, matrix) and the REFI-QDA interchange. */
export const exchangeHandlers: HandlerMap<ExchangeHandlerName> = {};
