#!/usr/bin/env node
// Bundles the Electron shell with esbuild:
//   src/main/hosts/electron/main.ts    → out/main.js      (ESM, Node side of Electron)
//   src/main/hosts/electron/core-process.ts → out/core.js (ESM, the core in a utility process)
//   src/main/core/backups/snapshot-thread.ts → out/snapshot-thread.js (the core's backup thread)
//   src/main/hosts/electron/preload.ts → out/preload.cjs  (CommonJS: a sandboxed preload must be CJS
//                                                          and may only require 'electron')
// main.js keeps every npm package external: they are `dependencies`, so they sit in node_modules
// both in development and in the packaged app (electron-builder ships them), better-sqlite3 must
// stay external anyway (native), and CommonJS packages such as mammoth and iconv-lite would need
// a createRequire shim inside an ESM bundle. Only our own TypeScript is bundled. The build checks
// that each external is a `dependency`: a devDependency would be missing from the packaged app.
//
// Usage: node scripts/build-electron.js [--out DIR]
import { isMain } from './is-main.js';
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transformSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILTINS = new Set(builtinModules);

/** What a sandboxed preload may require: Electron's renderer modules, nothing from disk. */
export const PRELOAD_MAY_REQUIRE = ['electron'];

/**
 * Every `require(…)` and `import(…)` call in a bundle, as the argument's source text (a string
 * literal is unquoted). The code is first reprinted by esbuild without comments (zod's sources say
 * "an inline `import()`"); text inside a string that looks like a call still counts, which can
 * only make the check stricter.
 */
export function requireCalls(code) {
  const bare = transformSync(code, { loader: 'js', minifyWhitespace: true, legalComments: 'none' }).code;
  const calls = [];
  for (const m of bare.matchAll(/(?<![\w$])(?:__require|require|import)\s*\(\s*([^)]*?)\s*\)/g)) {
    const literal = /^(['"`])([^'"`]*)\1$/.exec(m[1]);
    calls.push(literal ? literal[2] : m[1]);
  }
  return calls;
}

/** The calls in a preload bundle that are not allowed; empty when the bundle is fine. */
export function forbiddenPreloadCalls(code) {
  return requireCalls(code).filter((arg) => !PRELOAD_MAY_REQUIRE.includes(arg));
}

/** The npm package a bare import names: `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`. */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function bundleError(what, error) {
  const messages = (error.errors ?? []).map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text));
  return new Error(`esbuild could not bundle ${what}:\n${messages.length ? messages.join('\n') : error.message}`);
}

/**
 * Builds main.js, core.js and preload.cjs into `outDir` and checks them. Returns the output paths and
 * the externals of main.js and core.js. Throws an Error with a clear message on any failure.
 */
export async function buildElectron({
  root = ROOT,
  outDir = join(root, 'out'),
  mainEntry = join(root, 'src', 'main', 'hosts', 'electron', 'main.ts'),
  preloadEntry = join(root, 'src', 'main', 'hosts', 'electron', 'preload.ts'),
  coreEntry = join(root, 'src', 'main', 'hosts', 'electron', 'core-process.ts'),
  snapshotEntry = join(root, 'src', 'main', 'core', 'backups', 'snapshot-thread.ts'),
} = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const main = join(outDir, 'main.js');
  const preload = join(outDir, 'preload.cjs');
  const core = join(outDir, 'core.js');
  // The core finds its backup thread beside itself (src/main/core/backups/background.ts).
  const snapshotThread = join(outDir, 'snapshot-thread.js');

  const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
  const isBuiltin = (spec) => spec.startsWith('node:') || BUILTINS.has(packageName(spec));
  /** Bundles one Node-side entry (main.js, core.js): our TypeScript inside, npm packages outside. */
  const bundleNode = async (entry, outfile) => {
    let result;
    try {
      result = await build({
        entryPoints: [entry],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22', // Electron 42 runs Node 24; node22 leaves room for older Electrons.
        packages: 'external',
        sourcemap: true,
        metafile: true,
        logLevel: 'silent',
        absWorkingDir: root,
        // The Node side's project (tsconfig.json at the root only lists the projects).
        tsconfig: join(root, 'tsconfig.node.json'),
      });
    } catch (error) {
      throw bundleError(relative(root, entry), error);
    }
    const externals = [...new Set(result.metafile.outputs[relative(root, outfile)].imports.filter((i) => i.external).map((i) => i.path))].sort();
    const missing = externals.filter((spec) => !isBuiltin(spec) && packageName(spec) !== 'electron' && !dependencies.has(packageName(spec)));
    if (missing.length > 0) {
      throw new Error(
        `${relative(root, outfile)} imports ${missing.map((s) => `"${s}"`).join(', ')}, which package.json does not list under "dependencies": ` +
          'the packaged app would not have it. Move it to "dependencies" (or stop importing it from the main process).',
      );
    }
    return { result, externals };
  };
  const { result: mainResult, externals } = await bundleNode(mainEntry, main);
  const { result: coreResult, externals: coreExternals } = await bundleNode(coreEntry, core);
  const { externals: threadExternals } = await bundleNode(snapshotEntry, snapshotThread);
  // The utility process has no electron module: an import of it would fail there at start.
  if ([...coreExternals, ...threadExternals].some((spec) => packageName(spec) === 'electron')) {
    throw new Error(`${relative(root, core)} imports electron, which a utility process cannot (entry: ${relative(root, coreEntry)}).`);
  }

  let preloadResult;
  try {
    preloadResult = await build({
      entryPoints: [preloadEntry],
      outfile: preload,
      bundle: true,
      // The sandboxed preload is a browser context with a tiny `require`: browser resolution, and
      // everything bundled except 'electron'.
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      tsconfig: join(root, 'tsconfig.node.json'),
      external: PRELOAD_MAY_REQUIRE,
      sourcemap: true,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: root,
    });
  } catch (error) {
    throw bundleError(relative(root, preloadEntry), error);
  }
  const forbidden = forbiddenPreloadCalls(readFileSync(preload, 'utf8'));
  if (forbidden.length > 0) {
    throw new Error(
      `${relative(root, preload)} requires ${[...new Set(forbidden)].map((s) => `"${s}"`).join(', ')}, but a sandboxed preload may only ` +
        `require ${PRELOAD_MAY_REQUIRE.map((s) => `'${s}'`).join(', ')}: bundle it, or keep that code out of the preload ` +
        `(entry: ${relative(root, preloadEntry)}).`,
    );
  }
  return { main, core, snapshotThread, preload, externals: [...new Set([...externals, ...coreExternals, ...threadExternals])].sort(), warnings: [...mainResult.warnings, ...coreResult.warnings, ...preloadResult.warnings] };
}

if (isMain(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out');
  if (outIndex > 0 && !process.argv[outIndex + 1]) {
    console.error('build-electron: --out needs a folder.');
    process.exit(2);
  }
  const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : undefined;
  try {
    const { main, core, preload, warnings } = await buildElectron(outDir ? { outDir } : {});
    const size = (file) => `${Math.round(statSync(file).size / 1024)} kB`;
    for (const w of warnings) console.warn(`build-electron: warning: ${w.location ? `${w.location.file}:${w.location.line}: ` : ''}${w.text}`);
    console.log(
      `build-electron: ${relative(process.cwd(), main)} (${size(main)}), ${relative(process.cwd(), core)} (${size(core)}) and ${relative(process.cwd(), preload)} (${size(preload)}); ` +
        "the preload requires only 'electron'.",
    );
  } catch (error) {
    console.error(`build-electron: ${error.message}`);
    process.exit(1);
  }
}
