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

/**
 * From Ctrl+Enter to painted, and of that the part after the core's reply arrived (`afterReply`:
 * the page's own work, patching its reads and rendering; the reply's time comes from the socket
 * probe of page-probes.ts, when installed), and how many drawn turns had their contents changed
 * on the way (`turnsRedrawn`: 1 when only the corrected turn is repainted; issue 28).
 */
export async function measureTranscriptEdits(page: Page, transcript: DocumentDetail, edits = EDITS): Promise<Summary & { edits: number; afterReply: Summary | null; turnsRedrawn: Summary }> {
  const durations: number[] = [];
  const afterReply: number[] = [];
  const redrawn: number[] = [];
  for (const { turn, marker, text } of correctionTargets(transcript, edits)) {
    await showTurn(page, turn.position);
    await page.locator(`[data-turn="${turn.position}"] .turn__edit`).click();
    const area = page.locator(`[data-turn="${turn.position}"] textarea`);
    await area.fill(text);
    await page.evaluate(
      ({ position, marker }) => {
        const probe = new Promise<{ total: number; afterReply: number | null; redrawn: number }>((resolve, reject) => {
          let start = 0;
          let firstCall = 0;
          const onKey = (event: KeyboardEvent) => {
            if (event.key !== 'Enter' || !event.ctrlKey) return;
            start = performance.now();
            firstCall = Math.max(0, ...(window.__benchSocketCalls?.keys() ?? [])) + 1;
          };
          // When the correction's reply came in, if the socket probe is there.
          const replied = () => {
            for (const [id, call] of window.__benchSocketCalls ?? []) if (id >= firstCall && call.name === 'transcript/edit-turn' && call.answeredAt !== null) return call.answeredAt;
            return null;
          };
          window.addEventListener('keydown', onKey, true);
          const reader = document.querySelector('.reader')!;
          // The drawn turns whose contents the page changed (a turn's own section attributes aside,
          // and turns newly drawn by the window): what was repainted besides the corrected turn.
          const redrawn = new Set<number>();
          const observer = new MutationObserver((records) => {
            for (const record of records) {
              const target = record.target instanceof Element ? record.target : record.target.parentElement;
              const turn = target?.closest<HTMLElement>('[data-turn]');
              if (start && turn && !(record.type === 'attributes' && record.target === turn)) redrawn.add(Number(turn.dataset.turn));
            }
            const shown = reader.querySelector(`[data-turn="${position}"]`);
            const refused = shown?.querySelector('.form-error');
            if (refused) {
              observer.disconnect();
              reject(new Error(`turn ${position + 1}: the correction was refused: ${refused.textContent}`));
            }
            if (!start || !shown || shown.querySelector('textarea') || !shown.textContent?.includes(marker)) return;
            observer.disconnect();
            window.removeEventListener('keydown', onKey, true);
            requestAnimationFrame(() => {
              const painted = performance.now();
              const reply = replied();
              resolve({ total: painted - start, afterReply: reply === null ? null : painted - reply, redrawn: redrawn.size });
            });
          });
          observer.observe(reader, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => {
            const shown = reader.querySelector(`[data-turn="${position}"]`);
            const seen = !shown ? 'the turn is not drawn' : shown.querySelector('textarea') ? 'its editor is still open' : `it shows “…${shown.textContent?.slice(-60)}”`;
            reject(new Error(`turn ${position + 1}: the correction was not painted within 30 s (${start ? 'Ctrl+Enter seen' : 'no Ctrl+Enter seen'}; ${seen})`));
          }, 30_000);
        });
        (window as unknown as { editProbe: typeof probe }).editProbe = probe;
      },
      { position: turn.position, marker },
    );
    await area.press('Control+Enter');
    const timing = await page.evaluate(() => (window as unknown as { editProbe: Promise<{ total: number; afterReply: number | null; redrawn: number }> }).editProbe);
    durations.push(timing.total);
    redrawn.push(timing.redrawn);
    if (timing.afterReply !== null) afterReply.push(timing.afterReply);
  }
  if (process.env.DUIDING_BENCH_SERIES) process.stderr.write(`corrections, ms in order: ${durations.map((d) => Math.round(d)).join(" ")}\nof which after the reply: ${afterReply.map((d) => Math.round(d)).join(" ")}\n`);
  return { ...summarize(durations), edits, afterReply: afterReply.length ? summarize(afterReply) : null, turnsRedrawn: summarize(redrawn) };
}
