/** Handler names of rounds 2 and 3 (zod-free, like names.ts). */
export const ANALYSIS_HANDLER_NAMES = [] as const;
export type AnalysisHandlerName = (typeof ANALYSIS_HANDLER_NAMES)[number];
