/** Handler names of exports and the REFI-QDA interchange (zod-free, like names.ts). */
export const EXCHANGE_HANDLER_NAMES = [] as const;
export type ExchangeHandlerName = (typeof EXCHANGE_HANDLER_NAMES)[number];
