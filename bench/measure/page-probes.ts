import type { Page } from 'playwright-core';
import type { DocumentDetail, Segment } from '../../src/shared/model.ts';

/** A press slower than this is counted as missed (on a loaded machine a slow press is not a crash). */
export const PRESS_TIMEOUT_MS = 30_000;

/** Something the page, the browser or the server did during the run, for the record. */
export interface PageEvent {
  at: number;
  type: string;
  text: string;
}

/** One keypress, from the key event: until the highlight was painted, and until the answer of `codings/apply` arrived. */
export interface PressTiming {
  total: number;
  apply: number | null;
}

/** A call the page sent over its socket, and when its answer came (performance.now()). */
interface SocketCallTiming {
  name: string;
  sentAt: number;
  answeredAt: number | null;
}

declare global {
  interface Window {
    __benchFirstScreen?: Promise<number>;
    __benchPress?: Promise<PressTiming | null>;
    __benchSocketCalls?: Map<number, SocketCallTiming>;
  }
}

/**
 * Records what could end a run early — the page closing, crashing or navigating, a dialog, errors
 * in the console — and, in every document the page loads, times the first screen: the first
 * animation frame after a row of the documents table exists, counted from navigation start.
 */
export async function installProbes(page: Page, events: PageEvent[]): Promise<void> {
  const note = (type: string, text: string) => events.push({ at: performance.now(), type, text: text.slice(0, 300) });
  page.on('close', () => note('page-close', ''));
  page.on('crash', () => note('page-crash', ''));
  // Hash changes are the app's own routing; a change of document is what would lose a run.
  let address = '';
  page.on('framenavigated', (frame) => {
    const url = frame.url().replace(/token=[^&#]+/, 'token=…');
    if (frame === page.mainFrame() && url.split('#')[0] !== address) note('navigated', url);
    if (frame === page.mainFrame()) address = url.split('#')[0]!;
  });
  page.on('load', () => note('load', address));
  page.on('pageerror', (error) => note('pageerror', error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') note(`console-${message.type()}`, message.text());
  });
  page.on('dialog', (dialog) => {
    note('dialog', `${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('requestfailed', (request) => {
    // A reload aborts what was in flight, the event stream included: expected, not worth a line.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') note('requestfailed', `${request.url().replace(/token=[^&#]+/, 'token=…')}: ${request.failure()?.errorText ?? ''}`);
  });
  // tsx compiles with esbuild's keepNames, which wraps functions passed to the page in a `__name`
  // helper that only exists in Node; the page gets a stand-in.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  // Calls travel over the page's WebSocket, which resource timing does not see: its messages are
  // timed here, by call id; an answer's time is taken before the page's own handler runs.
  await page.addInitScript(() => {
    const calls = new Map<number, SocketCallTiming>();
    window.__benchSocketCalls = calls;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (event: MessageEvent<string>) => {
          const call = calls.get((JSON.parse(event.data) as { id: number }).id);
          if (call) call.answeredAt = performance.now();
        });
      }
      override send(data: Parameters<WebSocket['send']>[0]) {
        if (typeof data === 'string') {
          const message = JSON.parse(data) as { id?: number; name?: string };
          if (typeof message.id === 'number') calls.set(message.id, { name: message.name ?? '', sentAt: performance.now(), answeredAt: null });
        }
        super.send(data);
      }
    };
  });
  await page.addInitScript(() => {
    window.__benchFirstScreen = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.table__row--link')) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          performance.mark('bench:first-screen');
          resolve(performance.now());
        });
      });
      observer.observe(document, { subtree: true, childList: true });
    });
  });
}

export async function waitForFirstScreen(page: Page): Promise<number> {
  return page.evaluate(() => window.__benchFirstScreen!);
}

/**
 * Clicks the transcript's row in the documents table and times it to the first animation frame
 * after every segment in the turns drawn has its highlight and margin names on the page.
 */
export async function waitForHighlights(page: Page, transcript: DocumentDetail, segments: readonly Segment[]): Promise<number> {
  // A long transcript draws the turns around the view: it is open when every drawn turn shows the
  // labels of all segments that start in it (one `.margin-labels` per segment).
  const starting: Record<number, number> = {};
  for (const turn of transcript.turns) starting[turn.position] = segments.filter((s) => s.start >= turn.start && s.start < turn.end).length;
  return page.evaluate(
    ({ name, starting }) =>
      new Promise<number>((resolve, reject) => {
        const row = [...document.querySelectorAll<HTMLElement>('.table__row--link')].find((r) => r.textContent?.includes(name));
        if (!row) return reject(new Error(`no row for "${name}" in the documents table`));
        const timer = setTimeout(() => reject(new Error(`the highlights of "${name}" were not all painted within 30 s`)), 30_000);
        const observer = new MutationObserver(() => {
          const heading = document.querySelector('.reader__header h1');
          const drawn = [...document.querySelectorAll<HTMLElement>('.reader [data-turn]')];
          if (heading?.textContent !== name || drawn.length === 0) return;
          const expected = drawn.reduce((n, turn) => n + (starting[Number(turn.dataset.turn)] ?? 0), 0);
          if (expected === 0 || document.querySelectorAll('.reader .margin-labels').length < expected) return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            performance.mark('bench:highlights');
            resolve(performance.measure('bench:transcript-open', 'bench:open-click', 'bench:highlights').duration);
          });
        });
        observer.observe(document.body, { subtree: true, childList: true });
        performance.mark('bench:open-click');
        row.click();
      }),
    { name: transcript.name, starting },
  );
}

/**
 * Presses `key` and times it, from the key event to the first animation frame after the highlight
 * of the new segment (the run starting at `start`) exists in the page; null when it did not appear
 * within PRESS_TIMEOUT_MS.
 */
export async function waitForNewHighlight(page: Page, target: { turn: number; start: number }, key: string): Promise<PressTiming | null> {
  const { turn, start } = target;
  await page.evaluate(
    ({ turn, start, key, PRESS_TIMEOUT_MS }) => {
      performance.clearResourceTimings();
      window.__benchSocketCalls?.clear();
      performance.clearMarks();
      performance.clearMeasures();
      window.__benchPress = new Promise((resolve) => {
        let pressed = false;
        const reader = document.querySelector('.reader')!;
        const onKey = (event: KeyboardEvent) => {
          if (pressed || event.key !== key) return;
          pressed = true;
          performance.mark('bench:key', { startTime: event.timeStamp });
        };
        window.addEventListener('keydown', onKey, { capture: true });
        const timer = setTimeout(() => finish(null), PRESS_TIMEOUT_MS);
        const observer = new MutationObserver(() => {
          // A run's `data-o` is relative to its turn's `data-start`.
          const section = pressed ? reader.querySelector<HTMLElement>(`[data-turn="${turn}"]`) : null;
          if (!section || !section.querySelector(`.coded[data-o="${start - Number(section.dataset.start)}"]`)) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            performance.mark('bench:painted');
            const total = performance.measure('bench:keypress', 'bench:key', 'bench:painted').duration;
            const keyAt = performance.getEntriesByName('bench:key').pop()!.startTime;
            // The highlight is drawn before the core answers: the answer is waited for here.
            const answered = () => {
              const overHttp = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.startTime >= keyAt && r.name.includes('/api/call/codings/apply'));
              const overSocket = [...(window.__benchSocketCalls?.values() ?? [])].find((c) => c.sentAt >= keyAt && c.name === 'codings/apply' && c.answeredAt !== null);
              const answeredAt = overSocket?.answeredAt ?? overHttp?.responseEnd;
              if (done) return;
              if (answeredAt === undefined) setTimeout(answered, 5);
              else finish({ total, apply: answeredAt - keyAt });
            };
            answered();
          });
        });
        let done = false;
        const finish = (timing: PressTiming | null) => {
          done = true;
          clearTimeout(timer);
          observer.disconnect();
          window.removeEventListener('keydown', onKey, { capture: true });
          resolve(timing);
        };
        observer.observe(reader, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'data-o', 'data-start'] });
      });
    },
    { turn, start, key, PRESS_TIMEOUT_MS },
  );
  await page.keyboard.press(key);
  const timing = await page.evaluate(() => window.__benchPress!);
  return timing;
}
