// Types for scripts/build-cli.js (plain Node ESM, run at install).
export function buildCli(options?: { root?: string; outDir?: string }): Promise<Array<{ path: string; bytes: number }>>;
