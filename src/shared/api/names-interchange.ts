/** Handler names of the REFI-QDA interchange (zod-free, like names.ts). */
export const INTERCHANGE_HANDLER_NAMES = ['interchange/importQdpx', 'interchange/exportQdpx', 'interchange/importQdc', 'interchange/exportQdc'] as const;
export type InterchangeHandlerName = (typeof INTERCHANGE_HANDLER_NAMES)[number];
