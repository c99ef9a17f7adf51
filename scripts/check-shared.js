#!/usr/bin/env node
// `npm test` (its `pretest` step) and every Vitest run start here: the tests read real transcripts
// and the REFI-QDA schemas from ../shared; without that folder thirteen tests failed one by one with
// ENOENT and no hint. One line instead, before anything is linted or built.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain } from './is-main.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Null when the shared test material is in place, else the one line saying where it must be. */
export function missingShared(root = ROOT) {
  const external = resolve(root, '..', 'shared', 'external');
  return existsSync(external)
    ? null
    : `The tests need the shared test material in ${external} (the folder "shared" beside this checkout, ${resolve(root)}); it is missing.`;
}

if (isMain(import.meta.url)) {
  const missing = missingShared();
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
}
