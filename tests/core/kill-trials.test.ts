import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killNewFromQdpx, runKillTrials } from '../../scripts/kill-trials.ts';
import { SHARED } from '../support/temp.ts';

/**
 * A few kill -9 trials in every run (scripts/kill-trials.ts runs as many as asked): a writer killed
 * at a random moment leaves a file that passes integrity_check and holds every acknowledged write.
 */
describe('kill -9 trials', () => {
  it('a killed writer loses nothing it acknowledged and never damages the file', { timeout: 120_000 }, async () => {
    const results = await runKillTrials(Number(process.env.DUIDING_KILL_TRIALS ?? 3));
    for (const r of results) expect(r, `trial ${r.trial}, killed after ${r.killedAfterMs} ms`).toMatchObject({ integrity: 'ok', missing: [] });
    expect(results.some((r) => r.acknowledged > 0)).toBe(true);
  });

  it('a killed `new --from x.qdpx` leaves no project (or a whole one), and the next `new` clears its temporary file', { timeout: 120_000 }, async () => {
    const qdpx = join(SHARED, 'external/refi-qda/samples/qc-demo.qdpx');
    // 200-600 ms after the first temporary file appears: here that is while the project is being
    // filled (with the temporary file removed as a guard, this left a project with 0 documents).
    const result = await killNewFromQdpx(qdpx, 200 + Math.round(Math.random() * 400));
    // qc-demo.qdpx holds 2 documents and 262 codes: a project under the name asked for is all of it.
    if (result.exists) expect(result).toMatchObject({ integrity: 'ok', documents: 2, labels: 262 });
    expect(result.leftovers.filter((name) => name.endsWith('.duiding-tmp') || name.includes('.duiding-tmp'))).toEqual([]);
  });
});
