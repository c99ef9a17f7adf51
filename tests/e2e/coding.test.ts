import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/temp.ts';
import { launchBrowser, screenshot, serve, type Served } from './browser.ts';

const BIN = join(import.meta.dirname, '../../bin/duiding.js');

/** Selects the given words inside a turn as a mouse would, then releases the mouse. */
async function selectWords(page: Page, turn: number, words: string) {
  await page.evaluate(
    ({ turn, words }) => {
      const container = document.querySelector(`[data-turn="${turn}"] .turn__text`)!;
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const full = nodes.map((n) => n.data).join('');
      const at = full.indexOf(words);
      if (at < 0) throw new Error(`"${words}" not in turn ${turn}`);
      const locate = (offset: number): [Text, number] => {
        for (const node of nodes) {
          if (offset <= node.data.length) return [node, offset];
          offset -= node.data.length;
        }
        throw new Error('offset out of range');
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + words.length));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    { turn, words },
  );
  await page.getByRole('dialog', { name: 'Een label toekennen' }).waitFor();
}

async function code(page: Page, turn: number, words: string, label: string) {
  await selectWords(page, turn, words);
  await page.getByRole('combobox', { name: 'Een label toekennen' }).fill(label);
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Een label toekennen' }).waitFor({ state: 'detached' });
}

describe('coding a transcript in the browser', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-coding-'));
    const file = join(dir, 'studie.duiding');
    execFileSync(process.execPath, [BIN, 'new', file, '--title', 'LLB'], { env: { ...process.env, DUIDING_CODER: 'hanne' } });
    execFileSync(process.execPath, [BIN, 'import', file, join(FIXTURES, 'participants.csv'), join(FIXTURES, 'transcripts'), '--pseudonyms', join(FIXTURES, 'pseudonyms.csv')], {
      env: { ...process.env, DUIDING_CODER: 'hanne' },
    });
    browser = await launchBrowser();
    served = await serve([file]);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-BE' });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(served.url);
    await page.getByRole('link', { name: 'interview-01-aso' }).click();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('codes passages from the palette: new emergent labels, existing ones, overlaps', async () => {
    const turnText = (n: number) => page.locator(`[data-turn="${n}"] .turn__text`).innerText();
    const t1 = await turnText(1);
    const words = t1.split(/\s+/).filter((w) => /^[\p{L}]{4,}$/u.test(w));
    await code(page, 1, words[0]!, 'profiel leerlingenbegeleider');
    await expect.poll(() => page.locator('.chip', { hasText: 'profiel leerlingenbegeleider' }).count()).toBe(1);
    expect(await page.getByText('Gekozen segment').isVisible()).toBe(true);
    // Overlap: a wider passage around the first one, with another label.
    const wide = t1.slice(0, t1.indexOf(words[2]!) + words[2]!.length);
    await code(page, 1, wide.trim(), 'taakopvatting');
    const overlapped = page.locator(`[data-turn="1"] .coded[data-segments*=" "]`);
    await expect.poll(() => overlapped.count()).toBeGreaterThan(0);
    await expect.poll(() => overlapped.first().getAttribute('title')).toMatch(/taakopvatting · profiel leerlingenbegeleider|profiel leerlingenbegeleider · taakopvatting/);
    await screenshot(page, 'r1-01-overlap');
  });

  it('creates an in-vivo label with Ctrl+I and applies recent labels with number keys', async () => {
    const t3 = await page.locator('[data-turn="3"] .turn__text').innerText();
    const phrase = t3.split(/[.?!]/)[0]!.split(/\s+/).slice(0, 4).join(' ');
    await selectWords(page, 3, phrase);
    await page.keyboard.press('Control+i');
    await expect.poll(() => page.locator('.chip', { hasText: phrase.slice(0, 10) }).count()).toBe(1);
    const t5 = await page.locator('[data-turn="5"] .turn__text').innerText();
    const five = t5.split(/\s+/).slice(2, 6).join(' ');
    await selectWords(page, 5, five);
    // With the field empty, 2 is the second most recent label: "taakopvatting".
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('[data-turn="5"] .chip').allInnerTexts()).toEqual(['taakopvatting']);
    // Number keys on the selected segment add more labels to it.
    await page.keyboard.press('3');
    await expect.poll(() => page.locator('[data-turn="5"] .chip').count()).toBe(2);
  });

  it('codes more passages until ten segments carry four labels', async () => {
    const labels = ['profiel leerlingenbegeleider', 'taakopvatting', 'visie op leerkrachten', 'nuttige opleiding'];
    for (const [i, n] of [7, 9, 11, 13, 15, 17, 19].entries()) {
      const text = await page.locator(`[data-turn="${n}"] .turn__text`).innerText();
      const words = text.split(/\s+/).filter(Boolean);
      await code(page, n, words.slice(1, 5).join(' ').replace(/[.,?!]+$/, ''), labels[i % labels.length]!);
    }
    const segments = await page.evaluate(() => document.querySelectorAll('.margin-labels').length);
    expect(segments).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'r1-02-coded-transcript');
  });

  it('widens a segment by a word with the keyboard, removes a label, and undoes and redoes', async () => {
    const chip = page.locator('[data-turn="5"] .chip').first();
    await chip.click();
    const before = await page.locator('.segment-panel__quote').innerText();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => page.locator('.segment-panel__quote').innerText()).not.toBe(before);
    const wider = await page.locator('.segment-panel__quote').innerText();
    expect(wider.startsWith(before)).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.segment-panel__quote').innerText()).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.segment-panel__quote').innerText()).toBe(wider);
    const labelsBefore = await page.locator('.segment-panel__labels li').count();
    await page.locator('.segment-panel__labels li').first().getByRole('button', { name: /van dit segment halen/ }).click();
    await expect.poll(() => page.locator('.segment-panel__labels li').count()).toBe(labelsBefore - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-turn="5"] .chip').count()).toBe(labelsBefore);
  });

  it('auto-codes a phrase after a preview, as one undoable step', async () => {
    await page.getByRole('button', { name: 'Automatisch coderen…' }).click();
    await page.getByLabel(/^Woorden of woordgroep \(hele/).fill('brede basiszorg');
    await page.getByLabel('Label', { exact: true }).fill('zorgcontinuüm');
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    await page.getByText(/^\d+ treffers in 6 transcript/).waitFor();
    await screenshot(page, 'r1-03-autocode-preview');
    const count = Number(/^(\d+)/.exec(await page.getByText(/^\d+ treffers in/).innerText())![1]);
    await page.getByRole('button', { name: `${count} treffers coderen` }).click();
    await page.getByText(`${count} segmenten dragen nu “zorgcontinuüm”`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Sluiten', exact: true }).first().click();
  });

  it('writes a memo on a segment', async () => {
    await page.locator('[data-turn="5"] .chip').first().click();
    const editor = page.locator('.segment-panel__memo .rte__content');
    await editor.click();
    await page.keyboard.type('Mooi voorbeeld van taakopvatting.');
    await page.locator('.segment-panel__memo').getByText('Opgeslagen').waitFor();
    await screenshot(page, 'r1-04-segment-memo');
  });

  it('merges two labels in the codebook and undoes the merge', async () => {
    await page.getByRole('button', { name: 'Codeboek', exact: true }).click();
    const tree = page.getByRole('tree');
    await tree.getByRole('treeitem', { name: 'visie op leerkrachten' }).click();
    await page.getByRole('button', { name: 'Samenvoegen met…' }).click();
    await page.getByRole('dialog').getByRole('option', { name: /nuttige opleiding/ }).click();
    await page.getByRole('button', { name: 'Samenvoegen met “nuttige opleiding”' }).click();
    await expect.poll(() => tree.getByRole('treeitem', { name: 'visie op leerkrachten' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(() => tree.getByRole('treeitem', { name: 'visie op leerkrachten' }).count()).toBe(1);
    await screenshot(page, 'r1-05-codebook');
  });

  it('retrieves every segment of a label with its participant and context', async () => {
    await page.getByRole('button', { name: 'Ophalen', exact: true }).click();
    await page.locator('.page, main').getByText('zorgcontinuüm', { exact: true }).first().click();
    await page.getByText(/segmenten? in \d+ transcripten?/).first().waitFor();
    await screenshot(page, 'r1-06-retrieval');
    await page.getByRole('button', { name: 'Transcripten', exact: true }).click();
    await page.getByRole('link', { name: 'interview-01-aso' }).click();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
  });

  it('marks a turn as a section of the interview guide', async () => {
    await page.evaluate(async () => {
      const token = sessionStorage.getItem('duiding.token')!;
      await fetch('./api/call/codebook/applyTemplate', { method: 'POST', headers: { 'content-type': 'application/json', 'x-duiding-token': token }, body: JSON.stringify({ template: 'llb-study' }) });
    });
    // Open another transcript and come back: the reader fetches the guide as it opens.
    await page.locator('.doclist button', { hasText: 'interview-02-aso' }).click();
    await page.getByRole('heading', { name: 'interview-02-aso' }).waitFor();
    await page.locator('.doclist button', { hasText: 'interview-01-aso' }).click();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
    await page.locator('[data-turn="7"]').hover();
    await page.getByRole('button', { name: 'Beurt 8 markeren als deel van de interviewleidraad' }).click();
    await page.getByRole('menuitem', { name: 'BELEID SCHOOL', exact: true }).click();
    await page.locator('[data-turn="7"] .guide-tag', { hasText: 'BELEID SCHOOL' }).waitFor();
    await screenshot(page, 'r1-07-guide-mark');
  });

  it('sets who is coding once; the next codings carry that name', async () => {
    await page.locator('.coder-button').click();
    await page.getByLabel('Je naam').fill('An');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await expect.poll(() => page.locator('.coder-button').innerText()).toContain('An');
    const text = await page.locator('[data-turn="21"] .turn__text').innerText();
    await code(page, 21, text.split(/\s+/).slice(1, 4).join(' ').replace(/[.,?!]+$/, ''), 'taakopvatting');
    await expect.poll(() => page.locator('.segment-panel__labels').innerText()).toContain('An');
  });

  it('keeps everything exactly after a reload', async () => {
    const state = () =>
      page.evaluate(async () => {
        const token = sessionStorage.getItem('duiding.token')!;
        const post = async (name: string, body: unknown) =>
          (await (await fetch(`./api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-duiding-token': token }, body: JSON.stringify(body) })).json()).result;
        const documents = (await post('documents/list', {})) as Array<{ id: string }>;
        const segments = await Promise.all(documents.map((d) => post('segments/list', { documentId: d.id })));
        return { labels: await post('labels/list', {}), segments, memos: await post('memos/list', {}) };
      });
    const before = await state();
    expect(before.labels.length).toBeGreaterThanOrEqual(6);
    expect(before.memos.map((m: { bodyText: string }) => m.bodyText)).toContain('Mooi voorbeeld van taakopvatting.');
    await page.reload();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
    expect(await state()).toEqual(before);
    await expect.poll(() => page.locator('.coder-button').innerText()).toContain('An');
    await expect.poll(() => page.locator('.margin-labels').count()).toBeGreaterThanOrEqual(10);
  });
});
