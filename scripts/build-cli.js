#!/usr/bin/env node
// Bundles the command line and the core thread of `duiding serve` with esbuild, so that
// `bin/duiding.js` starts plain JavaScript instead of compiling TypeScript at every run (issue 19):
//   src/main/hosts/cli/bin.ts          → dist/cli/duiding.js
//   src/main/hosts/http/core-thread.ts → dist/cli/core-thread.js  (the worker thread of `serve`)
//   src/main/core/backups/snapshot-thread.ts → dist/cli/snapshot-thread.js (the thread a backup is made in)
// Shared code and code behind a dynamic import() (the REFI-QDA import and export, the name finder,
// the .xlsx writer) land in chunks beside them, read only by the commands that need them. npm
// packages stay in node_modules (better-sqlite3 is native; the others load only when used).
// `dist/cli/inputs.json` lists the source files the bundle was made from: bin/duiding.js compares
// their times with the bundle's to notice a stale bundle in a working copy.
//
// Runs at install (`prepare`), from `npm run build:cli`, and from bin/duiding.js when the bundle is
// missing or older than its sources (which is why the build writes elsewhere and renames into place:
// two processes building at once never leave a half-written bundle).
//
// Usage: node scripts/build-cli.js [--quiet]
import { isMain } from './is-main.js';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Builds dist/cli; returns the files written (bytes) for the summary line. Throws with esbuild's messages. */
export async function buildCli({ root = ROOT, outDir = join(root, 'dist', 'cli') } = {}) {
  const { build } = await import('esbuild');
  let result;
  try {
    result = await build({
      entryPoints: {
        duiding: join(root, 'src', 'main', 'hosts', 'cli', 'bin.ts'),
        'core-thread': join(root, 'src', 'main', 'hosts', 'http', 'core-thread.ts'),
        'snapshot-thread': join(root, 'src', 'main', 'core', 'backups', 'snapshot-thread.ts'),
      },
      outdir: 'dist/cli',
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      // Sources find the migrations, the built screens and the core thread relative to their own
      // file; in the bundle those lie elsewhere (src/main/core/bundled.ts). Chunks lie flat beside
      // the entries, so that one relative path holds for every file of the bundle.
      define: { DUIDING_CLI_BUNDLE: 'true' },
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: root,
    });
  } catch (error) {
    const messages = (error.errors ?? []).map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text));
    throw new Error(`esbuild could not bundle the command line:\n${messages.length ? messages.join('\n') : error.message}`);
  }
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/')).sort();
  // Build beside, then swap: a process starting meanwhile sees the old bundle or the new one, whole.
  const staging = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  const old = `${outDir}.old-${process.pid}-${Date.now()}`;
  try {
    for (const file of result.outputFiles) {
      const target = join(staging, relative(join(root, 'dist', 'cli'), file.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    writeFileSync(join(staging, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
    mkdirSync(dirname(outDir), { recursive: true });
    try {
      renameSync(outDir, old);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    renameSync(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  return result.outputFiles.map((file) => ({ path: join(outDir, relative(join(root, 'dist', 'cli'), file.path)), bytes: file.contents.length }));
}

if (isMain(import.meta.url)) {
  const quiet = process.argv.includes('--quiet');
  try {
    const started = Date.now();
    const files = await buildCli();
    const entries = files.filter((f) => /[/\\](duiding|core-thread|snapshot-thread)\.js$/.test(f.path));
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    if (!quiet) {
      console.log(
        `build-cli: ${entries.map((f) => relative(process.cwd(), f.path)).join(', ')} and ${files.length - entries.length} chunks ` +
          `(${Math.round(total / 1024)} kB) in ${Date.now() - started} ms`,
      );
    }
  } catch (error) {
    console.error(`build-cli: ${error.message}`);
    process.exit(1);
  }
}
