/** Median and 95th percentile (nearest rank) of a sample of durations in milliseconds. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { n: sorted.length, median: round(rank(0.5)), p95: round(rank(0.95)), max: round(sorted[sorted.length - 1]!) };
}

/** Runs `fn` `times` times and returns each run's duration. */
export async function timeRuns(times: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await fn();
    out.push(performance.now() - started);
  }
  return out;
}
