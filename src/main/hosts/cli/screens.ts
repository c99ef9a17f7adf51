import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DuidingError } from '../../../shared/errors.ts';
import type { Output } from './main.ts';

/**
 * Makes sure `duiding serve` has screens to serve. `npm ci` builds them (the `prepare` script); when
 * they are missing all the same (a copy that skipped the install scripts, a `dist` removed), a working
 * copy with vite builds them here, after a line saying so, rather than answering every page with
 * "not built". Without vite it says what to run.
 */
export function ensureScreens(staticDir: string, out: Output): void {
  if (existsSync(join(staticDir, 'index.html'))) return;
  // Only the project's own dist/renderer is built here; a folder given by DUIDING_RENDERER_DIR is the caller's.
  const root = resolve(staticDir, '..', '..');
  let vite: string;
  try {
    vite = join(dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    throw new DuidingError(`The screens are not built (${join(staticDir, 'index.html')} is missing): run \`npm run build:renderer\` in ${root}.`);
  }
  if (process.env.DUIDING_RENDERER_DIR !== undefined || !existsSync(join(root, 'vite.config.ts'))) {
    throw new DuidingError(`The screens are not built (${join(staticDir, 'index.html')} is missing): run \`npm run build:renderer\` in ${root}.`);
  }
  out.stderr(`The screens are not built yet: building them into ${staticDir} first (\`npm run build:renderer\`, about a minute).`);
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (built.status !== 0 || !existsSync(join(staticDir, 'index.html'))) {
    throw new DuidingError(`Building the screens failed (\`npm run build:renderer\` in ${root}):\n${(built.stderr ?? '').trim() || `exit status ${built.status}`}`);
  }
}
