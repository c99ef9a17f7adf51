import type { AnalysisHandlerName } from '../../shared/api/names-analysis.ts';
import type { HandlerMap } from './handlers.ts';

/** Rounds 2 and 3: concepts, matrix, links, learning questions, tensions, outline. */
export const analysisHandlers: HandlerMap<AnalysisHandlerName> = {};
