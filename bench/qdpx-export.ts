/**
 * The .qdpx export alone, for its time and its memory (issue 19): the export runs in a fresh process
 * of its own, so that the process's peak resident memory is the export's (plus opening the project),
 * not what building the corpus left behind.
 *
 *   npx tsx bench/qdpx-export.ts [--size s|m] [--project FILE] [--runs N]
 *
 * Without --project an M (or S) project is built first, in a folder that is kept and printed, so that
 * a later run (another branch, say) measures the same project with --project.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from '../src/main/core/session.ts';
import { dispatch } from '../src/main/core/handlers.ts';
import { buildProject, sizeDir } from './corpus/build.ts';
import { SIZES, type CorpusSize } from './corpus/sizes.ts';
import { peakRssMB } from './memory.ts';

const { values } = parseArgs({
  options: { size: { type: 'string', default: 'm' }, project: { type: 'string' }, runs: { type: 'string', default: '3' }, child: { type: 'string' } },
});

if (values.child) {
  // One export, in this fresh process.
  const [file, out] = values.child.split('\n') as [string, string];
  const session = new Session('bench');
  session.open(file);
  const before = peakRssMB('self');
  const cpu = process.cpuUsage();
  const started = performance.now();
  await dispatch(session, 'interchange/exportQdpx', { out });
  const ms = performance.now() - started;
  // On a loaded machine the wall time says little; the CPU time the export took says more.
  const used = process.cpuUsage(cpu);
  session.close();
  process.stdout.write(`${JSON.stringify({ seconds: Math.round(ms) / 1000, cpuSeconds: Math.round((used.user + used.system) / 1000) / 1000, peakMB: peakRssMB('self'), openMB: before, megabytes: Math.round(statSync(out).size / 1e4) / 100 })}\n`);
  process.exit(0);
}

const size: CorpusSize | undefined = SIZES[values.size as CorpusSize['name']];
if (!size || size.name === 'l') {
  process.stderr.write('--size must be s or m.\n');
  process.exit(2);
}
let file = values.project;
if (!file) {
  const dir = mkdtempSync(join(tmpdir(), `duiding-qdpx-${size.name}-`));
  const built = await buildProject(sizeDir(dir, size), size, (line) => process.stderr.write(`[qdpx ${size.name}] ${line}\n`));
  built.session.close();
  file = built.file;
  process.stderr.write(`[qdpx ${size.name}] the project: ${file} (kept; pass it with --project next time)\n`);
}
const work = mkdtempSync(join(tmpdir(), 'duiding-qdpx-out-'));
const runs = [];
try {
  for (let i = 0; i < Number(values.runs); i++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', `${file}\n${join(work, `run-${i}.qdpx`)}`], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`the export failed:\n${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { seconds: number; cpuSeconds: number; peakMB: number; openMB: number; megabytes: number });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(
  `${JSON.stringify({ size: size.name, runs, medianSeconds: median(runs.map((r) => r.seconds)), medianCpuSeconds: median(runs.map((r) => r.cpuSeconds)), medianPeakMB: median(runs.map((r) => r.peakMB)) }, null, 1)}\n`,
);
