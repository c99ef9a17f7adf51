// The parts of scripts/native-electron.js that decide things, kept importable so that the tests can
// check them on a machine where Electron's headers cannot be downloaded.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where Electron publishes the headers that native modules are compiled against. */
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/**
 * Where the Electron build of the driver goes. Must stay in step with `nativeBindingPath` in
 * src/main/hosts/electron/config.ts, which is where main.ts loads it from (a test holds them together).
 */
export function nativeTarget(root, electronVersion) {
  return join(root, 'native', 'electron', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** The exact Electron version package.json pins; a range is refused, since the build is for one ABI. */
export function pinnedElectronVersion(pkg) {
  const spec = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (!spec) throw new Error('package.json has no "electron" dependency.');
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(spec)) {
    throw new Error(`package.json must pin an exact Electron version (found "${spec}"): the driver is built for exactly one Electron.`);
  }
  return spec;
}

/** Up to date: the target exists and is newer than the better-sqlite3 it was built from. */
export function isUpToDate(target, sourcePackageJson) {
  if (!existsSync(target)) return false;
  return statSync(target).mtimeMs > statSync(sourcePackageJson).mtimeMs;
}

// npm hands its configuration to scripts as npm_config_* variables, and node-gyp lets those
// override its command line. This machine's ~/.npmrc has `nodedir=/usr`: inherited, it makes
// node-gyp build silently against Node's own headers, i.e. for the wrong ABI. So every setting
// that chooses the headers, version or architecture is dropped; the script passes its own.
const TARGET_SETTINGS = new Set(['nodedir', 'target', 'target-arch', 'arch', 'runtime', 'disturl', 'dist-url', 'devdir', 'tarball', 'ensure', 'build-from-source']);

/** The environment for node-gyp: this one without the settings that would pick other headers. */
export function childEnv(env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    const m = /^(?:npm_config_|npm_package_config_node_gyp_)(.+)$/i.exec(key);
    if (m && TARGET_SETTINGS.has(m[1].toLowerCase().replaceAll('_', '-'))) continue;
    clean[key] = value;
  }
  return clean;
}

/** Electron's headers live apart from Node's (the same folder @electron/rebuild uses). */
export function electronDevDir(home = homedir()) {
  return join(home, '.electron-gyp');
}

/** The options every node-gyp call gets: Electron's version, headers and this machine's architecture. */
export function nodeGypOptions({ version, arch = process.arch, devdir = electronDevDir() }) {
  return ['--runtime=electron', `--target=${version}`, `--dist-url=${ELECTRON_HEADERS_URL}`, `--arch=${arch}`, `--devdir=${devdir}`];
}

/**
 * node-gyp as npm ships it. Under `npm start` npm names it (npm_config_node_gyp); otherwise it is
 * looked for beside the running node (Unix: lib/node_modules/npm, Windows: node_modules/npm) and
 * then as a package the project could resolve.
 */
export function findNodeGyp({ env = process.env, execPath = process.execPath, root = process.cwd() } = {}) {
  const binDir = dirname(execPath);
  const candidates = [
    env.npm_config_node_gyp,
    env.npm_execpath && join(dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(binDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(binDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  for (const candidate of candidates) if (candidate.endsWith('.js') && existsSync(candidate)) return candidate;
  try {
    return createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    throw new Error(
      `node-gyp not found (looked in: ${candidates.join(', ')}). It ships with npm; ` +
        'reinstall Node.js with npm, or `npm install -g node-gyp`.',
    );
  }
}

/** The ABI a native module was built for, read from Node's refusal to load it; null if not such a refusal. */
export function abiFromDlopenError(message) {
  const m = /NODE_MODULE_VERSION (\d+)\. This version of Node\.js requires\s+NODE_MODULE_VERSION (\d+)/.exec(message.replace(/\s+/g, ' '));
  return m ? { built: Number(m[1]), node: Number(m[2]) } : null;
}

/**
 * Proves what ABI a .node file was built for without trusting the build's own output: this Node
 * loads it (in a child process, so nothing stays loaded here) only if it was built for Node's
 * ABI; otherwise Node's refusal names the ABI it was built for.
 * Returns { loads: true } or { loads: false, abi, message }.
 */
export function probeAbi(file) {
  const script = 'try { process.dlopen({ exports: {} }, process.argv[1]); console.log(JSON.stringify({ loads: true })); } ' +
    'catch (e) { console.log(JSON.stringify({ loads: false, message: String(e.message) })); }';
  const run = spawnSync(process.execPath, ['-e', script, file], { encoding: 'utf8', env: childEnv(process.env) });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  let result;
  try {
    result = JSON.parse(line);
  } catch {
    return { loads: false, abi: null, message: `the probe process failed (status ${run.status}, signal ${run.signal}): ${run.stderr.trim()}` };
  }
  if (result.loads) return { loads: true };
  return { loads: false, abi: abiFromDlopenError(result.message)?.built ?? null, message: result.message };
}

/**
 * Throws unless `file` was built for `expectedAbi` (Electron's NODE_MODULE_VERSION; null: any ABI
 * but this Node's). Returns the ABI. `label` names the file in messages.
 */
export function verifyAbi(file, expectedAbi, label = file) {
  const nodeAbi = Number(process.versions.modules);
  const probe = probeAbi(file);
  if (probe.loads) {
    throw new Error(
      `${label} was built for this Node's ABI (NODE_MODULE_VERSION ${nodeAbi}), not Electron's` +
        `${expectedAbi ? ` (${expectedAbi})` : ''}: node-gyp compiled against Node's headers. ` +
        'Look for a `nodedir` setting in ~/.npmrc or npm_config_nodedir in the environment.',
    );
  }
  if (probe.abi === null) throw new Error(`Could not tell which ABI ${label} was built for: ${probe.message}`);
  if (expectedAbi && probe.abi !== expectedAbi) {
    throw new Error(`${label} was built for NODE_MODULE_VERSION ${probe.abi}, but Electron needs ${expectedAbi}.`);
  }
  return probe.abi;
}

/** Electron's NODE_MODULE_VERSION as the installed electron package states it (node_modules/electron/abi_version). */
export function electronAbi(electronDir) {
  const file = join(electronDir, 'abi_version');
  if (!existsSync(file)) return null;
  const abi = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(abi) && abi > 0 ? abi : null;
}

/** The message when Electron's headers cannot be fetched: what happened and what to do. */
export function headersDownloadFailure(version, output) {
  const lines = output.trim().split('\n');
  const telling = lines.filter((l) => /gyp http GET|gyp ERR! stack (?!\s*at )/.test(l)).slice(0, 5);
  const tail = (telling.length ? telling : lines.slice(-6)).join('\n');
  return (
    `Could not download Electron ${version}'s headers from ${ELECTRON_HEADERS_URL}/v${version}/ ` +
    '(no connection to electronjs.org?). The SQLite driver for Electron is compiled against them.\n' +
    'Run `npm start` once with an internet connection; the headers are then kept in ' +
    `${electronDevDir()} and later builds work offline.\n` +
    `node-gyp said:\n${tail}`
  );
}
