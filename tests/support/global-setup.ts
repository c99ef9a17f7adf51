import { missingShared } from '../../scripts/check-shared.js';
import { ensureCliBundle } from '../../scripts/cli-bundle.js';

/**
 * Before any test: the shared test material must be there (one line otherwise, not thirteen ENOENTs),
 * and the command line's bundle, which the CLI tests spawn through bin/duiding.js, is built when it
 * is missing or older than its sources, once here rather than by the first test's child processes.
 */
export default async function setup(): Promise<void> {
  const missing = missingShared();
  if (missing) throw new Error(missing);
  await ensureCliBundle({ say: (line) => process.stdout.write(`${line}\n`) });
}
