#!/usr/bin/env node
// The command line runs from its esbuild bundle in dist/cli, built at install (`npm ci` runs the
// `prepare` script) and again by `npm run build:cli`: plain JavaScript starts at once, where
// compiling the TypeScript sources at every start took two seconds. In a working copy whose
// sources changed since the last build, the bundle is rebuilt first, with a line saying so.
import { ensureCliBundle } from '../scripts/cli-bundle.js';

let entry;
try {
  entry = await ensureCliBundle();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
await import(entry);
