#!/usr/bin/env node
// `npm start`: builds what the desktop app needs and launches it.
//   1. the renderer      vite build → dist/renderer
//   2. the shell         esbuild → out/main.js, out/preload.cjs          (scripts/build-electron.js)
//   3. the SQLite driver better-sqlite3 for Electron's ABI → native/   (scripts/native-electron.js;
//                        once per Electron and better-sqlite3 version)
//   4. Electron on this folder (package.json "main": out/main.js)
// Arguments after `npm start --` go to Electron. Electron's exit status is this script's.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.js';
import { ensureElectronDriver } from './native-electron.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function fail(step, message) {
  console.error(`start: ${step} failed. ${message}`);
  process.exit(1);
}

// 1. The renderer.
console.log('start: 1/4 building the renderer with vite (src/renderer → dist/renderer)');
const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(vite)) fail('building the renderer', 'node_modules/vite is missing: run `npm ci` first.');
const renderer = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
if (renderer.status !== 0) fail('building the renderer', `\`vite build\` exited with ${renderer.status ?? renderer.signal}; its messages are above.`);

// 2. The Electron shell.
console.log('start: 2/4 bundling the Electron shell with esbuild (→ out/main.js, out/preload.cjs)');
try {
  const { warnings } = await buildElectron({ root: ROOT });
  for (const w of warnings) console.warn(`       warning: ${w.location ? `${w.location.file}:${w.location.line}: ` : ''}${w.text}`);
} catch (error) {
  fail('bundling the Electron shell', error.message);
}

// 3. The SQLite driver for Electron, beside node_modules' build for Node.
console.log('start: 3/4 checking the SQLite driver built for Electron (native/electron/)');
try {
  ensureElectronDriver({ root: ROOT, log: (line) => console.log(`       ${line}`) });
} catch (error) {
  fail('building the SQLite driver for Electron', error.message);
}

// 4. Electron. Since Electron 42 the `electron` package fetches its binary the first time it is
// required, not at `npm ci`.
console.log('start: 4/4 launching Electron (out/main.js)');
let electron;
try {
  electron = createRequire(join(ROOT, 'package.json'))('electron');
} catch (error) {
  fail(
    'launching Electron',
    "Electron's binary is not installed and could not be downloaded: Electron fetches it from GitHub the first " +
      `time it starts. Run \`npm start\` once with an internet connection. (Electron said: ${error.message})`,
  );
}
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', env });
child.on('error', (error) => fail('launching Electron', `${electron}: ${error.message}`));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (signal) {
    console.error(`start: Electron was stopped by ${signal}.`);
    process.exit(1);
  }
  process.exit(code ?? 0);
});
