import type { Range } from '../../../shared/text/highlight.ts';

/** A stretch of a turn under the same segments (and search marks): rendered as one span. */
export interface Run {
  start: number;
  end: number;
  segmentIds: string[];
  term: boolean;
}

/**
 * Cuts a turn at every segment and search-mark boundary inside it. Offsets are the document's; a
 * segment that runs over several turns is clipped to each. Segments must be sorted by start.
 */
export function turnRuns(turnStart: number, turnEnd: number, segments: ReadonlyArray<{ id: string; start: number; end: number }>, terms: Range[]): Run[] {
  const cuts = new Set<number>([turnStart, turnEnd]);
  const inside = segments.filter((s) => s.start < turnEnd && s.end > turnStart);
  for (const s of inside) {
    cuts.add(Math.max(s.start, turnStart));
    cuts.add(Math.min(s.end, turnEnd));
  }
  for (const t of terms) {
    cuts.add(Math.max(t.start, turnStart));
    cuts.add(Math.min(t.end, turnEnd));
  }
  const points = [...cuts].filter((p) => p >= turnStart && p <= turnEnd).sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    runs.push({
      start,
      end,
      segmentIds: inside.filter((s) => s.start <= start && s.end >= end).map((s) => s.id),
      term: terms.some((t) => t.start <= start && t.end >= end),
    });
  }
  return runs;
}
