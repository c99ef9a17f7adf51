import type { Browser, Page } from 'playwright-core';
import type { Matrix } from '../../src/shared/analysis.ts';
import type { DocumentDetail, Label, Segment } from '../../src/shared/model.ts';
import { dispatch } from '../../src/main/core/handlers.ts';
import { Session } from '../../src/main/core/session.ts';
import { launchBrowser, serve, showTurn, type Served } from '../../tests/e2e/browser.ts';
import { peakRssMB } from '../memory.ts';
import { summarize, type Summary } from '../stats.ts';
import { measureHeatMaps, type HeatMapFigures, type HeatMapTarget } from './heat-map.ts';
import { pressTargets, type PressTarget } from './press-targets.ts';
import { cursorTargets, measureCursorPresses } from './cursor-presses.ts';
import { rendererDir } from './renderer.ts';
import { measureTranscriptEdits } from './transcript-edit.ts';
import { installProbes, waitForFirstScreen, waitForHighlights, waitForNewHighlight, type PageEvent, type PressTiming, PRESS_TIMEOUT_MS } from './page-probes.ts';

export const PRESSES = 60;
/** Codings made with the reading cursor (issue 21), after the mouse-selected ones. */
const CURSOR_PRESSES = 30;
const OPEN_RUNS = 5;
const HEAT_MAP_RUNS = 4;

export interface BrowserFigures {
  renderer: string;
  projectOpen: Summary;
  transcriptOpen: Summary & { segments: number; codings: number; characters: number };
  keypress: Summary & { missed: number; enter: Summary | null; numberKey: Summary | null; untilApplied: Summary | null };
  /** The same press (Enter in the palette) on a span chosen with the reading cursor, no mouse. */
  cursorKeypress: (Summary & { missed: number; untilApplied: Summary | null }) | { status: string };
  heatMap: Record<string, HeatMapFigures> | { status: string };
  /** Issue 28: a turn of the long transcript corrected, from Ctrl+Enter to its new words painted. */
  transcriptEdit: (Summary & { edits: number; afterReply: Summary | null; turnsRedrawn: Summary }) | { status: string };
  heap: { afterOpenMB: number; afterPressesMB: number; totalMB: number; afterHeatMapsMB: number | null };
  serverPeakRssMB: number | null;
  events: PageEvent[];
}

const summaryOrNull = (values: Array<number | null>) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? summarize(known) : null;
};

function summarizePresses(values: number[]): Summary {
  if (values.length === 0) throw new Error(`No keypress painted its highlight within ${PRESS_TIMEOUT_MS} ms.`);
  return summarize(values);
}

/**
 * When the core's answer to a keypress arrived. The highlight is drawn at the key, before it; the
 * answer puts the stored segment in its place (or takes it away again, on a refusal).
 */
function breakdown(timings: PressTiming[]) {
  return { untilApplied: summaryOrNull(timings.map((t) => t.apply)) };
}

/** The heat maps of issue 6 (concepts and labels × documents), with the row each table starts with. */
async function heatMapTargets(session: Session): Promise<HeatMapTarget[] | { status: string }> {
  try {
    const targets: HeatMapTarget[] = [];
    for (const rows of ['concepts', 'labels'] as const) {
      const matrix = (await dispatch(session, 'matrix/get', { rows, by: 'document' })) as Matrix;
      if (!matrix.items[0]) return { status: `no ${rows} to show in the heat map` };
      targets.push({ key: `${rows}ByDocument`, hash: `#/matrix?rows=${rows}&by=document`, firstRow: matrix.items[0].name, rows: matrix.items.length, columns: matrix.columns.length });
    }
    return targets;
  } catch (error) {
    return { status: `failed: ${(error as Error).message}` };
  }
}

/** What the presses and heat maps need, read before the server takes the project's write lock. */
function prepare(file: string, documentId: string, otherId: string) {
  const session = new Session('bench');
  session.open(file, true);
  return Promise.all([
    dispatch(session, 'documents/get', { id: documentId }) as Promise<DocumentDetail>,
    dispatch(session, 'documents/get', { id: otherId }) as Promise<DocumentDetail>,
    dispatch(session, 'segments/list', { documentId }) as Promise<Segment[]>,
    dispatch(session, 'labels/list', {}) as Promise<Label[]>,
    heatMapTargets(session),
  ]).finally(() => session.close());
}

/** Selects exactly [start, end) of the transcript as a mouse would and lets the palette open. */
async function selectSpan(page: Page, target: PressTarget): Promise<void> {
  await showTurn(page, target.turn);
  await page.evaluate(({ turn, start, end }) => {
    const container = document.querySelector(`[data-turn="${turn}"] .turn__text`);
    if (!container) throw new Error(`turn ${turn} is not on the page`);
    // A run's `data-o` is its start within the turn, whose section carries the turn's `data-start`.
    const turnStart = Number(container.closest<HTMLElement>('[data-start]')!.dataset.start);
    const locate = (offset: number): [Node, number] => {
      const runs = [...container.querySelectorAll<HTMLElement>('[data-o]')];
      const run = runs.filter((r) => turnStart + Number(r.dataset.o) <= offset).pop()!;
      return [run.firstChild!, offset - turnStart - Number(run.dataset.o)];
    };
    const range = document.createRange();
    range.setStart(...locate(start));
    range.setEnd(...locate(end));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, target);
  await page.locator('.palette').waitFor();
}

/**
 * Brings a transcript's row into the documents table: a long list draws only the rows in view, so
 * the long transcript is found as a researcher would find it, through the list's filter.
 */
async function showRow(page: Page, name: string): Promise<void> {
  const filter = page.locator('.table-filter input');
  if ((await filter.count()) > 0) await filter.fill(name);
  await page.locator('.table__row--link', { hasText: name }).first().waitFor();
}

async function heapMB(page: Page): Promise<{ used: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { usedSize, totalSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    return { used: Math.round(usedSize / 1e5) / 10, total: Math.round(totalSize / 1e5) / 10 };
  } finally {
    await cdp.detach();
  }
}

/**
 * Issue 4's browser benchmark against the real `duiding serve` in Chromium: project open to first
 * screen, the long transcript opened to its highlights painted, and labels applied by keyboard
 * (palette + Enter, and number keys) to the highlight painted, and issue 6's heat maps opened to
 * painted, timed in the page with performance marks up to the first animation frame after the
 * thing exists.
 */
export async function measureBrowser(options: { file: string; documentId: string; otherId: string; presses: number; log(line: string): void }): Promise<BrowserFigures> {
  const { log } = options;
  const renderer = rendererDir(log);
  const [document, other, segments, labels, heatTargets] = await prepare(options.file, options.documentId, options.otherId);
  const targets = pressTargets(document, segments, Math.max(1, options.presses));
  const codings = segments.reduce((n, s) => n + s.codings.length, 0);
  const events: PageEvent[] = [];
  let browser: Browser | null = null;
  let served: Served | null = null;
  process.env.DUIDING_RENDERER_DIR = renderer;
  try {
    served = await serve([options.file]);
    const server = served.process;
    server.once('exit', (code, signal) => events.push({ at: performance.now(), type: 'server-exit', text: `code ${code} signal ${signal}` }));
    browser = await launchBrowser();
    browser.on('disconnected', () => events.push({ at: performance.now(), type: 'browser-disconnected', text: '' }));
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-BE' });
    page.setDefaultTimeout(30_000);
    await installProbes(page, events);

    log('browser: project open → first screen');
    const projectOpen: number[] = [];
    await page.goto(`${served.url}#/documents`);
    projectOpen.push(await waitForFirstScreen(page));
    for (let i = 1; i < OPEN_RUNS; i++) {
      await page.reload();
      projectOpen.push(await waitForFirstScreen(page));
    }

    log('browser: long transcript → highlights painted');
    const transcriptOpen: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) {
      // Another transcript in between, so that each run opens the long one afresh, not from the store.
      await page.evaluate((id) => (location.hash = `#/documents/${id}`), other.id);
      await page.locator('.reader__header h1', { hasText: other.name }).waitFor();
      await page.evaluate(() => (location.hash = '#/documents'));
      await page.locator('.table__row--link').first().waitFor();
      await showRow(page, document.name);
      transcriptOpen.push(await waitForHighlights(page, document, segments));
    }
    const afterOpen = await heapMB(page);

    log(`browser: ${targets.length} keypresses → highlight painted`);
    const enter: number[] = [];
    const numberKey: number[] = [];
    const timings: PressTiming[] = [];
    let missed = 0;
    const names = labels.filter((l) => l.segmentCount > 0).slice(0, 5).map((l) => l.name);
    for (const [i, target] of targets.entries()) {
      await selectSpan(page, target);
      let key: string;
      if (i < 3 || i % 2 === 0) {
        const name = names[i % names.length]!;
        await page.locator('.palette__input').fill(name);
        await page.locator('.palette__options li.is-active', { hasText: name }).waitFor();
        key = 'Enter';
      } else key = String(1 + (i % 3));
      const timing = await waitForNewHighlight(page, target, key);
      if (!timing) {
        missed++;
        events.push({ at: performance.now(), type: 'press-missed', text: `${key} at offset ${target.start}: no highlight within ${PRESS_TIMEOUT_MS} ms` });
        await page.keyboard.press('Escape');
        continue;
      }
      timings.push(timing);
      (key === 'Enter' ? enter : numberKey).push(timing.total);
      await page.locator('.palette').waitFor({ state: 'detached' });
    }
    const afterPresses = await heapMB(page);

    // Before the corrections below: they move the long transcript's offsets that the targets are taken from.
    const cursorAt = cursorTargets(document, segments, targets, CURSOR_PRESSES);
    log(`browser: ${cursorAt.length} keypresses on spans chosen with the reading cursor → highlight painted`);
    let cursorKeypress: BrowserFigures['cursorKeypress'];
    try {
      const cursor = await measureCursorPresses(page, cursorAt, names, events);
      cursorKeypress = cursor.timings.length
        ? { ...summarize(cursor.timings.map((t) => t.total)), missed: cursor.missed, ...breakdown(cursor.timings) }
        : { status: `no press painted (${cursor.missed} missed)` };
    } catch (error) {
      cursorKeypress = { status: `failed: ${(error as Error).message}` };
      events.push({ at: performance.now(), type: 'cursor-presses-failed', text: (error as Error).message });
    }

    log('browser: corrections of the long transcript → painted');
    let transcriptEdit: BrowserFigures['transcriptEdit'];
    try {
      transcriptEdit = await measureTranscriptEdits(page, document);
    } catch (error) {
      transcriptEdit = { status: `failed: ${(error as Error).message}` };
      events.push({ at: performance.now(), type: 'transcript-edit-failed', text: (error as Error).message });
    }

    let heatMap: BrowserFigures['heatMap'] = Array.isArray(heatTargets) ? {} : heatTargets;
    let afterHeatMaps: number | null = null;
    if (Array.isArray(heatTargets)) {
      log(`browser: heat maps ${heatTargets.map((t) => `${t.rows} × ${t.columns}`).join(', ')} → painted`);
      // A heat map that does not paint must not lose the figures of the presses measured before it.
      try {
        heatMap = await measureHeatMaps(page, heatTargets, HEAT_MAP_RUNS);
        afterHeatMaps = (await heapMB(page)).used;
      } catch (error) {
        heatMap = { status: `failed: ${(error as Error).message}` };
        events.push({ at: performance.now(), type: 'heat-map-failed', text: (error as Error).message });
      }
    }
    return {
      renderer,
      projectOpen: summarize(projectOpen),
      transcriptOpen: { ...summarize(transcriptOpen), segments: segments.length, codings, characters: document.text.length },
      keypress: { ...summarizePresses([...enter, ...numberKey]), missed, enter: summaryOrNull(enter), numberKey: summaryOrNull(numberKey), ...breakdown(timings) },
      cursorKeypress,
      heatMap,
      transcriptEdit,
      heap: { afterOpenMB: afterOpen.used, afterPressesMB: afterPresses.used, totalMB: afterPresses.total, afterHeatMapsMB: afterHeatMaps },
      serverPeakRssMB: peakRssMB(server.pid!),
      events: events.slice(0, 40),
    };
  } catch (error) {
    const seen = events.map((e) => `${Math.round(e.at)} ms ${e.type}: ${e.text}`).join('\n  ');
    throw new Error(`${(error as Error).message}\nwhat the page and server did:\n  ${seen || '(nothing recorded)'}`);
  } finally {
    await browser?.close();
    await served?.stop();
  }
}
