import type { Page } from 'playwright-core';
import { showTurn } from './browser.ts';

/** Selects the given words inside a turn as a mouse would, then releases the mouse. */
export async function selectWords(page: Page, turn: number, words: string) {
  await showTurn(page, turn);
  await page.evaluate(
    ({ turn, words }) => {
      // As a reader would: the turn is on screen (showTurn) when its words are selected.
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

export async function code(page: Page, turn: number, words: string, label: string) {
  await selectWords(page, turn, words);
  await page.getByRole('combobox', { name: 'Een label toekennen' }).fill(label);
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Een label toekennen' }).waitFor({ state: 'detached' });
}
