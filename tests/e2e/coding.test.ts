import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { code, selectWords } from './coding.ts';
import type { Label, RetrievalResult } from '../../src/shared/model.ts';
import { api, fixtureProject, openProject, type Opened } from './project.ts';

describe('coding a transcript in the browser', () => {
  let opened: Opened;
  let page: Page;

  beforeAll(async () => {
    opened = await openProject(fixtureProject('coding', 'LLB'));
    page = opened.page;
    await page.getByRole('link', { name: 'interview-01-aso' }).click();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('codes passages from the palette: new emergent labels, existing ones, overlaps', async () => {
    const turnText = (n: number) => page.locator(`[data-turn="${n}"] .turn__text`).innerText();
    const t1 = await turnText(1);
    const words = t1.split(/\s+/).filter((w) => /^[\p{L}]{4,}$/u.test(w));
    await code(page, 1, words[0]!, 'profiel leerlingenbegeleider');
    await expect.poll(() => page.locator('.chip', { hasText: 'profiel leerlingenbegeleider' }).count()).toBe(1);
    // The segment panel follows the highlight in a deferred render: it comes, just after the paint.
    await page.getByText('Gekozen segment').waitFor();
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
    const labelsBefore = await api<Label[]>(page, 'labels/list');
    await page.getByRole('button', { name: `${count} treffers coderen` }).click();
    await page.getByText(`${count} segmenten dragen nu “zorgcontinuüm”`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Sluiten', exact: true }).first().click();
    const segmentsOf = async (name: string) => (await api<Label[]>(page, 'labels/list')).find((l) => l.name === name)?.segmentCount ?? 0;
    expect(await segmentsOf('zorgcontinuüm')).toBe(count);
    const chips = page.locator('.chip', { hasText: 'zorgcontinuüm' });
    const chipsCoded = await chips.count();

    // One Ctrl+Z takes every auto-coded segment back at once, and nothing that came before it.
    await page.keyboard.press('Control+z');
    await expect.poll(() => segmentsOf('zorgcontinuüm')).toBe(0);
    const labelsUndone = await api<Label[]>(page, 'labels/list');
    const counts = (labels: Label[]) => labels.filter((l) => l.name !== 'zorgcontinuüm').map((l) => [l.name, l.segmentCount]);
    expect(counts(labelsUndone)).toEqual(counts(labelsBefore));
    await expect.poll(() => chips.count()).toBe(0);
    // And one redo brings them all back (the retrieval below reads them).
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => segmentsOf('zorgcontinuüm')).toBe(count);
    await expect.poll(() => chips.count()).toBe(chipsCoded);
  });

  it('writes a memo on a segment', async () => {
    await page.locator('[data-turn="5"] .chip').first().click();
    const editor = page.locator('.segment-panel__memo .rte__content');
    await editor.click();
    await page.keyboard.type('Mooi voorbeeld van taakopvatting.');
    // "Nog niet opgeslagen" contains the word too: wait for the saved state itself.
    await page.locator('.segment-panel__memo .memo-editor__status.is-saved').waitFor();
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
    const label = (await api<Label[]>(page, 'labels/list')).find((l) => l.name === 'zorgcontinuüm')!;
    const core = await api<RetrievalResult>(page, 'retrieval/segments', { labelId: label.id });
    expect(core.total).toBeGreaterThan(1);
    // Every segment, under its transcript's participant (the fixtures tie each transcript to one).
    await expect.poll(() => page.locator('.quote').count()).toBe(core.total);
    const groups = page.locator('.quote-group');
    const documents = [...new Set(core.items.map((i) => i.documentId))];
    expect(await groups.count()).toBe(documents.length);
    for (const [g, documentId] of documents.entries()) {
      const items = core.items.filter((i) => i.documentId === documentId);
      const group = groups.nth(g);
      expect(items[0]!.participant, items[0]!.documentName).not.toBeNull();
      expect(await group.locator('.quote-group__participant').innerText()).toBe(items[0]!.participant!.name);
      expect(await group.locator('.quote-group__document').innerText()).toBe(items[0]!.documentName);
      // Each quote in its context: the words before and after it in its turn, as the core cut them.
      for (const [q, item] of items.entries()) {
        const quote = group.locator('.quote').nth(q);
        expect(await quote.locator('.quote__mark').innerText()).toBe(item.segment.text);
        const context = await quote.locator('.quote__context').allTextContents();
        expect(context.filter((c) => c !== '…')).toEqual([item.before, item.after]);
      }
    }
    expect(core.items.some((i) => i.before.length > 0 || i.after.length > 0)).toBe(true);
    await screenshot(page, 'r1-06-retrieval');
    await page.getByRole('button', { name: 'Transcripten', exact: true }).click();
    await page.getByRole('link', { name: 'interview-01-aso' }).click();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
  });

  it('marks a turn as a section of the interview guide', async () => {
    await page.evaluate(async () => {
      await fetch('./api/call/codebook/applyTemplate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ template: 'llb-study' }) });
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

  it('marks a selection inside a turn as a guide section from the palette; retrieval filters by it', async () => {
    const api = (name: string, body: unknown) =>
      page.evaluate(
        async ({ name, body }) => {
          const response = await fetch(`./api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          return (await response.json()).result;
        },
        { name, body },
      );
    const documentId = /#\/documents\/([^?]+)/.exec(page.url())![1]!;
    const text = await page.locator('[data-turn="9"] .turn__text').innerText();
    // Part of turn 9 only: its first eight words, which hold the passage coded "taakopvatting".
    const part = text.split(/\s+/).slice(0, 8).join(' ').replace(/[.,?!]+$/, '');
    await selectWords(page, 9, part);
    await page.keyboard.press('Control+g');
    const guidePalette = page.getByRole('dialog', { name: 'Markeren als deel van de interviewleidraad' });
    await guidePalette.waitFor();
    await page.keyboard.type('netwerken');
    await expect.poll(() => guidePalette.getByRole('option').first().innerText()).toBe('§ NETWERKEN');
    await screenshot(page, 'r1-08-guide-palette');
    await page.keyboard.press('Enter');
    await guidePalette.waitFor({ state: 'detached' });
    const tag = page.locator('[data-turn="9"] .guide-tag', { hasText: 'NETWERKEN' });
    await tag.waitFor();
    const spans = (await api('guide/spans', { documentId })) as Array<{ sectionTitle: string; start: number; end: number }>;
    const document = (await api('documents/get', { id: documentId })) as { text: string; turns: Array<{ position: number; start: number; end: number }> };
    const span = spans.find((g) => g.sectionTitle === 'NETWERKEN')!;
    const turn9 = document.turns.find((t) => t.position === 9)!;
    expect(document.text.slice(span.start, span.end)).toBe(part);
    expect(span.start).toBe(turn9.start);
    expect(span.end).toBeLessThan(turn9.end);
    // Hovering the mark paints exactly the stretch it covers.
    await tag.hover();
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('guide-span')?.values().next().value?.toString())).toBe(part);
    await screenshot(page, 'r1-09-guide-selection');

    await page.getByRole('button', { name: 'Ophalen', exact: true }).click();
    await page.locator('.retrieval__label', { has: page.getByText('taakopvatting', { exact: true }) }).click();
    await page.getByRole('heading', { name: 'taakopvatting', exact: true }).waitFor();
    await page.getByText(/^\d+ segmenten? in \d+ transcript/).first().waitFor();
    const all = await page.locator('.quote').count();
    await page.getByLabel('Onderdeel leidraad').selectOption({ label: 'NETWERKEN' });
    await expect.poll(() => page.locator('.quote').count()).toBe(1);
    expect(all).toBeGreaterThan(1);
    const quote = await page.locator('.quote .quote__mark').innerText();
    expect(part).toContain(quote.trim());
    await screenshot(page, 'r1-10-retrieval-by-section');
    await page.locator('.quote').getByRole('link', { name: 'Open interview-01-aso bij deze passage' }).click();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
    await page.locator('[data-turn="9"].turn--target').waitFor();
  });

  it('writes a memo on a label beside its definition in the codebook', async () => {
    await page.getByRole('button', { name: 'Codeboek', exact: true }).click();
    await page.getByRole('tree').getByRole('treeitem', { name: 'taakopvatting', exact: true }).click();
    const memo = page.locator('.codebook-detail__memo');
    await memo.locator('.rte__content').click();
    await page.keyboard.type('Taakopvatting: hoe de begeleider de eigen rol ziet, los van de opdracht.');
    await memo.locator('.memo-editor__status.is-saved').waitFor();
    await memo.scrollIntoViewIfNeeded();
    await screenshot(page, 'r1-11-label-memo');
    // Another label shows its own (empty) memo; coming back shows this one again.
    await page.getByRole('tree').getByRole('treeitem', { name: 'zorgcontinuüm' }).click();
    await expect.poll(async () => (await memo.locator('.rte__content').innerText()).trim()).toBe('');
    await page.getByRole('tree').getByRole('treeitem', { name: 'taakopvatting', exact: true }).click();
    await expect.poll(() => memo.locator('.rte__content').innerText()).toContain('los van de opdracht');
  });

  it('writes a memo on a participant in the participant details, reachable from the memos view', async () => {
    await page.getByRole('button', { name: 'Deelnemers', exact: true }).click();
    await page.getByRole('button', { name: 'Details en memo van K.L.' }).click();
    const detail = page.getByRole('complementary', { name: 'K.L.' });
    await detail.getByRole('button', { name: /interview-01-aso/ }).waitFor();
    await detail.locator('.rte__content').click();
    await page.keyboard.type('Begeleider sinds twaalf jaar; denkt in termen van brede basiszorg.');
    await detail.locator('.memo-editor__status.is-saved').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Details en memo van K.L.' }).innerText()).toContain('1 memo');
    await screenshot(page, 'r1-12-participant-memo');
    await page.getByRole('button', { name: "Memo's", exact: true }).click();
    await page.locator('.memo-card--participant .memo-card__open', { hasText: 'K.L.' }).click();
    await expect.poll(() => detail.locator('.rte__content').innerText()).toContain('brede basiszorg');
    await page.getByRole('button', { name: 'Transcripten', exact: true }).click();
    await page.getByRole('link', { name: 'interview-01-aso' }).click();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
  });

  it('sets who is coding once; the next codings carry that name', async () => {
    await page.locator('.coder-button').click();
    await page.getByLabel('Je naam').fill('An');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await expect.poll(() => page.locator('.coder-button').innerText()).toContain('An');
    // The words as stored: turns out of view are not rendered (content-visibility), so their innerText is empty.
    const text = (await page.locator('[data-turn="21"] .turn__text').textContent()) ?? '';
    await code(page, 21, text.split(/\s+/).slice(1, 4).join(' ').replace(/[.,?!]+$/, ''), 'taakopvatting');
    await expect.poll(() => page.locator('.segment-panel__labels').innerText()).toContain('An');
  });

  it('keeps everything exactly after a reload', async () => {
    const state = () =>
      page.evaluate(async () => {
        const post = async (name: string, body: unknown) =>
          (await (await fetch(`./api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()).result;
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

  it('draws a coding at the keypress, and takes it back with the reason when the core refuses it', async () => {
    // The page's calls travel over its socket; this one answers `codings/apply` with a refusal, a
    // moment late, and passes every other call on to the server.
    await page.routeWebSocket(/\/api\/socket/, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        const call = JSON.parse(String(message)) as { id: number; name: string };
        if (call.name !== 'codings/apply') return server.send(message);
        setTimeout(() => socket.send(JSON.stringify({ id: call.id, reply: { ok: false, error: { kind: 'input', message: 'Het label bestaat niet meer.' } } })), 400);
      });
    });
    await page.reload();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
    await expect.poll(() => page.locator('.margin-labels').count()).toBeGreaterThanOrEqual(10);
    const before = await page.locator('.margin-labels').count();
    const text = (await page.locator('[data-turn="23"] .turn__text').textContent()) ?? '';
    await code(page, 23, text.split(/\s+/).slice(1, 4).join(' ').replace(/[.,?!]+$/, ''), 'taakopvatting');
    // Drawn before any answer came…
    expect(await page.locator('.margin-labels').count()).toBe(before + 1);
    // …and gone again once the refusal came, which the banner names.
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Het label bestaat niet meer.');
    expect(await page.locator('.margin-labels').count()).toBe(before);
    await screenshot(page, 'r1-13-coding-refused');
    await page.unrouteAll();
    await page.reload();
    await page.getByRole('heading', { name: 'interview-01-aso' }).waitFor();
    await expect.poll(() => page.locator('.margin-labels').count()).toBe(before);
  });
});
