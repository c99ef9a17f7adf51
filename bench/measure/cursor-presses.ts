import type { Page } from 'playwright-core';
import type { DocumentDetail, Segment } from '../../src/shared/model.ts';
import { showTurn } from '../../tests/e2e/browser.ts';
import { waitForNewHighlight, type PageEvent, type PressTiming, PRESS_TIMEOUT_MS } from './page-probes.ts';
import type { PressTarget } from './press-targets.ts';

/**
 * Issue 21's keypress probe for a coding made with the reading cursor: no mouse anywhere. Each
 * target is the first three words of a participant's turn that nothing codes. The turn is scrolled
 * to the reader's top, the cursor dropped (Escape) and set again with ↓ (on the first word in view;
 * ↓ or ↑ again until it is on the target's turn, as a researcher would), extended with Shift+→ twice, the palette opened with Enter and the label's name typed; the press
 * timed is the Enter that applies it, from its key event to the highlight painted — as the mouse
 * probe times it, with the cursor's own work (it moves on past the coding) in the same frame.
 */
export function cursorTargets(document: DocumentDetail, segments: readonly Segment[], taken: readonly PressTarget[], count: number): PressTarget[] {
  const covered = new Uint8Array(document.text.length + 1);
  for (const s of [...segments, ...taken]) covered.fill(1, Math.max(0, s.start - 1), s.end + 1);
  const participantTurns = document.turns.filter((t) => t.speaker !== null && t.speaker !== 'Interviewer');
  const out: PressTarget[] = [];
  // Spread over the transcript: every stride-th turn first, then the ones between.
  const stride = Math.max(1, Math.floor(participantTurns.length / count));
  const order = Array.from({ length: stride }, (_, pass) => participantTurns.filter((_, i) => i % stride === pass)).flat();
  for (const turn of order) {
    if (out.length >= count) break;
    const words = [...turn.text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].slice(0, 3);
    if (words.length < 3 || words[0]!.index !== 0) continue;
    const span = { start: turn.start, end: turn.start + words[2]!.index! + words[2]![0].length };
    if (covered.subarray(span.start, span.end + 1).some((c) => c === 1)) continue;
    out.push({ ...span, turn: turn.position });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Where the reading cursor is, as offsets into the transcript (its CSS highlight's range, through the runs' `data-o` and their turns' `data-start`). */
function cursorOffsets(page: Page): Promise<{ start: number; end: number } | null> {
  return page.evaluate(() => {
    const range = [...((CSS.highlights.get('reading-cursor') as Set<AbstractRange> | undefined) ?? [])][0] as Range | undefined;
    if (!range) return null;
    const offset = (node: Node, at: number) => {
      const run = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-o]');
      const turn = run?.closest<HTMLElement>('[data-start]');
      return run && turn ? Number(turn.dataset.start) + Number(run.dataset.o) + at : -1;
    };
    return { start: offset(range.startContainer, range.startOffset), end: offset(range.endContainer, range.endOffset) };
  });
}

export async function measureCursorPresses(page: Page, targets: readonly PressTarget[], names: readonly string[], events: PageEvent[]): Promise<{ timings: PressTiming[]; missed: number }> {
  const timings: PressTiming[] = [];
  let missed = 0;
  const miss = async (text: string) => {
    missed++;
    events.push({ at: performance.now(), type: 'cursor-press-missed', text });
    await page.keyboard.press('Escape');
  };
  for (const [i, target] of targets.entries()) {
    await showTurn(page, target.turn);
    await page.evaluate((turn) => {
      document.querySelector(`[data-turn="${turn}"]`)!.scrollIntoView({ block: 'start' });
      document.querySelector<HTMLElement>('.reader')!.focus({ preventScroll: true });
    }, target.turn);
    // The last coding left its segment selected and the cursor moved on: let go of both.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    for (let step = 0; step < 6; step++) {
      const on = await cursorOffsets(page);
      if (!on || on.start === target.start) break;
      await page.keyboard.press(on.start < target.start ? 'ArrowDown' : 'ArrowUp');
    }
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    const at = await cursorOffsets(page);
    if (!at || at.start !== target.start || at.end !== target.end) {
      await miss(`the cursor lay at ${JSON.stringify(at)}, not at ${target.start}–${target.end}`);
      continue;
    }
    await page.keyboard.press('Enter');
    await page.locator('.palette').waitFor();
    const name = names[i % names.length]!;
    await page.locator('.palette__input').fill(name);
    await page.locator('.palette__options li.is-active', { hasText: name }).waitFor();
    const timing = await waitForNewHighlight(page, target, 'Enter');
    if (!timing) {
      await miss(`Enter at offset ${target.start}: no highlight within ${PRESS_TIMEOUT_MS} ms`);
      continue;
    }
    timings.push(timing);
    await page.locator('.palette').waitFor({ state: 'detached' });
  }
  return { timings, missed };
}
