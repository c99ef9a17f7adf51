import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildElectron, forbiddenPreloadCalls, packageName, requireCalls } from '../../scripts/build-electron.js';
import { ensureElectronDriver } from '../../scripts/native-electron.js';
import {
  abiFromDlopenError,
  childEnv,
  electronAbi,
  findNodeGyp,
  isUpToDate,
  nativeTarget,
  nodeGypOptions,
  pinnedElectronVersion,
  verifyAbi,
} from '../../scripts/native-electron-lib.js';
import { lockPathFor } from '../../src/main/core/db/lock.ts';
import { defaultMigrationsDir, loadMigrations } from '../../src/main/core/db/migrations.ts';
import { migrationsDir, nativeBindingPath } from '../../src/main/hosts/electron/config.ts';
import { CALL_CHANNEL } from '../../src/main/hosts/electron/ipc.ts';
import { tempDir } from '../support/temp.ts';

/**
 * `npm start` up to the launch: Electron itself cannot run on the build machine (its binary and
 * headers come from the internet), so the bundles, the driver build's decisions and the ABI check
 * are tested here, and out/main.js is run under Node against a stub `electron`.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'out');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const NODE_BUILD = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/** The `import … from "x"` specifiers of an ESM bundle. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gm)].map((m) => m[1]!);
}

// A tiny addon compiled with another NODE_MODULE_VERSION stands in for an Electron build (Electron's
// headers set NODE_EMBEDDER_MODULE_VERSION the same way). Needs a C++ compiler and Node's headers.
const probeDir = mkdtempSync(join(tmpdir(), 'duiding-probe-'));
afterAll(() => rmSync(probeDir, { recursive: true, force: true }));
function compileProbe(abi: number): string | null {
  const include = join(dirname(process.execPath), '..', 'include', 'node');
  if (process.platform === 'win32' || !existsSync(join(include, 'node.h'))) return null;
  const source = join(probeDir, 'probe.cc');
  writeFileSync(source, '#include <node.h>\nNODE_MODULE_INIT() {}\n');
  const out = join(probeDir, `probe-${abi}.node`);
  const args = ['-shared', '-fPIC', '-std=c++20', `-I${include}`, '-DNODE_GYP_MODULE_NAME=probe', `-DNODE_EMBEDDER_MODULE_VERSION=${abi}`, source, '-o', out];
  if (process.platform === 'darwin') args.push('-undefined', 'dynamic_lookup');
  return spawnSync(process.env.CXX ?? 'c++', args).status === 0 ? out : null;
}
const ELECTRON_ABI = 146;
const electronProbe = compileProbe(ELECTRON_ABI);

describe('build-electron', () => {
  it('bundles main.ts into out/main.js (ESM), core-process.ts into out/core.js (ESM) and preload.ts into out/preload.cjs (CommonJS)', () => {
    const started = Date.now() - 1000;
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-electron.js')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^build-electron: out\/main\.js \(\d+ kB\), out\/core\.js \(\d+ kB\) and out\/preload\.cjs \(\d+ kB\); the preload requires only 'electron'\.\n$/);
    for (const file of ['main.js', 'core.js', 'preload.cjs']) expect(statSync(join(OUT, file)).mtimeMs).toBeGreaterThan(started);
    const main = readFileSync(join(OUT, 'main.js'), 'utf8');
    expect(main).toMatch(/^import .* from "electron";$/m);
    expect(main).not.toMatch(/\brequire\(/);
    const preload = readFileSync(join(OUT, 'preload.cjs'), 'utf8');
    expect(preload).toMatch(/^"use strict";/);
    expect(preload).not.toMatch(/^(import|export) /m);
  });

  it('leaves a preload that requires nothing but electron', () => {
    const preload = readFileSync(join(OUT, 'preload.cjs'), 'utf8');
    expect(new Set(requireCalls(preload))).toEqual(new Set(['electron']));
    expect(preload).toMatch(/exposeInMainWorld\("duiding"/);
  });

  it('keeps electron, better-sqlite3 and the other npm packages external to out/main.js and out/core.js', () => {
    const main = readFileSync(join(OUT, 'main.js'), 'utf8');
    const core = readFileSync(join(OUT, 'core.js'), 'utf8');
    expect(staticImports(main)).toContain('electron');
    expect(staticImports(core)).toContain('better-sqlite3');
    const dependencies = Object.keys(pkg.dependencies);
    for (const spec of [...staticImports(main), ...staticImports(core)]) {
      if (spec.startsWith('node:') || spec === 'electron') continue;
      expect(dependencies, spec).toContain(packageName(spec));
    }
    // Our own code is inside; no package's code is.
    expect(core).toContain('// src/main/core/session.ts');
    expect(main).not.toContain('// node_modules/');
    expect(core).not.toContain('// node_modules/');
  });

  it('keeps the core off the main process of Electron: out/main.js holds none of it, out/core.js no electron', () => {
    const main = readFileSync(join(OUT, 'main.js'), 'utf8');
    const core = readFileSync(join(OUT, 'core.js'), 'utf8');
    expect(main).not.toMatch(/\/\/ src\/main\/core\//);
    expect(staticImports(main)).not.toContain('better-sqlite3');
    expect(staticImports(core)).not.toContain('electron');
  });

  it('finds require and import() calls in a bundle, but not in comments', () => {
    const code = [
      'var e = require("electron");',
      '// an inline `import()` of an ESM path, and require("in-a-comment")',
      "const fs = require('node:fs');",
      'const x = require(name);',
      'const y = __require("path");',
      'import("./chunk.js");',
      'obj.requireX("not-a-call");',
    ].join('\n');
    expect(requireCalls(code)).toEqual(['electron', 'node:fs', 'name', 'path', './chunk.js']);
    expect(forbiddenPreloadCalls(code)).toEqual(['node:fs', 'name', 'path', './chunk.js']);
    expect(forbiddenPreloadCalls('var e = require("electron");')).toEqual([]);
  });

  it('fails with a clear message when the preload would require anything but electron', async () => {
    const dir = tempDir();
    const dynamic = join(dir, 'dynamic.ts');
    writeFileSync(dynamic, "const name = ['f', 's'].join('');\nexport const fs = require(name);\n");
    await expect(buildElectron({ outDir: join(dir, 'out'), preloadEntry: dynamic })).rejects.toThrow(
      /preload\.cjs requires "name", but a sandboxed preload may only require 'electron'/,
    );
    const builtin = join(dir, 'builtin.ts');
    writeFileSync(builtin, "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    await expect(buildElectron({ outDir: join(dir, 'out'), preloadEntry: builtin })).rejects.toThrow(/esbuild could not bundle .*builtin\.ts:\n.*node:fs/);
  });

  it('refuses a main process that imports a package the packaged app would not have', async () => {
    const dir = tempDir();
    const entry = join(dir, 'main.ts');
    writeFileSync(entry, "import { build } from 'esbuild';\nimport Database from 'better-sqlite3';\nexport const x = [build, Database];\n");
    await expect(buildElectron({ outDir: join(dir, 'out'), mainEntry: entry })).rejects.toThrow(
      /out\/main\.js imports "esbuild", which package\.json does not list under "dependencies"/,
    );
  });

  it('runs out/main.js under Node against a stub electron: preload, renderer, the core in its own process, migrations, IPC', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
    writeFileSync(
      join(dir, 'hooks.mjs'),
      "export async function resolve(specifier, context, next) {\n" +
        "  if (specifier === 'electron') return { url: new URL('./electron-stub.mjs', import.meta.url).href, shortCircuit: true };\n" +
        '  return next(specifier, context);\n}\n',
    );
    writeFileSync(join(dir, 'electron-stub.mjs'), ELECTRON_STUB);
    writeFileSync(join(dir, 'parent-port.mjs'), PARENT_PORT_SHIM);
    const run = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), join(OUT, 'main.js')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DUIDING_CODER: 'tester', STUB_DOCUMENTS: dir, STUB_CHANNEL: CALL_CHANNEL, STUB_PARENT_PORT: join(dir, 'parent-port.mjs') },
    });
    expect(run.status, run.stderr).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith('STUB:'));
    const record = JSON.parse(line!.slice('STUB:'.length));
    expect(record.sandbox).toBe(true);
    expect(record.windows).toHaveLength(1);
    expect(record.windows[0].webPreferences).toMatchObject({ preload: join(OUT, 'preload.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false });
    // The page comes from the app's own scheme (not file://), its CSP as a header of the protocol handler.
    expect(record.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(record.loaded).toEqual(['app://duiding/index.html']);
    expect(record.csp).toMatch(/^default-src 'self'/);
    expect(record.escaped).toBe(404);
    // IPC from another frame than the window's own page is refused.
    expect(record.untrusted).toBe("Refused IPC call: not from the app's own page.");
    // The core runs in a utility process of its own, started from out/core.js.
    expect(record.forked).toEqual([{ modulePath: join(OUT, 'core.js'), serviceName: 'Duiding core', pid: expect.any(Number) }]);
    expect(record.forked[0].pid).not.toBe(record.mainPid);
    // The bundle's own import.meta.url points at out/, where there are no migrations: a created
    // project proves main.ts handed the core the migrations folder explicitly.
    expect(existsSync(join(OUT, 'migrations'))).toBe(false);
    expect(record.results[0]).toMatchObject({ ok: true });
    expect(record.results[1]).toMatchObject({ ok: true });
    expect(JSON.stringify(record.results[1])).toContain('Smoke');
    // A core refusal travels back as data, not as an exception.
    expect(record.results[2]).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^smoke\.duiding already exists/) } });
    // Projects live in Documents/Duiding; a path elsewhere is refused, the native dialogs reach it.
    expect(existsSync(join(dir, 'Duiding', 'smoke.duiding'))).toBe(true);
    expect(record.results[3]).toMatchObject({ ok: false, error: { message: '"/etc/elsewhere" is not a project name: use a plain file name, without folders.' } });
    expect(record.results[4]).toEqual({ ok: true, result: null, change: null });
    expect(record.results[5]).toMatchObject({ ok: true, result: { title: 'Smoke', path: join(dir, 'Duiding', 'smoke.duiding') } });
    expect(record.refused).toMatch(/^Refused IPC call "shell\/exec": not in the allow-list\.$/);
    expect(record.closed).toBe(true);
    // The write's backup was made in the core's backup thread while the project stayed open.
    expect(record.backupBeforeClose).toBe(true);
    // Closing the window closed the project in the core: no lock left behind.
    expect(existsSync(lockPathFor(join(dir, 'Duiding', 'smoke.duiding')))).toBe(false);
  });
});

/** A stand-in for `electron`: records what main.js asks of it, then drives a few IPC calls. */
const ELECTRON_STUB = `
import { fork } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
const record = { backupBeforeClose: false, sandbox: false, windows: [], loaded: [], handlers: {}, listeners: {}, csp: null, results: [], refused: null, closed: false, forked: [], mainPid: process.pid, schemes: [], escaped: null, untrusted: null };
const mainFrame = { url: 'app://duiding/index.html' };
let appProtocol = null;
function report() {
  console.log('STUB:' + JSON.stringify({ ...record, handlers: Object.keys(record.handlers), listeners: Object.keys(record.listeners) }));
}
export const app = {
  isPackaged: false,
  getAppPath: () => process.cwd(),
  getPath: (name) => (name === 'documents' ? process.env.STUB_DOCUMENTS : '/nonexistent'),
  enableSandbox: () => { record.sandbox = true; },
  whenReady: () => { setTimeout(run, 0); return Promise.resolve(); },
  on: (event, listener) => { record.listeners[event] = listener; },
  quit: () => { record.closed = true; report(); },
};
// A Node child process with Electron's process.parentPort stands in for a utility process.
export const utilityProcess = {
  fork(modulePath, args, options) {
    const child = fork(modulePath, args, { execArgv: ['--import', process.env.STUB_PARENT_PORT], serialization: 'advanced', stdio: 'inherit' });
    record.forked.push({ modulePath, serviceName: options.serviceName, pid: child.pid });
    return {
      postMessage: (message) => child.send(message),
      on: (event, listener) => { child.on(event, listener); },
      once: (event, listener) => { child.once(event, listener); },
      kill: () => child.kill(),
    };
  },
};
export class BrowserWindow {
  constructor(options) {
    record.windows.push(options);
    this.webContents = { setWindowOpenHandler() {}, on() {}, send() {}, mainFrame };
  }
  once() {}
  show() {}
  loadFile(file) { record.loaded.push(file); return Promise.resolve(); }
  loadURL(url) { record.loaded.push(url); return Promise.resolve(); }
}
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => { record.schemes.push(...schemes); },
  handle: (scheme, handler) => { appProtocol = handler; },
};
export const ipcMain = { handle: (channel, handler) => { record.handlers[channel] = handler; } };
export const session = {
  defaultSession: {
    setPermissionRequestHandler() {},
    setSpellCheckerEnabled() {},
  },
};
export const shell = { openExternal() {} };

export const dialog = {
  showOpenDialog: async () => ({ canceled: false, filePaths: [process.env.STUB_DOCUMENTS + '/Duiding/smoke.duiding'] }),
  showSaveDialog: async () => ({ canceled: true }),
};
async function run() {
  // main.js registers its handlers once the core's process has started.
  while (!record.handlers[process.env.STUB_CHANNEL]) await new Promise((resolve) => setTimeout(resolve, 10));
  const handler = record.handlers[process.env.STUB_CHANNEL];
  const call = (event, name, args) => handler({ senderFrame: mainFrame }, name, args);
  const page = await appProtocol({ url: 'app://duiding/index.html' });
  record.csp = page.headers.get('content-security-policy');
  record.escaped = (await appProtocol({ url: 'app://duiding/..%2F..%2Fpackage.json' })).status;
  try { await handler({ senderFrame: { url: 'https://example.org/' } }, 'project/info', {}); } catch (error) { record.untrusted = error.message; }
  record.results.push(await call({}, 'project/create', { path: 'smoke', title: 'Smoke' }));
  record.results.push(await call({}, 'project/info', {}));
  record.results.push(await call({}, 'project/create', { path: 'smoke' }));
  record.results.push(await call({}, 'project/create', { path: '/etc/elsewhere' }));
  record.results.push(await call({}, 'project/choose', { mode: 'create', title: 'X' }));
  record.results.push(await call({}, 'project/choose', { mode: 'open' }));
  try { await call({}, 'shell/exec', {}); } catch (error) { record.refused = error.message; }
  // A write: its backup is made in a thread the utility process starts from out/snapshot-thread.js.
  await call({}, 'labels/create', { name: 'Smoke' });
  const backups = process.env.STUB_DOCUMENTS + '/Duiding/smoke backups';
  const made = () => existsSync(backups) && readdirSync(backups).some((f) => /^\\d.*\\.duiding$/.test(f));
  for (const until = Date.now() + 30000; !made() && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 20));
  record.backupBeforeClose = made();
  record.listeners['window-all-closed']();
}
`;

/** Electron's process.parentPort in a utility process, over a Node child's IPC channel. */
const PARENT_PORT_SHIM = `
process.parentPort = {
  on: (event, listener) => process.on(event, (data) => listener({ data })),
  postMessage: (message) => process.send(message),
};
`;

describe('the Electron build of better-sqlite3', () => {
  it('goes where main.ts loads it from, for the Electron version package.json pins', () => {
    const version = pinnedElectronVersion(pkg);
    expect(version).toBe(JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version);
    const root = tempDir();
    const target = nativeTarget(root, version);
    expect(target).toBe(join(root, 'native', 'electron', `electron-${version}`, 'better_sqlite3.node'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, '');
    expect(nativeBindingPath({ ...process.versions, electron: version } as NodeJS.ProcessVersions, root)).toBe(target);
    expect(() => pinnedElectronVersion({ devDependencies: { electron: '^42.11.18' } })).toThrow(/must pin an exact Electron version \(found "\^42\.11\.18"\)/);
    expect(() => pinnedElectronVersion({})).toThrow(/no "electron" dependency/);
    expect(electronAbi(join(ROOT, 'node_modules', 'electron'))).toBeGreaterThan(Number(process.versions.modules));
  });

  it('is up to date only when it exists and is newer than better-sqlite3', () => {
    const dir = tempDir();
    const source = join(dir, 'package.json');
    const target = join(dir, 'better_sqlite3.node');
    writeFileSync(source, '{}');
    expect(isUpToDate(target, source)).toBe(false);
    writeFileSync(target, '');
    utimesSync(source, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(isUpToDate(target, source)).toBe(true);
    utimesSync(target, new Date(1999, 0, 1), new Date(1999, 0, 1));
    expect(isUpToDate(target, source)).toBe(false);
  });

  it("gives node-gyp Electron's version, headers and this architecture, and never npm's nodedir", () => {
    const options = nodeGypOptions({ version: '42.11.18', devdir: '/home/u/.electron-gyp' });
    expect(options).toEqual([
      '--runtime=electron',
      '--target=42.11.18',
      '--dist-url=https://electronjs.org/headers',
      `--arch=${process.arch}`,
      '--devdir=/home/u/.electron-gyp',
    ]);
    const env = childEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.20.2',
      npm_config_dist_url: 'https://nodejs.org/dist',
      npm_package_config_node_gyp_nodedir: '/usr',
      npm_config_python: '/usr/bin/python3',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_python: '/usr/bin/python3' });
  });

  it("finds npm's node-gyp, or says where it looked", () => {
    const found = findNodeGyp();
    expect(found).toMatch(/node-gyp\.js$/);
    expect(existsSync(found)).toBe(true);
    expect(findNodeGyp({ env: { npm_config_node_gyp: found }, execPath: '/nowhere/bin/node', root: tempDir() })).toBe(found);
    expect(() => findNodeGyp({ env: {}, execPath: '/nowhere/bin/node', root: tempDir() })).toThrow(/^node-gyp not found \(looked in: .*\/nowhere\/.*\)\. It ships with npm/);
  });

  it("reads the ABI a module was built for from Node's refusal to load it", () => {
    const message =
      "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 146. This version of Node.js requires\nNODE_MODULE_VERSION 115. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).";
    expect(abiFromDlopenError(message)).toEqual({ built: 146, node: 115 });
    expect(abiFromDlopenError('Module did not self-register.')).toBeNull();
  });

  it("refuses a build that this Node can load: it was compiled against Node's headers", () => {
    expect(() => verifyAbi(NODE_BUILD, ELECTRON_ABI)).toThrow(
      new RegExp(`was built for this Node's ABI \\(NODE_MODULE_VERSION ${process.versions.modules}\\), not Electron's \\(146\\)`),
    );
  });

  it.skipIf(!electronProbe)("accepts a module built for Electron's ABI, and only for the expected one", () => {
    expect(verifyAbi(electronProbe!, ELECTRON_ABI)).toBe(ELECTRON_ABI);
    expect(verifyAbi(electronProbe!, null)).toBe(ELECTRON_ABI);
    expect(() => verifyAbi(electronProbe!, 147)).toThrow(/was built for NODE_MODULE_VERSION 146, but Electron needs 147/);
  });
});

describe('native-electron', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  /** A project folder with just what the script reads, and a fake node-gyp that records its calls. */
  function fixture(mode: 'offline' | 'node-abi' | 'electron-abi') {
    const root = tempDir();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ devDependencies: { electron: '42.11.18' } }));
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version: '42.11.18' }));
    writeFileSync(join(root, 'node_modules', 'electron', 'abi_version'), `${ELECTRON_ABI}\n`);
    const source = join(root, 'node_modules', 'better-sqlite3');
    mkdirSync(join(source, 'src'), { recursive: true });
    mkdirSync(join(source, 'build', 'Release'), { recursive: true });
    writeFileSync(join(source, 'package.json'), JSON.stringify({ version: '12.11.1' }));
    writeFileSync(join(source, 'binding.gyp'), '{}');
    writeFileSync(join(source, 'src', 'better_sqlite3.cpp'), '');
    writeFileSync(join(source, 'build', 'Release', 'better_sqlite3.node'), 'the Node build');
    const calls = join(root, 'calls.jsonl');
    const nodeGypJs = join(root, 'fake-node-gyp.mjs');
    writeFileSync(
      nodeGypJs,
      `import { appendFileSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
const [command, ...args] = process.argv.slice(2);
const nodedir = Object.keys(process.env).filter((k) => /nodedir/i.test(k));
appendFileSync(${JSON.stringify(calls)}, JSON.stringify({ command, args, cwd: process.cwd(), nodedir, hasSource: existsSync('binding.gyp'), hasNodeBuild: existsSync('build') }) + '\\n');
if (${JSON.stringify(mode)} === 'offline' && command === 'install') {
  console.error('gyp http GET https://electronjs.org/headers/v42.11.18/node-v42.11.18-headers.tar.gz');
  console.error('gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and');
  console.error('gyp ERR! stack is related to network connectivity.');
  process.exit(1);
}
if (command === 'rebuild') {
  mkdirSync('build/Release', { recursive: true });
  copyFileSync(${JSON.stringify(mode === 'node-abi' ? NODE_BUILD : (electronProbe ?? ''))}, 'build/Release/better_sqlite3.node');
}
`,
    );
    const readCalls = () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : []);
    return { root, source, nodeGypJs, readCalls, target: nativeTarget(root, '42.11.18') };
  }

  it('skips the build when the target is newer than better-sqlite3', () => {
    const f = fixture('offline');
    mkdirSync(dirname(f.target), { recursive: true });
    writeFileSync(f.target, 'built before');
    utimesSync(join(f.source, 'package.json'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const log: string[] = [];
    expect(ensureElectronDriver({ root: f.root, nodeGypJs: f.nodeGypJs, log: (l) => log.push(l) })).toEqual({ target: f.target, built: false });
    expect(log).toEqual(['native-electron: native/electron/electron-42.11.18/better_sqlite3.node is up to date (better-sqlite3 12.11.1, Electron 42.11.18).']);
    expect(f.readCalls()).toEqual([]);
  });

  it('says to go online once when the headers cannot be downloaded, and never passes npm’s nodedir on', () => {
    const f = fixture('offline');
    mkdirSync(dirname(f.target), { recursive: true });
    writeFileSync(f.target, 'older than better-sqlite3');
    utimesSync(f.target, new Date(2000, 0, 1), new Date(2000, 0, 1));
    process.env.npm_config_nodedir = '/usr';
    process.env.NPM_CONFIG_NODEDIR = '/usr';
    expect(() => ensureElectronDriver({ root: f.root, nodeGypJs: f.nodeGypJs, log: () => {} })).toThrow(
      /^Could not download Electron 42\.11\.18's headers from https:\/\/electronjs\.org\/headers\/v42\.11\.18\/ .*\nRun `npm start` once with an internet connection/,
    );
    const [install, ...rest] = f.readCalls();
    expect(rest).toEqual([]);
    expect(install.command).toBe('install');
    expect(install.args).toEqual(['--ensure', ...nodeGypOptions({ version: '42.11.18' })]);
    expect(install.nodedir).toEqual([]);
    expect(readFileSync(f.target, 'utf8')).toBe('older than better-sqlite3');
  });

  it("refuses a build that succeeded against Node's headers and leaves no driver behind", () => {
    const f = fixture('node-abi');
    expect(() => ensureElectronDriver({ root: f.root, nodeGypJs: f.nodeGypJs, log: () => {} })).toThrow(
      /^better-sqlite3 as just compiled for Electron 42\.11\.18 was built for this Node's ABI/,
    );
    expect(existsSync(f.target)).toBe(false);
    expect(f.readCalls().map((c) => c.command)).toEqual(['install', 'rebuild']);
  });

  it.skipIf(!electronProbe)("builds in a copy of better-sqlite3 and installs a driver made for Electron's ABI", () => {
    const f = fixture('electron-abi');
    const log: string[] = [];
    expect(ensureElectronDriver({ root: f.root, nodeGypJs: f.nodeGypJs, log: (l) => log.push(l) })).toEqual({ target: f.target, built: true });
    expect(readFileSync(f.target)).toEqual(readFileSync(electronProbe!));
    expect(log.at(-1)).toBe(`native-electron: built native/electron/electron-42.11.18/better_sqlite3.node (NODE_MODULE_VERSION 146; this Node is ${process.versions.modules}).`);
    const [, rebuild] = f.readCalls();
    expect(rebuild).toMatchObject({ command: 'rebuild', hasSource: true, hasNodeBuild: false });
    expect(rebuild.args).toEqual(['--release', '--jobs=max', ...nodeGypOptions({ version: '42.11.18' })]);
    expect(rebuild.cwd).not.toBe(f.source);
    expect(readFileSync(join(f.source, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('the Node build');
    // Built now, so the next start skips it.
    expect(ensureElectronDriver({ root: f.root, nodeGypJs: f.nodeGypJs, log: () => {} }).built).toBe(false);
  });
});

describe('packaging and the migrations folder', () => {
  it('reads migrations from the source in development and from resources when packaged', () => {
    expect(resolve(migrationsDir({ isPackaged: false, appRoot: ROOT, resourcesPath: '/r' }))).toBe(resolve(defaultMigrationsDir));
    expect(loadMigrations(migrationsDir({ isPackaged: false, appRoot: ROOT, resourcesPath: '/r' })).length).toBeGreaterThan(0);
    expect(migrationsDir({ isPackaged: true, appRoot: '/app.asar', resourcesPath: '/opt/Duiding/resources' })).toBe(join('/opt/Duiding/resources', 'migrations'));
  });

  it('points package.json and electron-builder.yml at the built files', () => {
    expect(pkg.main).toBe('out/main.js');
    expect(pkg.scripts.start).toBe('node scripts/start.js');
    expect(pkg.scripts['build:electron']).toBe('node scripts/build-electron.js');
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    for (const line of ['  - out/**', '  - dist/renderer/**', '  - native/electron/**/*.node', 'npmRebuild: false', '  - from: src/main/core/db/migrations', '    to: migrations']) {
      expect(yml.split('\n'), line).toContain(line);
    }
  });
});
