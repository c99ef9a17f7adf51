import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** A Chromium to drive: Debian's, or one Playwright installed for the user; never a download. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const cache = join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache).filter((d) => d.startsWith('chromium')).sort().reverse()) {
      candidates.push(join(cache, dir, 'chrome-linux', 'chrome'), join(cache, dir, 'chrome-linux64', 'chrome'));
    }
  }
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), ' +
        'or set CHROMIUM_PATH to a Chrome or Chromium executable.',
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Served {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Runs the real `duiding serve …` and waits for the address it prints. */
export function serve(args: string[]): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'duiding.js'), 'serve', ...args], {
      env: { ...process.env, DUIDING_CODER: 'e2e' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`duiding serve printed no address:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`duiding serve exited with ${code}:\n${output}`));
    });
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Scrolls the reader a view at a time, as a reader would, until the turn at `position` is drawn (a
 * long transcript draws only the turns around the view), then centres it and lets the window settle.
 */
export async function showTurn(page: Page, position: number): Promise<void> {
  await page.evaluate(async (position) => {
    const reader = document.querySelector<HTMLElement>('.reader');
    if (!reader) throw new Error('no transcript is open');
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
    for (let step = 0; step < 1000; step++) {
      const turn = reader.querySelector<HTMLElement>(`[data-turn="${position}"]`);
      if (turn) {
        turn.scrollIntoView({ block: 'center' });
        await frames();
        return;
      }
      const drawn = [...reader.querySelectorAll<HTMLElement>('[data-turn]')].map((t) => Number(t.dataset.turn));
      const down = drawn.length === 0 || position > Math.max(...drawn);
      reader.scrollBy(0, (down ? 1 : -1) * reader.clientHeight);
      await frames();
    }
    throw new Error(`turn ${position} was never drawn`);
  }, position);
}
