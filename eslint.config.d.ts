// What tests/layers.test.ts reads from eslint.config.js (plain JavaScript, as ESLint loads it).
import type { Linter } from 'eslint';

export const NODE_ONLY_PACKAGES: string[];
export const PORTABLE_PACKAGES: string[];
export const layerRules: Linter.Config[];
declare const config: Linter.Config[];
export default config;
