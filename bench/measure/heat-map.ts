import type { Page } from 'playwright-core';
import { summarize, type Summary } from '../stats.ts';

/** One heat map the browser benchmark opens: its address and the row the finished table starts with. */
export interface HeatMapTarget {
  key: string;
  hash: string;
  firstRow: string;
  rows: number;
  columns: number;
}

/** One opening: until the `matrix/get` answer arrived, until painted, and what the page holds then. */
interface HeatMapTiming {
  total: number;
  answer: number | null;
  longestTask: number;
  cellsInPage: number;
}

export interface HeatMapFigures extends Summary {
  rows: number;
  columns: number;
  cells: number;
  /** The first opening, answered by a server whose counts were not cached yet (a write came before). */
  first: number;
  untilAnswer: Summary | null;
  renderAfterAnswer: Summary | null;
  longestTask: number;
  cellsInPage: number;
}

const OPEN_TIMEOUT_MS = 30_000;

/**
 * Sets the address to the heat map and times it in the page, from the hash change to the first
 * animation frame after the table of the asked rows exists with its cells and is no longer marked
 * busy. The row names tell the asked table from one left in the store.
 */
async function openHeatMap(page: Page, target: HeatMapTarget): Promise<HeatMapTiming> {
  return page.evaluate(
    ({ hash, firstRow, OPEN_TIMEOUT_MS }) =>
      new Promise<HeatMapTiming>((resolve, reject) => {
        performance.clearResourceTimings();
        const tasks: number[] = [];
        const longTasks = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
        longTasks.observe({ type: 'longtask', buffered: false });
        const finished = () => {
          const table = document.querySelector('table.heat');
          return !!table && table.querySelector('th.heat__row')?.getAttribute('title') === firstRow && !table.closest('.is-busy') && !!table.querySelector('td.heat__cell');
        };
        const timer = setTimeout(() => {
          observer.disconnect();
          longTasks.disconnect();
          reject(new Error(`the heat map ${hash} was not painted within ${OPEN_TIMEOUT_MS} ms`));
        }, OPEN_TIMEOUT_MS);
        const observer = new MutationObserver(() => {
          if (!finished()) return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            performance.mark('bench:heat-painted');
            const total = performance.measure('bench:heat-map', 'bench:heat-nav', 'bench:heat-painted').duration;
            const navAt = performance.getEntriesByName('bench:heat-nav').pop()!.startTime;
            const answer = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/api/call/matrix/get') && r.startTime >= navAt).pop();
            longTasks.disconnect();
            resolve({ total, answer: answer ? answer.responseEnd - navAt : null, longestTask: Math.max(0, ...tasks), cellsInPage: document.querySelectorAll('table.heat td.heat__cell').length });
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
        performance.clearMarks('bench:heat-nav');
        performance.mark('bench:heat-nav');
        location.hash = hash;
      }),
    { hash: target.hash, firstRow: target.firstRow, OPEN_TIMEOUT_MS },
  );
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * Opens each heat map `runs` times from the documents screen, taking turns between the targets so
 * that the store never holds the asked table already and every opening fetches and renders it.
 * The first opening of each follows the keypresses' writes, so the server computes it afresh.
 */
export async function measureHeatMaps(page: Page, targets: HeatMapTarget[], runs: number): Promise<Record<string, HeatMapFigures>> {
  const timings = new Map<string, HeatMapTiming[]>(targets.map((t) => [t.key, []]));
  for (let i = 0; i < runs; i++) {
    for (const target of targets) {
      await page.evaluate(() => (location.hash = '#/documents'));
      await page.locator('.table__row--link').first().waitFor();
      timings.get(target.key)!.push(await openHeatMap(page, target));
    }
  }
  const out: Record<string, HeatMapFigures> = {};
  for (const target of targets) {
    const runsOf = timings.get(target.key)!;
    const answered = runsOf.filter((t) => t.answer !== null);
    out[target.key] = {
      ...summarize(runsOf.map((t) => t.total)),
      rows: target.rows,
      columns: target.columns,
      cells: target.rows * target.columns,
      first: round(runsOf[0]!.total),
      untilAnswer: answered.length ? summarize(answered.map((t) => t.answer!)) : null,
      renderAfterAnswer: answered.length ? summarize(answered.map((t) => t.total - t.answer!)) : null,
      longestTask: round(Math.max(...runsOf.map((t) => t.longestTask))),
      cellsInPage: runsOf[runsOf.length - 1]!.cellsInPage,
    };
  }
  return out;
}
