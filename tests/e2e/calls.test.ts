import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serve, type Served } from './browser.ts';
import { code, selectWords } from './coding.ts';
import { duiding, fixtureProject } from './project.ts';

declare global {
  interface Window {
    __calls?: string[];
  }
}

/**
 * How many calls the page makes for one user action: every call the page sends, over its WebSocket
 * (the messages it sends, by name) or over HTTP (`/api/call/…`). A write's own echo and the reads it
 * makes the page refetch are all counted, until the page has been quiet for a while.
 */
describe('the page asks only for what it shows', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let dir: string;
  const http: string[] = [];

  beforeAll(async () => {
    const project = fixtureProject('calls', 'Leerlingenbegeleiding');
    dir = project.dir;
    duiding(['autocode', project.file, '--label', 'zorg', '--regex', '[A-Z][^.?!\\n]{0,160}\\bzorg[^.?!\\n]{0,160}[.?!]']);
    browser = await launchBrowser();
    served = await serve([project.file]);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-BE' });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.addInitScript(() => {
      const calls: string[] = [];
      window.__calls = calls;
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        override send(data: Parameters<WebSocket['send']>[0]) {
          if (typeof data === 'string') {
            const message = JSON.parse(data) as { name?: string };
            if (message.name) calls.push(message.name);
          }
          super.send(data);
        }
      };
    });
    page.on('request', (request) => {
      const match = /\/api\/call\/([^?]+)/.exec(request.url());
      if (match) http.push(decodeURIComponent(match[1]!));
    });
    await page.goto(served.url);
    await page.getByRole('link', { name: 'interview-01-aso' }).click();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Waits until the page has made no call for `quiet` ms, then returns (and forgets) every call since the last reset. */
  async function settle(quiet = 1500): Promise<string[]> {
    let seen = -1;
    for (;;) {
      const count = (await page.evaluate(() => window.__calls!.length)) + http.length;
      if (count === seen) break;
      seen = count;
      await page.waitForTimeout(quiet);
    }
    const calls = [...(await page.evaluate(() => window.__calls!.splice(0))), ...http.splice(0)];
    return calls;
  }

  it('applies a label by keyboard with the write and at most one read', async () => {
    const t1 = await page.locator('[data-turn="1"] .turn__text').innerText();
    const words = t1.split(/\s+/).filter((w) => /^[\p{L}]{4,}$/u.test(w));
    // A first coding: the label list has a recent label, and the details pane shows the segment and its memo.
    await code(page, 1, words[0]!, 'taakopvatting');
    await page.getByText('Gekozen segment').waitFor();
    await settle();

    const t3 = await page.locator('[data-turn="3"] .turn__text').innerText();
    await selectWords(page, 3, t3.split(/\s+/).slice(1, 4).join(' ').replace(/[.,?!]+$/, ''));
    expect(await settle()).toEqual([]);
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('[data-turn="3"] .chip').allInnerTexts()).toEqual(['taakopvatting']);
    const calls = await settle();
    console.log(`applying a label: ${calls.length} calls: ${calls.join(', ')}`);
    expect(calls.filter((name) => name === 'codings/apply')).toHaveLength(1);
    expect(calls.length).toBeLessThanOrEqual(2);
  });

  it('creates a concept in round 2 with at most three calls', async () => {
    await page.getByRole('navigation', { name: 'Rondes van de analyse' }).getByRole('button', { name: /Concepten/ }).click();
    await page.locator('.round-screens').getByRole('button', { name: 'Concepten', exact: true }).click();
    await page.getByRole('heading', { name: 'Nog geen concepten' }).waitFor();
    await page.getByRole('button', { name: '+ Nieuw concept' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw concept' });
    await dialog.getByLabel('Naam').fill('Zorgbeleid');
    await dialog.getByRole('combobox', { name: 'Een label zoeken' }).fill('zorg');
    await dialog.getByRole('option', { name: /zorg/ }).click();
    await settle();

    await dialog.getByRole('button', { name: 'Concept maken' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.concept-page__name input').inputValue()).toBe('Zorgbeleid');
    const calls = await settle();
    console.log(`creating a concept: ${calls.length} calls: ${calls.join(', ')}`);
    expect(calls.filter((name) => name === 'concepts/create')).toHaveLength(1);
    expect(calls.length).toBeLessThanOrEqual(3);
  });
});
