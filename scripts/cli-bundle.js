// Whether the command line's bundle (dist/cli, scripts/build-cli.js) can be run as it is, and the
// rebuild when it cannot. Kept small and free of esbuild: bin/duiding.js reads it at every start.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * 'fresh', 'missing', or 'stale' with the first source file changed after the bundle was built (in a
 * working copy; a source file that is gone counts as changed).
 */
export function bundleState(root = ROOT) {
  let built;
  let inputs;
  try {
    built = statSync(join(root, 'dist', 'cli', 'duiding.js')).mtimeMs;
    inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
  } catch {
    return { state: 'missing' };
  }
  for (const input of inputs) {
    let changed;
    try {
      changed = statSync(join(root, input)).mtimeMs;
    } catch {
      return { state: 'stale', source: input };
    }
    if (changed > built) return { state: 'stale', source: input };
  }
  return { state: 'fresh' };
}

/**
 * The bundle's entry as a file URL, built first when it is missing or older than its sources (one
 * line on stderr says so). Without esbuild (an install without devDependencies) it says what to run.
 */
export async function ensureCliBundle({ root = ROOT, say = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const entry = pathToFileURL(join(root, 'dist', 'cli', 'duiding.js')).href;
  const found = bundleState(root);
  if (found.state === 'fresh') return entry;
  const why = found.state === 'missing' ? 'the command line is not built yet' : `${found.source} changed since the command line was built`;
  let build;
  try {
    ({ buildCli: build } = await import('./build-cli.js'));
    await import('esbuild');
  } catch {
    throw new Error(`duiding: ${why}, and esbuild is not installed to build it: run \`npm ci\` (or \`npm run build:cli\`) in ${root}.`);
  }
  say(`duiding: ${why}; building it into dist/cli first (\`npm run build:cli\`, a few seconds).`);
  await build({ root });
  return entry;
}
