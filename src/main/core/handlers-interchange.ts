import type { InterchangeHandlerName } from '../../shared/api/names-interchange.ts';
import type { HandlerMap } from './handlers.ts';

/** The REFI-QDA interchange: .qdpx and .qdc in and out. */
export const interchangeHandlers: HandlerMap<InterchangeHandlerName> = {};
