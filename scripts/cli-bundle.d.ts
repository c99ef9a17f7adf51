// Types for scripts/cli-bundle.js (plain Node ESM: bin/duiding.js reads it at every start).
export function bundleState(root?: string): { state: 'fresh' | 'missing' } | { state: 'stale'; source: string };
export function ensureCliBundle(options?: { root?: string; say?: (line: string) => void }): Promise<string>;
