import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { code, selectWords } from './coding.ts';
import { fixtureProject, openProject, type Opened } from './project.ts';

const PALETTE = 'Een label toekennen';

/** The first `count` words of a turn (letters only), as one phrase that is surely in it. */
async function wordsOf(page: Page, turn: number, from: number, count: number): Promise<string> {
  const text = await page.locator(`[data-turn="${turn}"] .turn__text`).innerText();
  return text.split(/\s+/).slice(from, from + count).join(' ').replace(/[.,?!;:]+$/, '');
}

describe('coding by keyboard, and a palette that never applies the wrong label', () => {
  let opened: Opened;
  let page: Page;

  beforeAll(async () => {
    opened = await openProject(fixtureProject('keyboard', 'LLB'));
    page = opened.page;
    await page.getByRole('link', { name: 'interview-01-aso' }).click();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('creates the typed label when only a close name exists; the close one needs a move of the highlight', async () => {
    await code(page, 1, await wordsOf(page, 1, 0, 3), 'leervraag');
    await expect.poll(() => page.locator('[data-turn="1"] .chip').allInnerTexts()).toEqual(['leervraag']);

    // The trap: "leervragen" beside "leervraag". The new name comes first; the close one second.
    await selectWords(page, 3, await wordsOf(page, 3, 0, 3));
    await page.getByRole('combobox', { name: PALETTE }).fill('leervragen');
    const rows = page.getByRole('dialog', { name: PALETTE }).getByRole('option');
    await expect.poll(() => rows.locator('.palette__name').allInnerTexts()).toEqual(['Nieuw label “leervragen”', 'leervraag']);
    await expect.poll(() => rows.first().getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'kb-01-palette-new-label-first');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: PALETTE }).waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-turn="3"] .chip').allInnerTexts()).toEqual(['leervragen']);

    // The typed name is now a label's own (in other case): Enter takes that label, no new one.
    await selectWords(page, 5, await wordsOf(page, 5, 0, 3));
    await page.getByRole('combobox', { name: PALETTE }).fill('LEERVRAGEN');
    await expect.poll(() => rows.first().innerText()).toContain('leervragen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-turn="5"] .chip').allInnerTexts()).toEqual(['leervragen']);

    // The close label is taken only after the arrow moved the highlight to it.
    await selectWords(page, 7, await wordsOf(page, 7, 0, 3));
    await page.getByRole('combobox', { name: PALETTE }).fill('leervraa');
    await expect.poll(() => rows.first().innerText()).toContain('Nieuw label “leervraa”');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('option', { selected: true }).locator('.palette__name').innerText()).toBe('leervraag');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-turn="7"] .chip').allInnerTexts()).toEqual(['leervraag']);
    const names = await page.locator('.chip').allInnerTexts();
    expect(names).not.toContain('leervraa');

    // With nothing typed, Enter takes nothing: the recent labels are there for the number keys or the arrows.
    await selectWords(page, 9, await wordsOf(page, 9, 0, 3));
    await expect.poll(() => page.getByRole('option', { selected: true }).count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: PALETTE }).waitFor({ state: 'detached' });
    expect(await page.locator('[data-turn="9"] .chip').count()).toBe(0);
  });
});
