// Types for scripts/build-electron.js (plain Node ESM, so that `npm start` needs no TypeScript).
import type { Message } from 'esbuild';

export const PRELOAD_MAY_REQUIRE: string[];
export function requireCalls(code: string): string[];
export function forbiddenPreloadCalls(code: string): string[];
export function packageName(specifier: string): string;
export function buildElectron(options?: {
  root?: string;
  outDir?: string;
  mainEntry?: string;
  preloadEntry?: string;
}): Promise<{ main: string; preload: string; externals: string[]; warnings: Message[] }>;
