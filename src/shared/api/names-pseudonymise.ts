/** Handler names of pseudonymising in place and the name finder (zod-free, like names.ts). */
export const PSEUDONYMISE_HANDLER_NAMES = ['pseudonyms/preview', 'pseudonyms/apply', 'project/purge', 'names/find', 'names/accept', 'names/dismiss'] as const;
export type PseudonymiseHandlerName = (typeof PSEUDONYMISE_HANDLER_NAMES)[number];
