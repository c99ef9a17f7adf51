import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, Segment } from '../../src/shared/model.ts';
import { screenshot } from './browser.ts';
import { api, duiding, openProject, type Opened } from './project.ts';

/**
 * Correcting a coded transcript in the reader (issue 28): a word inside a coded passage, a turn split
 * and joined back, a speaker changed, a coded passage's words deleted; the flags shown, confirmed and
 * removed; Ctrl+Z and Ctrl+Shift+Z. Every step is checked against the core's own answer.
 */
const TRANSCRIPT = [
  'Interviewer: Hoe plannen jullie de zorg voor leerlingen?',
  'Katrien: We plannen de zorg samen met het team. Elke week is er overleg met de zorgcoördinator.',
  'Interviewer: En de ouders?',
  'Katrien: De ouders bellen we zelden, dat doet de directie.',
].join('\n\n');

describe('correcting a transcript in the reader', () => {
  let opened: Opened;
  let page: Page;
  let documentId: string;
  const get = () => api<DocumentDetail>(page, 'documents/get', { id: documentId });
  const segments = () => api<Segment[]>(page, 'segments/list', { documentId });
  const segmentOn = async (words: string) => (await segments()).find((s) => s.text.includes(words) || s.previousText?.includes(words));

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-edit-'));
    const file = join(dir, 'studie.duiding');
    writeFileSync(join(dir, 'interview-katrien.txt'), TRANSCRIPT);
    duiding(['new', file, '--title', 'Correcties']);
    duiding(['import', file, join(dir, 'interview-katrien.txt')]);
    opened = await openProject({ dir, file });
    page = opened.page;
    documentId = (await api<Array<{ id: string }>>(page, 'documents/list'))[0]!.id;
    const text = (await get()).text;
    for (const [words, labelName] of [
      ['We plannen de zorg samen met het team.', 'Zorgplanning'],
      ['De ouders bellen we zelden', 'Ouders'],
    ]) {
      const start = text.indexOf(words!);
      await api(page, 'codings/apply', { documentId, start, end: start + words!.length, labelName });
    }
    await page.getByRole('link', { name: 'interview-katrien' }).first().click();
    await page.getByRole('heading', { name: 'interview-katrien' }).waitFor();
  }, 150_000);

  afterAll(async () => {
    await opened?.close();
  });

  const correct = async (turn: number) => {
    await page.getByRole('button', { name: `Beurt ${turn} corrigeren` }).click();
    return page.getByRole('textbox', { name: `Woorden van beurt ${turn}` });
  };

  it('fixes a word inside a coded passage: the passage is flagged with its old words, undo and redo move the flag, keeping confirms it', async () => {
    const words = await correct(2);
    await words.fill('Wij plannen de zorg samen met het team. Elke week is er overleg met de zorgcoördinator.');
    await words.press('Control+Enter');
    const flagged = page.locator('.flagged');
    await expect.poll(() => flagged.locator('summary').textContent()).toBe('1 gecodeerde passage na te kijken na een correctie');
    await expect.poll(async () => (await segmentOn('plannen de zorg'))?.textStatus).toBe('changed');
    expect(await flagged.locator('del').textContent()).toBe('We plannen de zorg samen met het team.');
    expect(await flagged.locator('ins').textContent()).toBe('Wij plannen de zorg samen met het team.');
    expect(await page.locator('[data-turn="1"] .flag-badge').textContent()).toContain('woorden gewijzigd');
    await screenshot(page, 'te-01-word-fixed-passage-flagged');

    await page.locator('.reader__header h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await get()).turns[1]!.text.startsWith('We plannen')).toBe(true);
    await expect.poll(() => flagged.count()).toBe(0);
    expect((await segmentOn('plannen de zorg'))?.textStatus).toBeUndefined();
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => flagged.count()).toBe(1);

    await flagged.getByRole('button', { name: 'Behouden, met de nieuwe woorden' }).click();
    await expect.poll(() => flagged.count()).toBe(0);
    const kept = (await segmentOn('plannen de zorg'))!;
    expect([kept.text, kept.textStatus]).toEqual(['Wij plannen de zorg samen met het team.', undefined]);
  });

  it('splits a turn at the cursor and joins it back; the coded passages keep their words', async () => {
    const words = await correct(2);
    const at = (await get()).turns[1]!.text.indexOf(' Elke week');
    await words.evaluate((el: HTMLTextAreaElement, at) => el.setSelectionRange(at, at), at);
    await screenshot(page, 'te-02a-turn-editor');
    await page.getByRole('button', { name: 'Splitsen bij de cursor' }).click();
    await expect.poll(async () => (await get()).turns.map((t) => t.text.slice(0, 14))).toEqual(['Hoe plannen ju', 'Wij plannen de', 'Elke week is e', 'En de ouders?', 'De ouders bell']);
    await page.locator('[data-turn="2"]').waitFor();
    expect(await page.locator('[data-turn="2"] .turn__speaker').textContent()).toBe('Katrien');
    expect(await page.locator('.flagged').count()).toBe(0);
    await screenshot(page, 'te-02-turn-split');

    await correct(2);
    await page.getByRole('button', { name: 'Samenvoegen met de volgende beurt' }).click();
    await expect.poll(async () => (await get()).turns.length).toBe(4);
    expect((await get()).turns[1]!.text).toBe('Wij plannen de zorg samen met het team. Elke week is er overleg met de zorgcoördinator.');
    for (const s of await segments()) expect(s.textStatus).toBeUndefined();
  });

  it('changes a speaker to a new one; the roles follow', async () => {
    await correct(4);
    await page.getByRole('combobox', { name: 'Spreker' }).selectOption({ label: 'Nieuwe spreker…' });
    await page.getByRole('textbox', { name: 'Naam van de nieuwe spreker' }).fill('Jonas');
    await page.getByRole('button', { name: /^Bewaren/ }).click();
    await expect.poll(async () => (await get()).turns[3]!.speaker).toBe('Jonas');
    await expect.poll(() => page.locator('[data-turn="3"] .turn__speaker').textContent()).toBe('Jonas');
    const roles = await api<Array<{ speakers: Array<{ name: string; turns: number }> }>>(page, 'speakers/list');
    expect(roles[0]!.speakers.map((s) => [s.name, s.turns])).toEqual([
      ['Interviewer', 2],
      ['Katrien', 1],
      ['Jonas', 1],
    ]);
    await page.locator('.reader__header h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await get()).turns[3]!.speaker).toBe('Katrien');
  });

  it('keeps a passage whose words were all deleted, shown as deleted at the edit, until it is removed', async () => {
    const words = await correct(4);
    await words.fill('Dat doet de directie.');
    await words.press('Control+Enter');
    const flagged = page.locator('.flagged');
    await expect.poll(async () => (await segmentOn('De ouders bellen'))?.textStatus).toBe('removed');
    await expect.poll(() => flagged.locator('em').textContent()).toBe('Al haar woorden zijn geschrapt.');
    expect(await page.locator('[data-turn="3"] .flag-badge--removed').textContent()).toContain('woorden geschrapt');
    await screenshot(page, 'te-03-passage-words-deleted');

    await flagged.getByRole('button', { name: 'Passage en haar labels verwijderen' }).click();
    await expect.poll(() => flagged.count()).toBe(0);
    expect(await segmentOn('De ouders bellen')).toBeUndefined();
    await page.locator('.reader__header h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await segmentOn('De ouders bellen'))?.textStatus).toBe('removed');
  });

  it('opens the editor on the reading cursor\'s turn with E, and the cursor keys work again after it', async () => {
    await page.locator('.reader').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('cursor-position').textContent()).toContain('beurt 2');
    await page.keyboard.press('e');
    const words = page.getByRole('textbox', { name: 'Woorden van beurt 2' });
    await expect.poll(() => words.evaluate((el) => el === document.activeElement)).toBe(true);
    // Typing an e in the editor is a letter, not the shortcut again.
    await page.keyboard.press('Escape');
    await expect.poll(() => words.count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('cursor-position').textContent()).toContain('beurt 3');
    await page.keyboard.press('E');
    await expect.poll(() => page.getByRole('textbox', { name: 'Woorden van beurt 3' }).count()).toBe(1);
    await page.keyboard.press('Escape');
  });
  it('keeps the next turn\'s editor open when it is opened while the previous correction is being saved', async () => {
    const words = await correct(1);
    await words.fill('Hoe plannen jullie samen de zorg voor leerlingen?');
    // Ctrl+Enter and the next turn's ✎ in one go, before the reply: the saved turn's editor closing
    // (at the reply, and again once its reads are in) must close its own turn only.
    await words.evaluate((area) => {
      area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
      document.querySelector<HTMLButtonElement>('button[aria-label="Beurt 3 corrigeren"]')!.click();
    });
    await expect.poll(async () => (await get()).turns[0]!.text).toBe('Hoe plannen jullie samen de zorg voor leerlingen?');
    await expect.poll(() => page.locator('[data-turn="0"]').textContent()).toContain('samen de zorg');
    // The correction's other reads answer within a moment; the editor of turn 3 is still there after them.
    await page.waitForTimeout(1500);
    expect(await page.getByRole('textbox', { name: 'Woorden van beurt 3' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('.reader__header h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await get()).turns[0]!.text).toBe('Hoe plannen jullie de zorg voor leerlingen?');
  });
});
