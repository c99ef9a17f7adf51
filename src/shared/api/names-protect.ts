/** Handler names of withdrawing, backups, safe copies and the audit (issue 24; zod-free, like names.ts). */
export const PROTECT_HANDLER_NAMES = [
  'withdraw/preview',
  'withdraw/apply',
  'backups/list',
  'backups/make',
  'backups/restore',
  'backups/configure',
  'project/copy',
  'audit/list',
] as const;
export type ProtectHandlerName = (typeof PROTECT_HANDLER_NAMES)[number];
