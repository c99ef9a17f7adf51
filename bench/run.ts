/**
 * The benchmark suite: `npm run bench [-- --size s|m|l] [--json] [--keep] [--no-browser] [--presses N]`.
 * Generates the corpus of that size, builds a project from it through the real core, measures, prints
 * a table (or, with --json, one JSON document) and writes bench/results/bench-<size>.json. Figures are
 * reported, never judged: only a crash makes it fail. See docs/performance.md for the budget.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildProject, sizeDir } from './corpus/build.ts';
import { SIZES, type CorpusSize } from './corpus/sizes.ts';
import { measureBrowser, PRESSES } from './measure/browser.ts';
import { measureHandlers } from './measure/handlers.ts';
import { measurePalette } from './measure/palette.ts';
import { measureCorpusFileSize, measureFileSize } from './measure/file-size.ts';
import { measureQdpx } from './measure/qdpx.ts';
import { measurePseudonymise } from './measure/pseudonymise.ts';
import { measureMerge } from './measure/merge.ts';
import { measureFreeze } from './measure/freeze.ts';
import { measureCliStartup, measureFirstScreen } from './measure/startup.ts';
import { rendererDir } from './measure/renderer.ts';
import { measureQdpxExport } from './measure/qdpx.ts';
import { rawInsert } from './measure/raw-insert.ts';
import { measureSearch } from './measure/search.ts';
import { measureSurveys } from './measure/surveys.ts';
import { measureAgreement } from './measure/agreement.ts';
import { peakRssMB } from './memory.ts';
import { printTable } from './report.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 's' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    presses: { type: 'string', default: String(PRESSES) },
    /** `--only merge`: builds the project of that size and runs that one measure (issue 25's M-into-M merge). */
    only: { type: 'string' },
  },
});
const size: CorpusSize | undefined = SIZES[values.size as CorpusSize['name']];
if (!size) {
  process.stderr.write(`--size must be one of: ${Object.keys(SIZES).join(', ')} (got "${values.size}").\n`);
  process.exit(2);
}
const startedAt = performance.now();
const log = (line: string) => process.stderr.write(`[bench ${size.name} +${Math.round((performance.now() - startedAt) / 1000)} s] ${line}\n`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * The .qdpx budget speaks of the M project: at S and M the run's own project is used (S keeps CI
 * quick and is labelled as such), at L an M project is built beside it.
 */
async function qdpxOfM(dir: string, file: string) {
  if (size!.name !== 'l') return { ...(await measureQdpx(file, dir, size!.name)), exportAlone: measureQdpxExport(file, dir) };
  log('an M project for the .qdpx round trip');
  const m = await buildProject(sizeDir(dir, SIZES.m), SIZES.m, log);
  m.session.close();
  return { ...(await measureQdpx(m.file, sizeDir(dir, SIZES.m), 'm')), exportAlone: measureQdpxExport(m.file, sizeDir(dir, SIZES.m)) };
}

/** The merge budget speaks of an M copy into an M project: at L an M project is built beside it. */
async function mergeOfM(dir: string, file: string) {
  if (size!.name !== 'l') return measureMerge(file, dir, log);
  log('an M project for the merge');
  // A folder of its own: the .qdpx round trip has built (and changed) the M project beside the L one.
  const mergeDir = sizeDir(join(dir, 'merge'), SIZES.m);
  const m = await buildProject(mergeDir, SIZES.m, log);
  m.session.close();
  return measureMerge(m.file, mergeDir, log);
}

if (values.only !== undefined) {
  if (values.only !== 'merge') {
    process.stderr.write(`--only takes: merge (got "${values.only}").\n`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), `duiding-bench-${size.name}-merge-`));
  try {
    const built = await buildProject(sizeDir(dir, size), size, log);
    built.session.close();
    const merge = await mergeOfM(dir, built.file);
    process.stdout.write(`${JSON.stringify({ size: size.name, measured: size.name === 'l' ? 'm' : size.name, merge }, null, 2)}\n`);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

const suiteStarted = performance.now();
// Other work on the machine inflates every figure; the load says how much to trust a run.
const loadBefore = loadavg().map((l) => +l.toFixed(2));
const dir = mkdtempSync(join(tmpdir(), `duiding-bench-${size.name}-`));
try {
  let raw = { ms: 0 };
  const built = await buildProject(sizeDir(dir, size), size, log, (corpus) => {
    log(`raw insert of the same ${corpus.turnTexts.length} turns`);
    raw = rawInsert(dir, corpus.turnTexts, size.interviews);
  });
  const { session, corpus, populated, file } = built;
  const mb = corpus.bytes / 1e6;

  log('search, palette and handlers');
  const search = await measureSearch(session, 20);
  const palette = measurePalette(2000, 2);
  const handlers: Record<string, unknown> = await measureHandlers(session, dir, populated);
  log('agreement between two coders at sentence level');
  handlers.agreementSentences = await measureAgreement(session, size.coders);
  session.close();
  log('file size: the whole project, and the corpus alone');
  const fileSize = { project: measureFileSize(file), corpus: await measureCorpusFileSize(corpus, join(dir, 'corpus-only.duiding')) };
  handlers.qdpxRoundTrip = await qdpxOfM(dir, file);
  log('pseudonymising one name across the corpus');
  handlers.pseudonymiseOneName = await measurePseudonymise(file, dir, log);
  // A questionnaire of its own project: 500, 2,000 or 10,000 respondents × 42 Likert items.
  const respondents = { s: 500, m: 2000, l: 10_000 }[size.name];
  log(`a questionnaire of ${respondents} respondents × 42 items: import and scales`);
  handlers.survey = await measureSurveys(mkdtempSync(join(dir, 'survey-')), respondents, 42);
  log('merging another laptop’s copy');
  handlers.mergeCopy = await mergeOfM(dir, file);
  const freeze = await measureFreeze(file, dir, log);
  log('start-up: the first screen\'s JavaScript, the command line');
  const startup = { firstScreen: measureFirstScreen(rendererDir(log)), cli: measureCliStartup(file) };

  // A failing browser part must not lose the figures measured before it; the run still fails.
  let browser: unknown = { skipped: '--no-browser' };
  if (!values['no-browser']) {
    try {
      browser = await measureBrowser({ file, documentId: populated.long.documentId, otherId: populated.documentIds[0]!, presses: Number(values.presses), log });
    } catch (error) {
      browser = { status: `failed: ${(error as Error).message}` };
      log((error as Error).message);
      process.exitCode = 1;
    }
  }

  const figures = {
    size: size.name,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}`, loadBefore, loadAfter: [] as number[] },
    corpus: {
      interviews: size.interviews,
      words: corpus.words,
      megabytes: +mb.toFixed(2),
      turns: corpus.turnTexts.length,
      labels: populated.labels,
      segments: populated.segments,
      codings: populated.codings,
      longTranscript: populated.long,
      analysis: built.analysis,
      generateSeconds: seconds(built.generateMs),
      populateSeconds: seconds(built.populateMs),
    },
    import: {
      seconds: seconds(built.importMs),
      mbPerSecond: +(mb / (built.importMs / 1000)).toFixed(2),
      rawSeconds: seconds(raw.ms),
      rawMbPerSecond: +(mb / (raw.ms / 1000)).toFixed(2),
      ratio: +(raw.ms / built.importMs).toFixed(2),
    },
    search,
    palette,
    handlers,
    freeze,
    fileSize,
    startup,
    browser,
    memory: { benchPeakRssMB: peakRssMB('self') },
    suiteSeconds: 0,
  };
  figures.suiteSeconds = seconds(performance.now() - suiteStarted);
  figures.machine.loadAfter = loadavg().map((l) => +l.toFixed(2));
  const results = join(import.meta.dirname, 'results');
  mkdirSync(results, { recursive: true });
  const out = join(results, `bench-${size.name}.json`);
  writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else printTable(figures, (line) => process.stdout.write(`${line}\n`));
  log(`written to ${out} in ${figures.suiteSeconds} s`);
} finally {
  if (values.keep) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
