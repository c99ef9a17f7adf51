import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '../..');

/**
 * The JavaScript the page loads before the start screen shows (issue 19): the entry script and the
 * modules index.html preloads with it, in kB and gzipped; everything else loads when opened.
 */
export function measureFirstScreen(rendererDir: string): { files: string[]; kB: number; gzipKB: number } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => (m[1] ?? m[2])!);
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(rendererDir, file));
    bytes += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files, kB: Math.round(bytes / 100) / 10, gzipKB: Math.round(gzip / 100) / 10 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeRuns(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    times.push(performance.now() - started);
    if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${child.stderr}`);
  }
  return Math.round(median(times));
}

/**
 * `duiding --help` and `duiding info FILE` beside `node -e 0`, median of `runs` each, taken in turn
 * so that the machine's load weighs on all three alike. The ratios are the budget's (at most 5×).
 */
export function measureCliStartup(project: string, runs = 5): { nodeMs: number; helpMs: number; infoMs: number; helpRatio: number; infoRatio: number } {
  const bin = join(ROOT, 'bin', 'duiding.js');
  timeRuns([bin, '--help'], 1); // the bundle built and on disk before any is timed
  const nodeMs = timeRuns(['-e', '0'], runs);
  const helpMs = timeRuns([bin, '--help'], runs);
  const infoMs = timeRuns([bin, 'info', project], runs);
  return { nodeMs, helpMs, infoMs, helpRatio: +(helpMs / nodeMs).toFixed(2), infoRatio: +(infoMs / nodeMs).toFixed(2) };
}
