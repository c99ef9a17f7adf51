import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, showTurn } from './browser.ts';
import { code } from './coding.ts';
import { api, duiding, openProject, type Opened } from './project.ts';

const TURNS = 700;
const SENTENCES = [
  'We bespreken dat op het zorgoverleg met het hele team.',
  'De leerkracht merkt het eerst, in de klas, en dan komt de vraag bij ons.',
  'Soms duurt het weken voor er een zorgplan is, en dat is lang voor een leerling.',
  'Het CLB denkt mee, maar de eerste stap zetten we zelf.',
  'Ouders betrekken we zo vroeg mogelijk, ook als het moeilijk is.',
];

/** A two-hour interview written out: 700 turns of very different lengths, each with its own number. */
function longTranscript(): string {
  const lines: string[] = [];
  for (let i = 0; i < TURNS; i++) {
    const speaker = i % 2 === 0 ? 'Hanne Claeys' : 'Lotte De Smet';
    const minutes = Math.floor((i * 5) / 60);
    const seconds = String((i * 5) % 60).padStart(2, '0');
    const length = i % 2 === 0 ? 1 : 1 + ((i * 7) % 9);
    const said = Array.from({ length }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ');
    lines.push(`${speaker}  ${minutes}:${seconds}`, `Beurt ${i}. ${said}`, '');
  }
  return lines.join('\n');
}

/** Where a turn is on screen, or null when it is not drawn. */
function topOf(page: Page, position: number): Promise<number | null> {
  return page.evaluate((position) => document.querySelector(`[data-turn="${position}"]`)?.getBoundingClientRect().top ?? null, position);
}

/** The page's render probe (src/renderer/features/transcript/render-probe.ts): every render of a drawn turn adds its position. */
type RenderProbe = Window & { __duidingTurnRenders?: number[] };

const settle = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));

describe('a long transcript in the browser', () => {
  let opened: Opened;
  let page: Page;
  let documentId: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-long-'));
    const file = join(dir, 'studie.duiding');
    const source = join(dir, 'interview-lang.txt');
    writeFileSync(source, longTranscript());
    duiding(['new', file, '--title', 'Lang']);
    duiding(['import', file, source]);
    duiding(['autocode', file, '--label', 'zorgplan', '--text', 'zorgplan', '--scope', 'match', '--speakers', 'all']);
    opened = await openProject({ dir, file });
    page = opened.page;
    documentId = (await api<Array<{ id: string }>>(page, 'documents/list'))[0]!.id;
    await page.getByRole('link', { name: 'interview-lang' }).click();
    await page.getByRole('heading', { name: 'interview-lang' }).waitFor();
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('draws only the turns around the view, with a scroll bar as long as the whole transcript', async () => {
    await page.locator('[data-turn="0"]').waitFor();
    const drawn = await page.locator('.reader [data-turn]').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(120);
    const { scrollHeight, clientHeight } = await page.locator('.reader').evaluate((r) => ({ scrollHeight: r.scrollHeight, clientHeight: r.clientHeight }));
    expect(scrollHeight).toBeGreaterThan(40 * clientHeight);
    // The coded passages in the turns drawn show their labels.
    expect(await page.locator('.reader .coded').count()).toBeGreaterThan(0);
  });

  it('reaches the last turn by scrolling, and what is read does not jump while turns are added above it', async () => {
    await showTurn(page, TURNS - 1);
    expect(await page.locator(`[data-turn="${TURNS - 1}"] .turn__text`).innerText()).toContain(`Beurt ${TURNS - 1}.`);
    // Straight to turn 400 in a page opened afresh: none of the turns above it has been drawn yet.
    // The window below the view follows the reader's height, which the screens' line (wrapped on two
    // lines since agreement and merging came) takes from; a reader as tall as before keeps room for
    // two additions above before turn 400 leaves the window below.
    await page.setViewportSize({ width: 1440, height: 940 });
    await page.reload();
    await page.evaluate((id) => (location.hash = `#/documents/${id}?turn=400`), documentId);
    await page.locator('[data-turn="400"].turn--target').waitFor();
    await settle(page);
    // Scroll up 300 px at a time while turn 400 is drawn: turns are added above the view, and
    // turn 400 moves down exactly as far as was scrolled.
    const firstDrawn = () => page.locator('.reader [data-turn]').first().getAttribute('data-turn').then(Number);
    let checked = 0;
    let added = 0;
    for (let step = 0; step < 12; step++) {
      const [before, first] = [(await topOf(page, 400))!, await firstDrawn()];
      await page.locator('.reader').evaluate((r) => r.scrollBy(0, -300));
      await settle(page);
      const after = await topOf(page, 400);
      if (after === null) break; // left the window below
      expect(Math.abs(after - before - 300)).toBeLessThanOrEqual(2);
      checked++;
      if ((await firstDrawn()) < first) added++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
    expect(added).toBeGreaterThanOrEqual(2);
  });

  it('jumps to a turn from an address, as a search hit or retrieval does', async () => {
    await page.evaluate((id) => (location.hash = `#/documents/${id}?turn=610`), documentId);
    const target = page.locator('[data-turn="610"].turn--target');
    await target.waitFor();
    await settle(page);
    const [box, view] = await Promise.all([target.boundingBox(), page.locator('.reader').boundingBox()]);
    expect(box!.y).toBeGreaterThan(view!.y);
    expect(box!.y + box!.height).toBeLessThan(view!.y + view!.height);
    await screenshot(page, 'r1-14-long-transcript');
  });

  it('codes a passage far down, and after a reload it is there', async () => {
    await code(page, 523, 'de eerste stap', 'eerste stap');
    await page.locator('[data-turn="523"] .chip', { hasText: 'eerste stap' }).waitFor();
    await page.reload();
    await page.evaluate((id) => (location.hash = `#/documents/${id}?turn=523`), documentId);
    await page.locator('[data-turn="523"] .chip', { hasText: 'eerste stap' }).waitFor();
    const segments = await api<Array<{ start: number; end: number; text: string }>>(page, 'segments/list', { documentId });
    expect(segments.filter((s) => s.text === 'de eerste stap')).toHaveLength(1);
  });
  it('correcting a turn renders that turn only: the later turns keep their spans, coding and marks still land on the right words', async () => {
    const position = 302;
    await showTurn(page, position);
    const later = await page.evaluate((position) => [...document.querySelectorAll<HTMLElement>('.reader [data-turn]')].map((t) => Number(t.dataset.turn)).filter((p) => p > position), position);
    expect(later.length).toBeGreaterThan(5);
    await page.locator(`[data-turn="${position}"] .turn__edit`).click();
    const area = page.locator(`[data-turn="${position}"] textarea`);
    const words = await area.inputValue();
    // Longer by a word: every later turn and segment moves in the document.
    await area.fill(`${words} Dat zeggen we nog eens, met nadruk.`);
    const drawnTurns = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.reader [data-turn]')].map((t) => Number(t.dataset.turn)));
    const drawnBefore = await drawnTurns();
    await page.evaluate(() => ((window as RenderProbe).__duidingTurnRenders = []));
    await area.press('Control+Enter');
    await page.locator(`[data-turn="${position}"] .turn__text`, { hasText: 'met nadruk' }).waitFor();
    await settle(page);
    const rendered = await page.evaluate(() => {
      const seen = (window as RenderProbe).__duidingTurnRenders ?? [];
      delete (window as RenderProbe).__duidingTurnRenders;
      return [...new Set(seen)];
    });
    // Of the turns drawn, only the corrected one rendered again (its editor closed, its words new);
    // not one of the later turns. Turns the window newly draws (the turn's height changed) render
    // for the first time, as when scrolling.
    expect(rendered.filter((p) => drawnBefore.includes(p))).toEqual([position]);
    expect(drawnBefore.filter((p) => p > position).length).toBeGreaterThan(5);
    expect((await drawnTurns()).filter((p) => drawnBefore.includes(p) && p > position).length).toBeGreaterThan(5);

    // The runs of the later turns, read through their turns' new data-start, are where the core says.
    const [transcript, segments] = await Promise.all([
      api<{ text: string }>(page, 'documents/get', { id: documentId }),
      api<Array<{ start: number; end: number }>>(page, 'segments/list', { documentId }),
    ]);
    const runs = await page.evaluate((position) => {
      const out: Array<{ start: number; text: string; coded: boolean }> = [];
      for (const turn of document.querySelectorAll<HTMLElement>('.reader [data-turn]')) {
        if (Number(turn.dataset.turn) <= position) continue;
        for (const run of turn.querySelectorAll<HTMLElement>('[data-o]')) out.push({ start: Number(turn.dataset.start) + Number(run.dataset.o), text: run.textContent ?? '', coded: run.classList.contains('coded') });
      }
      return out;
    }, position);
    expect(runs.some((r) => r.coded)).toBe(true);
    for (const run of runs) {
      expect(transcript.text.slice(run.start, run.start + run.text.length)).toBe(run.text);
      if (run.coded) expect(segments.some((s) => s.start <= run.start && s.end >= run.start + run.text.length)).toBe(true);
    }
    await screenshot(page, 'r1-15-long-transcript-corrected');

    // A selection in a later turn becomes the right offsets in the document.
    const next = later.find((p) => p > position + 2)!;
    await code(page, next, 'Beurt', 'na de correctie');
    await page.locator(`[data-turn="${next}"] .chip`, { hasText: 'na de correctie' }).waitFor();
    const coded = (await api<Array<{ text: string }>>(page, 'segments/list', { documentId })).filter((s) => s.text === 'Beurt');
    expect(coded).toHaveLength(1);
  });
});
