// Types for scripts/check-shared.js (plain Node ESM: `npm test` runs it before anything is built).
export function missingShared(root?: string): string | null;
