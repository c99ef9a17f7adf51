import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const OWN_BUILD = '/tmp/renderer-bench';

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function builtAt(dir: string): number {
  const index = join(dir, 'index.html');
  return existsSync(index) ? statSync(index).mtimeMs : 0;
}

/**
 * The renderer build the browser benchmark serves: DUIDING_RENDERER_DIR when set; else
 * dist/renderer when it is newer than every source file the screens are built from (as after
 * `npm test`); else our own build in /tmp/renderer-bench, rebuilt when the sources changed. The
 * benchmark never builds into dist/renderer, which other builds may be writing.
 */
export function rendererDir(log: (line: string) => void): string {
  if (process.env.DUIDING_RENDERER_DIR) return process.env.DUIDING_RENDERER_DIR;
  const sources = Math.max(newest(join(ROOT, 'src/renderer')), newest(join(ROOT, 'src/shared')));
  const dist = join(ROOT, 'dist/renderer');
  if (builtAt(dist) > sources) return dist;
  if (builtAt(OWN_BUILD) > sources) return OWN_BUILD;
  log(`building the renderer into ${OWN_BUILD}`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', OWN_BUILD, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return OWN_BUILD;
}
