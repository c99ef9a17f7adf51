import type { Page } from 'playwright-core';
import type { DocumentDetail, Turn } from '../../src/shared/model.ts';
import { showTurn } from '../../tests/e2e/browser.ts';
import { summarize, type Summary } from '../stats.ts';

export const EDITS = 20;

/**
 * Issue 28: correcting a turn of the long transcript (300,000 characters, 2,000 codings) in the
 * reader, from Ctrl+Enter in the turn's editor until the turn shows its new words, painted (the
 * first animation frame after). The edits change the last word of turns spread over the transcript.
 */
/** `count` turns spread over a transcript, each with its last word replaced by a marker: what a probe corrects. */
export function correctionTargets(transcript: DocumentDetail, count: number): Array<{ turn: Turn; marker: string; text: string }> {
  const turns = transcript.turns.filter((t) => /\s\S+$/.test(t.text));
  return Array.from({ length: count }, (_, i) => {
    const turn = turns[Math.floor(((i + 0.5) * turns.length) / count)]!;
    const marker = `gecorrigeerd${i}`;
    return { turn, marker, text: turn.text.replace(/\S+$/, marker) };
  });
}

export async function measureTranscriptEdits(page: Page, transcript: DocumentDetail, edits = EDITS): Promise<Summary & { edits: number }> {
  const durations: number[] = [];
  for (const { turn, marker, text } of correctionTargets(transcript, edits)) {
    await showTurn(page, turn.position);
    await page.locator(`[data-turn="${turn.position}"] .turn__edit`).click();
    const area = page.locator(`[data-turn="${turn.position}"] textarea`);
    await area.fill(text);
    await page.evaluate(
      ({ position, marker }) => {
        const probe = new Promise<number>((resolve, reject) => {
          let start = 0;
          const onKey = (event: KeyboardEvent) => {
            if (event.key === 'Enter' && event.ctrlKey) start = performance.now();
          };
          window.addEventListener('keydown', onKey, true);
          const reader = document.querySelector('.reader')!;
          const observer = new MutationObserver(() => {
            const shown = reader.querySelector(`[data-turn="${position}"]`);
            const refused = shown?.querySelector('.form-error');
            if (refused) {
              observer.disconnect();
              reject(new Error(`turn ${position + 1}: the correction was refused: ${refused.textContent}`));
            }
            if (!start || !shown || shown.querySelector('textarea') || !shown.textContent?.includes(marker)) return;
            observer.disconnect();
            window.removeEventListener('keydown', onKey, true);
            requestAnimationFrame(() => resolve(performance.now() - start));
          });
          observer.observe(reader, { subtree: true, childList: true, characterData: true });
          setTimeout(() => {
            const shown = reader.querySelector(`[data-turn="${position}"]`);
            const seen = !shown ? 'the turn is not drawn' : shown.querySelector('textarea') ? 'its editor is still open' : `it shows “…${shown.textContent?.slice(-60)}”`;
            reject(new Error(`turn ${position + 1}: the correction was not painted within 30 s (${start ? 'Ctrl+Enter seen' : 'no Ctrl+Enter seen'}; ${seen})`));
          }, 30_000);
        });
        (window as unknown as { editProbe: Promise<number> }).editProbe = probe;
      },
      { position: turn.position, marker },
    );
    await area.press('Control+Enter');
    durations.push(await page.evaluate(() => (window as unknown as { editProbe: Promise<number> }).editProbe));
  }
  return { ...summarize(durations), edits };
}
