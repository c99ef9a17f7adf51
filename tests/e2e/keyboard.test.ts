import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, showTurn } from './browser.ts';
import { code, selectWords } from './coding.ts';
import { api, fixtureProject, openProject, type Opened } from './project.ts';

const PALETTE = 'Een label toekennen';
const showTurnCentred = showTurn;

/** The first `count` words of a turn (letters only), as one phrase that is surely in it. */
async function wordsOf(page: Page, turn: number, from: number, count: number): Promise<string> {
  const text = await page.locator(`[data-turn="${turn}"] .turn__text`).innerText();
  return text.split(/\s+/).slice(from, from + count).join(' ').replace(/[.,?!;:]+$/, '');
}

/**
 * Selects words of a turn as a mouse would, with the turn scrolled so that the words lie at the
 * reader's top or bottom edge; returns the words' box.
 */
async function selectAtEdge(page: Page, turn: number, words: string, edge: 'top' | 'bottom') {
  return page.evaluate(
    ({ turn, words, edge }) => {
      const reader = document.querySelector<HTMLElement>('.reader')!;
      const container = document.querySelector(`[data-turn="${turn}"] .turn__text`)!;
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const at = nodes.map((n) => n.data).join('').indexOf(words);
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
      const view = reader.getBoundingClientRect();
      const box = range.getBoundingClientRect();
      reader.scrollBy(0, edge === 'top' ? box.top - view.top - 4 : box.bottom - view.bottom + 4);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      const r = range.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    },
    { turn, words, edge },
  );
}

/** The ranges of a CSS custom highlight, as text. */
function highlighted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((name) => [...((CSS.highlights.get(name) as Set<AbstractRange> | undefined) ?? [])].map((r) => (r as Range).toString()), name);
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

  it('keeps the selected words marked while the palette is open, and the palette inside the window at either edge', async () => {
    const dialog = page.getByRole('dialog', { name: PALETTE });
    for (const [turn, edge] of [[11, 'top'], [13, 'bottom']] as const) {
      const words = await wordsOf(page, turn, 1, 4);
      await showTurnCentred(page, turn);
      const words_ = await selectAtEdge(page, turn, words, edge);
      await dialog.waitFor();
      await expect.poll(() => highlighted(page, 'palette-selection')).toEqual([words]);
      const box = (await dialog.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(900);
      // Nor does it cover the words it will code.
      expect(box.y >= words_.bottom || box.y + box.height <= words_.top).toBe(true);
      await screenshot(page, `kb-02-palette-at-${edge}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => highlighted(page, 'palette-selection')).toEqual([]);
    }
  });

  it('brings a selected segment scrolled out of view back before a key acts on it', async () => {
    const dialog = page.getByRole('dialog', { name: PALETTE });
    const selected = page.locator('.coded.is-selected').first();
    const inView = () =>
      page.evaluate(() => {
        const el = document.querySelector('.coded.is-selected');
        if (!el) return false;
        const view = document.querySelector('.reader')!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return box.bottom > view.top && box.top < view.bottom;
      });
    const scrollAway = () => page.evaluate(() => document.querySelector('.reader')!.scrollBy(0, 3000));
    await showTurnCentred(page, 3);
    await page.locator('[data-turn="3"] .chip').first().click();
    await selected.waitFor();
    await scrollAway();
    expect(await inView()).toBe(false);

    // "L" scrolls the segment into view, then opens the palette beside it.
    await page.keyboard.press('l');
    await dialog.waitFor();
    expect(await inView()).toBe(true);
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await screenshot(page, 'kb-03-offscreen-segment-brought-back');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Delete on a segment out of view only brings it back; the next Delete, in sight, removes it.
    await scrollAway();
    expect(await inView()).toBe(false);
    await page.keyboard.press('Delete');
    await expect.poll(inView).toBe(true);
    expect(await page.locator('[data-turn="3"] .chip').count()).toBe(1);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('[data-turn="3"] .chip').count()).toBe(0);
  });

  it('codes three passages by keyboard alone, one of them two sentences long, and removes one', async () => {
    const live = page.getByTestId('cursor-position');
    const cursorTurn = async () => Number(/beurt (\d+)/.exec(await live.innerText())![1]) - 1;
    const dialog = page.getByRole('dialog', { name: PALETTE });
    const codedIn = (turn: number) => page.locator(`[data-turn="${turn}"] .turn__text .coded`).allInnerTexts().then((t) => t.join(''));
    await page.evaluate(() => document.querySelector('.reader')!.scrollTo(0, 0));
    await page.locator('.reader').focus();

    // To the first participant turn of two sentences or more that carries no coding yet.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => live.innerText()).toMatch(/^.+, beurt \d+: “.+”$/);
    let turn = await cursorTurn();
    let text = '';
    for (;;) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(cursorTurn).not.toBe(turn);
      turn = await cursorTurn();
      text = await page.locator(`[data-turn="${turn}"] .turn__text`).innerText();
      const speaker = await page.locator(`[data-turn="${turn}"] .turn__speaker`).innerText();
      if (speaker !== 'Interviewer' && (text.match(/[.?!]\s/g) ?? []).length >= 2 && (await codedIn(turn)) === '') break;
    }
    expect(await live.innerText()).toContain(`K.L., beurt ${turn + 1}`);

    // 1. Its first three words: Shift extends the cursor word by word; Enter opens the palette on it.
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => highlighted(page, 'reading-cursor')).toEqual([text.split(/\s+/).slice(0, 3).join(' ').replace(/[.,?!]+$/, '')]);
    await screenshot(page, 'kb-04-reading-cursor');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.type('toetsenbord');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator(`[data-turn="${turn}"] .chip`).allInnerTexts()).toEqual(['toetsenbord']);

    // 2. The next turn's first two sentences: Ctrl+Shift+arrow extends by a sentence.
    let next = turn;
    let nextText = '';
    while (true) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(cursorTurn).not.toBe(next);
      next = await cursorTurn();
      nextText = await page.locator(`[data-turn="${next}"] .turn__text`).innerText();
      if ((nextText.match(/[.?!]\s/g) ?? []).length >= 2 && (await codedIn(next)) === '') break;
    }
    await page.keyboard.press('Control+Shift+ArrowRight');
    const twoSentences = /^(.*?[.?!]\s+.*?[.?!])(\s|$)/s.exec(nextText)![1]!;
    await expect.poll(() => highlighted(page, 'reading-cursor')).toEqual([twoSentences]);
    await page.keyboard.press('l');
    await dialog.waitFor();
    await page.keyboard.type('toetsenbord');
    await page.keyboard.press('Enter');
    await expect.poll(() => codedIn(next)).toBe(twoSentences);

    // 3. The cursor moved on past the passage: one word further and coded with the same label.
    await page.keyboard.press('Shift+ArrowRight');
    const third = await highlighted(page, 'reading-cursor');
    expect(third).toHaveLength(1);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Toetsenbord');
    await page.keyboard.press('Enter');
    await expect.poll(() => codedIn(next)).toBe(twoSentences + third[0]);
    await expect.poll(() => page.locator(`[data-turn="${next}"] .chip`).allInnerTexts()).toEqual(['toetsenbord', 'toetsenbord']);

    // Remove the third: back onto it, Space picks the segment under the cursor, Delete removes it.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.segment-panel__quote').innerText()).toBe(third[0]);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator(`[data-turn="${next}"] .chip`).allInnerTexts()).toEqual(['toetsenbord']);
    expect(await codedIn(next)).toBe(twoSentences);
    expect(await page.locator(`[data-turn="${turn}"] .chip`).allInnerTexts()).toEqual(['toetsenbord']);
    // The cursor stays drawn after the turn was redrawn without the segment.
    await expect.poll(() => highlighted(page, 'reading-cursor')).toEqual([third[0]!.split(' ').pop()]);
    await screenshot(page, 'kb-05-coded-by-keyboard');
  });

  it('a memo marker in the margin opens the passage’s memo, by mouse and by keyboard', async () => {
    const memoEditor = page.locator('.segment-panel__memo [contenteditable="true"]').first();
    const memoFocused = () => page.evaluate(() => document.activeElement?.closest('.segment-panel__memo') !== null);
    await page.evaluate(() => document.querySelector('.reader')!.scrollTo(0, 0));
    // M on a selected passage puts the caret in its memo; what is typed there is its memo.
    await page.locator('[data-turn="1"] .chip', { hasText: 'leervraag' }).click();
    await page.locator('.segment-panel').waitFor();
    expect(await page.locator('[data-turn="1"] .memo-marker').count()).toBe(0);
    await page.locator('.reader').focus();
    await page.keyboard.press('m');
    await expect.poll(memoFocused).toBe(true);
    await page.keyboard.type('Vraagt naar wat leerlingen willen leren.');
    const marker = page.locator('[data-turn="1"] .memo-marker');
    await marker.waitFor();
    expect(await marker.getAttribute('aria-label')).toBe('Memo bij dit fragment: “Vraagt naar wat leerlingen willen leren.” (M op een gekozen fragment)');

    // Elsewhere, then back by the marker alone: Tab reaches it from the turn's guide button, Enter opens the memo.
    await page.locator('.reader').focus();
    await page.keyboard.press('Escape');
    await page.locator('.segment-panel').waitFor({ state: 'detached' });
    // Tab reaches it from the turn's other margin buttons (the guide mark, the correction).
    await page.locator('[data-turn="1"] .turn__guide').focus();
    const onMarker = () => page.evaluate(() => document.activeElement?.classList.contains('memo-marker') === true);
    for (let i = 0; i < 3 && !(await onMarker()); i++) await page.keyboard.press('Tab');
    expect(await onMarker()).toBe(true);
    await screenshot(page, 'kb-06-memo-marker');
    await page.keyboard.press('Enter');
    await expect.poll(memoFocused).toBe(true);
    expect(await memoEditor.innerText()).toContain('Vraagt naar wat leerlingen willen leren.');
    expect(await page.locator('.segment-panel__quote').innerText()).toBe(await page.locator('[data-turn="1"] .turn__text .coded').first().innerText());
    await screenshot(page, 'kb-07-memo-opened');

    // By mouse too, after the pane showed another passage.
    await page.locator('[data-turn="3"] .chip').first().click();
    await expect.poll(() => page.locator('.segment-panel__quote').innerText()).not.toBe(await page.locator('[data-turn="1"] .turn__text .coded').first().innerText());
    await marker.click();
    await expect.poll(memoFocused).toBe(true);
    expect(await memoEditor.innerText()).toContain('Vraagt naar wat leerlingen willen leren.');
  });

  it('a parent label counts its sub-labels’ passages, a passage with two of them once', async () => {
    const labels = await api<Array<{ id: string; name: string }>>(page, 'labels/list');
    const id = (name: string) => labels.find((l) => l.name === name)!.id;
    const parent = await api<{ id: string }>(page, 'labels/create', { name: 'leren' });
    for (const child of ['leervraag', 'leervragen', 'toetsenbord']) await api(page, 'labels/update', { id: id(child), parentId: parent.id });
    // One passage with two of the sub-labels: it counts once for the parent.
    const documentId = page.url().split('#/documents/')[1]!.split(/[?#]/)[0]!;
    const segments = await api<Array<{ start: number; end: number; codings: Array<{ labelId: string }> }>>(page, 'segments/list', { documentId });
    const first = segments.find((s) => s.codings.some((c) => c.labelId === id('leervraag')))!;
    await api(page, 'codings/apply', { documentId, start: first.start, end: first.end, labelId: id('toetsenbord') });
    const after = await api<Array<{ start: number; end: number; codings: Array<{ labelId: string }> }>>(page, 'segments/list', { documentId });
    const children = new Set(['leervraag', 'leervragen', 'toetsenbord'].map(id));
    // The count from the segments themselves, those in a participant's turn (the interviewer's do not count).
    const { turns } = await api<{ turns: Array<{ start: number; end: number; speaker: string | null }> }>(page, 'documents/get', { id: documentId });
    const [roles] = await api<Array<{ speakers: Array<{ name: string; role: string }> }>>(page, 'speakers/list', { documentId });
    const participantSpeech = (s: { start: number; end: number }) =>
      turns.some((t) => t.start < s.end && s.start < t.end && roles!.speakers.find((r) => r.name === t.speaker)?.role === 'participant');
    const under = after.filter((s) => s.codings.some((c) => children.has(c.labelId)));
    const expected = under.filter(participantSpeech).length;
    expect(under.length).toBeGreaterThan(expected);
    const sum = under.filter(participantSpeech).reduce((n, s) => n + new Set(s.codings.filter((c) => children.has(c.labelId)).map((c) => c.labelId)).size, 0);
    expect(sum).toBe(expected + 1);

    await page.evaluate(() => (location.hash = '#/codebook'));
    const row = page.locator('.codebook-row', { has: page.locator('.codebook-row__name', { hasText: /^leren$/ }) });
    await expect.poll(async () => (await row.locator('.num').allInnerTexts()).map(Number)).toEqual([expected, 1]);
    await row.click();
    await page.locator('.codebook-detail__usage', { hasText: `Met de sublabels: ${expected} fragmenten in 1 transcript.` }).waitFor();
    await screenshot(page, 'kb-08-parent-counts');
  });
});
