/** Handler names of merging another copy of a project (issue 25; zod-free, like names.ts). */
export const MERGE_HANDLER_NAMES = ['merge/apply'] as const;
export type MergeHandlerName = (typeof MERGE_HANDLER_NAMES)[number];
