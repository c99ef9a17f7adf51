/**
 * Agreement between two coders at sentence level over the whole corpus (issue 26; budget at L:
 * 2 s). The first call splits every counted turn into sentences; the figure after a consensus
 * decision re-uses those (the speech did not change), and is what the view waits for after each one.
 *
 * Alone, on a corpus built for it: `npx tsx bench/measure/agreement.ts [--size s|m|l]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { AgreementResult, DifferencesResult } from '../../src/shared/agreement.ts';
import type { Session } from '../../src/main/core/session.ts';
import { buildProject, sizeDir } from '../corpus/build.ts';
import { SIZES, type CorpusSize } from '../corpus/sizes.ts';
import { summarize, timeRuns } from '../stats.ts';
import { available, call, NOT_AVAILABLE } from './available.ts';
import type { Figure } from './handlers.ts';

export async function measureAgreement(session: Session, coders: readonly string[]): Promise<Figure> {
  if (!available('agreement/compute')) return { status: NOT_AVAILABLE, handler: 'agreement/compute' };
  const query = { coders: coders.slice(0, 2), unit: 'sentence' as const };
  try {
    let result: AgreementResult | null = null;
    const started = performance.now();
    result = await call<AgreementResult>(session, 'agreement/compute', query);
    const firstMs = performance.now() - started;
    // A consensus decision on the first difference, then the figures again, a few times over.
    const differences = await call<DifferencesResult>(session, 'agreement/differences', { ...query, limit: 5 });
    const samples: number[] = [];
    for (let next = 0; next < 5; next++) {
      const d = differences.differences[next % Math.max(1, differences.differences.length)];
      // The decision itself is not timed: what is, is the figures the view asks for after it.
      if (d) await call(session, 'agreement/decide', { documentId: d.documentId, labelId: d.labelId, start: d.start, end: d.end, coders: [...query.coders], choice: { kind: next % 2 ? 'neither' : 'both' } });
      const [ms] = await timeRuns(1, async () => {
        result = await call<AgreementResult>(session, 'agreement/compute', query);
      });
      samples.push(ms!);
    }
    const r = result as AgreementResult | null;
    return {
      handler: 'agreement/compute',
      ...summarize(samples),
      firstMs: Math.round(firstMs),
      budgetMs: 2000,
      documents: r?.documents.length ?? 0,
      labels: r?.labels.length ?? 0,
      sentences: r?.overall.units ?? 0,
      differences: r?.overall.differences ?? 0,
      kappa: r?.overall.kappa ?? null,
    };
  } catch (error) {
    return { status: `failed: ${(error as Error).message}`, handler: 'agreement/compute' };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'l' } } });
  const size: CorpusSize | undefined = SIZES[values.size as CorpusSize['name']];
  if (!size) throw new Error(`--size must be one of: ${Object.keys(SIZES).join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), `duiding-bench-agreement-${size.name}-`));
  const log = (line: string) => process.stderr.write(`[agreement ${size.name}] ${line}\n`);
  try {
    const built = await buildProject(sizeDir(dir, size), size, log);
    log('agreement, two coders, sentence level');
    const figure = await measureAgreement(built.session, size.coders);
    built.session.close();
    process.stdout.write(`${JSON.stringify({ size: size.name, agreement: figure }, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
