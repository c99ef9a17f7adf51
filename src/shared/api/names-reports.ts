/** Handler names of the exports (zod-free, like names.ts). */
export const REPORTS_HANDLER_NAMES = ['export/preview', 'export/file', 'report/settings', 'report/updateSettings'] as const;
export type ReportsHandlerName = (typeof REPORTS_HANDLER_NAMES)[number];
