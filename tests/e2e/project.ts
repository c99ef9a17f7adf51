import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FIXTURES } from '../support/temp.ts';
import { launchBrowser, serve, type Served } from './browser.ts';

const BIN = join(import.meta.dirname, '../../bin/duiding.js');

/** Runs the real command line as the given coder (the one the project's history will name). */
export function duiding(args: string[], coder = 'hanne'): string {
  return execFileSync(process.execPath, [BIN, ...args], { env: { ...process.env, DUIDING_CODER: coder }, encoding: 'utf8' });
}

/** A new project in its own temporary folder, filled by the CLI with the fixture study: participants, transcripts, pseudonyms. */
export function fixtureProject(prefix: string, title: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), `duiding-e2e-${prefix}-`));
  const file = join(dir, 'studie.duiding');
  duiding(['new', file, '--title', title]);
  duiding(['import', file, join(FIXTURES, 'participants.csv'), join(FIXTURES, 'transcripts'), '--pseudonyms', join(FIXTURES, 'pseudonyms.csv')]);
  return { dir, file };
}

export interface Opened {
  browser: Browser;
  served: Served;
  page: Page;
  /** Closes the browser and the server, then removes the project's folder. */
  close(): Promise<void>;
}

/**
 * The project in `duiding serve`, open in Chromium as a Flemish researcher on a 1440×900 screen.
 * An error in the page fails the test that caused it.
 */
export async function openProject(project: { dir: string; file: string }): Promise<Opened> {
  const browser = await launchBrowser();
  let served: Served | undefined;
  try {
    served = await serve([project.file]);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-BE' });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(served.url);
    return opened(browser, served, page, project.dir);
  } catch (error) {
    await browser.close();
    await served?.stop();
    throw error;
  }
}

function opened(browser: Browser, served: Served, page: Page, dir: string): Opened {
  return {
    browser,
    served,
    page,
    close: async () => {
      await browser.close();
      await served.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The core's own answer, called from the page with the page's cookie: what the screens must agree with. */
export async function api<T>(page: Page, name: string, args: object = {}): Promise<T> {
  return page.evaluate(
    async ({ name, args }) => {
      const response = await fetch(`./api/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const reply = (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
      if (!reply.ok) throw new Error(reply.error?.message);
      return reply.result;
    },
    { name, args },
  ) as Promise<T>;
}
