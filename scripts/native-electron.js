#!/usr/bin/env node
// Builds better-sqlite3 for the Electron that package.json pins, into
// native/electron/electron-<version>/better_sqlite3.node (where main.ts loads it from). The Node
// build in node_modules/better-sqlite3 stays as it is: the tests and the CLI use it.
//
// Usage: node scripts/native-electron.js [--force]
import { isMain } from './is-main.js';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  childEnv,
  electronAbi,
  electronDevDir,
  findNodeGyp,
  headersDownloadFailure,
  isUpToDate,
  nativeTarget,
  nodeGypOptions,
  pinnedElectronVersion,
  verifyAbi,
} from './native-electron-lib.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NETWORK = /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|getaddrinfo|socket hang up|proxy/i;

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

function tail(text, lines = 25) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Runs node-gyp with its output in `logFile`; returns { ok, output }. */
function nodeGyp(nodeGypJs, args, { cwd, logFile }) {
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'w');
  let run;
  try {
    run = spawnSync(process.execPath, [nodeGypJs, ...args], { cwd, env: childEnv(process.env), stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  const output = readFileSync(logFile, 'utf8');
  return { ok: run.status === 0 && !run.error, output: run.error ? `${output}\n${run.error.message}` : output };
}

/**
 * Makes sure the Electron build of the driver exists. Returns { target, built } and throws an Error
 * whose message says what went wrong and what to do. `nodeGypJs` defaults to npm's node-gyp.
 */
export function ensureElectronDriver({ root = ROOT, force = false, log = (line) => console.log(line), nodeGypJs } = {}) {
  const version = pinnedElectronVersion(readJson(join(root, 'package.json')));
  const electronDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(electronDir, 'package.json'))) throw new Error('node_modules/electron is missing: run `npm ci` first.');
  const installed = readJson(join(electronDir, 'package.json')).version;
  if (installed !== version) {
    throw new Error(`package.json pins Electron ${version} but node_modules has ${installed}: run \`npm ci\` first.`);
  }
  const source = join(root, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(source, 'binding.gyp'))) throw new Error('node_modules/better-sqlite3 is missing: run `npm ci` first.');
  const target = nativeTarget(root, version);
  const shown = relative(root, target);
  if (!force && isUpToDate(target, join(source, 'package.json'))) {
    log(`native-electron: ${shown} is up to date (better-sqlite3 ${readJson(join(source, 'package.json')).version}, Electron ${version}).`);
    return { target, built: false };
  }

  nodeGypJs ??= findNodeGyp({ root });
  const options = nodeGypOptions({ version });
  const logFile = join(root, 'native', 'electron', 'build.log');

  const headers = nodeGyp(nodeGypJs, ['install', '--ensure', ...options], { cwd: root, logFile });
  if (!headers.ok) {
    if (NETWORK.test(headers.output)) throw new Error(headersDownloadFailure(version, headers.output));
    throw new Error(`node-gyp could not install Electron ${version}'s headers into ${electronDevDir()} (log: ${logFile}):\n${tail(headers.output)}`);
  }

  // node-gyp builds in the package folder; a copy keeps node_modules/better-sqlite3/build (Node's) intact.
  const work = mkdtempSync(join(tmpdir(), 'duiding-better-sqlite3-'));
  try {
    // realpath + dereference: were node_modules/better-sqlite3 a link (npm link, pnpm), copying the
    // link would send node-gyp into the real folder and replace its Node build.
    const real = realpathSync(source);
    cpSync(real, work, {
      recursive: true,
      dereference: true,
      filter: (path) => {
        const rel = relative(real, path);
        return rel !== 'build' && rel !== 'node_modules';
      },
    });
    log(`native-electron: compiling better-sqlite3 for Electron ${version} (${process.arch}); this takes a minute or two (log: ${relative(root, logFile)}).`);
    const build = nodeGyp(nodeGypJs, ['rebuild', '--release', '--jobs=max', ...options], { cwd: work, logFile });
    if (!build.ok) {
      const network = NETWORK.test(build.output) ? `\n${headersDownloadFailure(version, build.output)}` : '';
      throw new Error(
        `Compiling better-sqlite3 for Electron ${version} failed (full log: ${logFile}). ` +
          'It needs a C++ toolchain: build-essential and python3 (Linux), Xcode Command Line Tools (macOS), ' +
          `or Visual Studio Build Tools with "Desktop development with C++" (Windows).\n${tail(build.output)}${network}`,
      );
    }
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error(`node-gyp reported success but ${built} does not exist (log: ${logFile}).`);
    // node-gyp's "ok" proves nothing about the headers it used: check the binary itself.
    const abi = verifyAbi(built, electronAbi(electronDir), `better-sqlite3 as just compiled for Electron ${version}`);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, `${target}.partial`);
    renameSync(`${target}.partial`, target);
    log(`native-electron: built ${shown} (NODE_MODULE_VERSION ${abi}; this Node is ${process.versions.modules}).`);
    return { target, built: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  try {
    ensureElectronDriver({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`native-electron: ${error.message}`);
    process.exit(1);
  }
}
