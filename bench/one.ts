/**
 * One measure of the benchmark suite, on a project built once and kept:
 * `tsx bench/one.ts --size l --measure transcript-edit|freeze|open [--project DIR] [--repeat N]`.
 * The whole suite takes minutes at L and loads a shared machine; comparing a change before and
 * after needs one figure, repeated, in the same conditions.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { DocumentDetail } from '../src/shared/model.ts';
import { dispatch } from '../src/main/core/handlers.ts';
import { Session } from '../src/main/core/session.ts';
import { launchBrowser, serve, type Served } from '../tests/e2e/browser.ts';
import { buildProject, sizeDir } from './corpus/build.ts';
import { SIZES, type CorpusSize } from './corpus/sizes.ts';
import { measureFreeze } from './measure/freeze.ts';
import { rendererDir } from './measure/renderer.ts';
import { measureTranscriptEdits } from './measure/transcript-edit.ts';
import { installProbes, waitForFirstScreen } from './measure/page-probes.ts';
import { summarize } from './stats.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 's' },
    measure: { type: 'string' },
    project: { type: 'string' },
    repeat: { type: 'string', default: '1' },
  },
});
const size: CorpusSize | undefined = SIZES[values.size as CorpusSize['name']];
const measures = ['transcript-edit', 'freeze', 'open'];
if (!size || !measures.includes(values.measure ?? '')) {
  process.stderr.write(`usage: tsx bench/one.ts --size s|m|l --measure ${measures.join('|')} [--project DIR] [--repeat N]\n`);
  process.exit(2);
}
const started = performance.now();
const log = (line: string) => process.stderr.write(`[one ${size.name} +${Math.round((performance.now() - started) / 1000)} s] ${line}\n`);

/** The project of this size in `dir`, built there the first time (with what the measures need beside it). */
async function project(dir: string): Promise<{ file: string; longId: string }> {
  const meta = join(dir, `one-${size!.name}.json`);
  if (existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as { file: string; longId: string };
  mkdirSync(dir, { recursive: true });
  const built = await buildProject(sizeDir(dir, size!), size!, log);
  built.session.close();
  const kept = { file: built.file, longId: built.populated.long.documentId };
  writeFileSync(meta, JSON.stringify(kept));
  return kept;
}

async function transcriptEdit(file: string, longId: string) {
  const renderer = rendererDir(log);
  const session = new Session('bench');
  session.open(file, true);
  const transcript = (await dispatch(session, 'documents/get', { id: longId })) as DocumentDetail;
  session.close();
  process.env.DUIDING_RENDERER_DIR = renderer;
  return inPage(file, async (page) => {
    await waitForFirstScreen(page);
    await page.evaluate((id) => (location.hash = `#/documents/${id}`), longId);
    await page.locator('.reader__header h1', { hasText: transcript.name }).waitFor();
    await page.locator('[data-turn]').first().waitFor();
    return measureTranscriptEdits(page, transcript);
  });
}

/** `duiding serve` on the file and a Chromium page on its transcripts list, probes installed, for `fn`. */
async function inPage<T>(file: string, fn: (page: Page) => Promise<T>): Promise<T> {
  let browser: Browser | null = null;
  let served: Served | null = null;
  try {
    served = await serve([file]);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-BE' });
    page.setDefaultTimeout(30_000);
    await installProbes(page, []);
    await page.goto(`${served.url}#/documents`);
    return await fn(page);
  } finally {
    await browser?.close();
    await served?.stop();
  }
}

/** Project open → first screen (as the suite measures it): the first load, then `OPEN_LOADS - 1` reloads, in ms. */
const OPEN_LOADS = 10;
async function projectOpen(file: string) {
  process.env.DUIDING_RENDERER_DIR = rendererDir(log);
  return inPage(file, async (page) => {
    const times = [await waitForFirstScreen(page)];
    for (let i = 1; i < OPEN_LOADS; i++) {
      await page.reload();
      times.push(await waitForFirstScreen(page));
    }
    return { renderer: process.env.DUIDING_RENDERER_DIR, median: Math.round(summarize(times).median), warmMedian: Math.round(summarize(times.slice(1)).median), all: times.map(Math.round) };
  });
}

const dir = values.project ?? mkdtempSync(join(tmpdir(), `duiding-one-${size.name}-`));
const kept = await project(dir);
for (let run = 0; run < Number(values.repeat); run++) {
  // Each run on a fresh copy: a correction or an import changes the project.
  const copy = join(dir, `run-${size.name}.duiding`);
  copyFileSync(kept.file, copy);
  const load = loadavg()[0]!.toFixed(2);
  log(`${values.measure}, run ${run + 1}, load ${load}`);
  const figure = values.measure === 'freeze' ? await measureFreeze(copy, dir, log) : values.measure === 'open' ? await projectOpen(copy) : await transcriptEdit(copy, kept.longId);
  process.stdout.write(`${JSON.stringify({ measure: values.measure, size: size.name, run: run + 1, loadBefore: +load, loadAfter: +loadavg()[0]!.toFixed(2), figure })}\n`);
}
log(`project kept in ${dir}`);
