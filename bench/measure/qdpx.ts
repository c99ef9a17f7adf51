import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectInfo } from '../../src/shared/model.ts';
import { Session } from '../../src/main/core/session.ts';
import { available, call, NOT_AVAILABLE } from './available.ts';

export type QdpxFigures =
  | { status: string }
  | { measuredOn: string; exportSeconds: number; importSeconds: number; seconds: number; megabytes: number; source: Counts; imported: Counts };

type Counts = Pick<ProjectInfo, 'documents' | 'labels' | 'segments' | 'codings'>;

const counts = (info: ProjectInfo): Counts => ({ documents: info.documents, labels: info.labels, segments: info.segments, codings: info.codings });
const seconds = (ms: number) => Math.round(ms / 10) / 100;

/**
 * The REFI-QDA round trip: the project exported to .qdpx, then imported into a new empty project
 * (the only kind .qdpx goes into), both through their handlers. The counts on both sides show that
 * the figure is of a complete round trip.
 */
export async function measureQdpx(file: string, dir: string, measuredOn: string): Promise<QdpxFigures> {
  if (!available('interchange/exportQdpx') || !available('interchange/importQdpx')) return { status: NOT_AVAILABLE };
  const work = join(dir, 'qdpx');
  mkdirSync(work, { recursive: true });
  const out = join(work, 'project.qdpx');
  const source = new Session('bench');
  const target = new Session('bench');
  try {
    source.open(file);
    const before = counts(await call<ProjectInfo>(source, 'project/info', {}));
    let started = performance.now();
    await call(source, 'interchange/exportQdpx', { out });
    const exportMs = performance.now() - started;
    source.close();
    target.create(join(work, 'round-trip.duiding'));
    started = performance.now();
    await call(target, 'interchange/importQdpx', { file: { path: out } });
    const importMs = performance.now() - started;
    const after = counts(await call<ProjectInfo>(target, 'project/info', {}));
    return {
      measuredOn,
      exportSeconds: seconds(exportMs),
      importSeconds: seconds(importMs),
      seconds: seconds(exportMs + importMs),
      megabytes: Math.round(statSync(out).size / 1e4) / 100,
      source: before,
      imported: after,
    };
  } catch (error) {
    return { status: `failed: ${(error as Error).message}` };
  } finally {
    source.close();
    target.close();
  }
}

/**
 * The export alone, in a fresh process (bench/qdpx-export.ts), so that its peak resident memory is
 * the export's own: the median of three runs' time, CPU time and peak RSS (issue 19).
 */
export function measureQdpxExport(file: string, dir: string, runs = 3): { seconds: number; cpuSeconds: number; peakMB: number } | { status: string } {
  const times: Array<{ seconds: number; cpuSeconds: number; peakMB: number }> = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../qdpx-export.ts'), '--child', `${file}\n${join(dir, 'qdpx', `alone-${i}.qdpx`)}`], { encoding: 'utf8' });
    if (child.status !== 0) return { status: `failed: ${child.stderr.trim().split('\n').at(-1)}` };
    times.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { seconds: number; cpuSeconds: number; peakMB: number });
  }
  const median = (pick: (t: (typeof times)[number]) => number) => times.map(pick).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  return { seconds: median((t) => t.seconds), cpuSeconds: median((t) => t.cpuSeconds), peakMB: median((t) => t.peakMB) };
}
