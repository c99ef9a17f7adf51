/**
 * Issue 29 in the screens: "Generate" makes the appendix's shape from learning questions and tensions;
 * a quote is edited in place (refused while a word does not fit, kept when all do, its verbatim text
 * one click away); generating again shows what it would add and merges; a correction of the
 * transcript that the edit no longer fits shows as a flag. Screenshots r29-01…05 are looked at.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary, Segment } from '../../src/shared/model.ts';
import type { Outline, Tension } from '../../src/shared/analysis.ts';
import { screenshot } from './browser.ts';
import { api, duiding, fixtureProject, openProject, type Opened } from './project.ts';

const sentenceWith = (word: string) => `[A-Z][^.?!\\n]{0,160}\\b${word}[^.?!\\n]{0,160}[.?!]`;

describe('edited quotes and a generated outline, in the screens', () => {
  let opened: Opened;
  let page: Page;
  let tension: Tension;

  beforeAll(async () => {
    const project = fixtureProject('quotes', 'Leerlingenbegeleiding');
    duiding(['autocode', project.file, '--label', 'gesprekken', '--regex', sentenceWith('gesprek'), '--scope', 'match']);
    duiding(['autocode', project.file, '--label', 'samenwerking', '--regex', sentenceWith('collega'), '--scope', 'match']);
    opened = await openProject(project);
    page = opened.page;
    await page.getByRole('heading', { name: 'Transcripten' }).waitFor();
    // Round 3 as the researcher left it: two questions with quotes, tensions in two groups.
    const documents = await api<DocumentSummary[]>(page, 'documents/list');
    const segments: Segment[] = [];
    for (const doc of documents) segments.push(...(await api<Segment[]>(page, 'segments/list', { documentId: doc.id })));
    const long = segments.filter((s) => s.text.split(' ').length >= 12);
    await api(page, 'learningQuestions/create', { question: 'Hoe voer ik gesprekken met leerlingen en ouders?', kind: 'explicit', segmentIds: [long[0]!.id, long[1]!.id] });
    await api(page, 'learningQuestions/create', { question: 'Hoe ondersteun en coach ik leerkrachten?', kind: 'implicit', segmentIds: [long[2]!.id] });
    tension = await api<Tension>(page, 'tensions/create', {
      title: 'Doelpubliek', poleA: 'leerlingen', poleB: 'schoolteam', group: 'Zelfopvatting leerlingenbegeleiding',
      findings: ['Leerlingenbegeleiders voelen zich voor heel veel zaken verantwoordelijk.'], implications: ['Het schoolbeleid uitschrijven wordt als administratieve taak gezien.'],
      quotes: [{ segmentId: long[3]!.id }], reportOrder: ['finding', 'implication', 'quote'],
    });
    await api(page, 'tensions/create', { title: 'Uren', poleA: 'uren', poleB: 'taken', group: 'Personeelsbeleid', findings: ['Uren worden per school anders verdeeld.'], quotes: [{ segmentId: long[4]!.id }] });
  }, 150_000);

  afterAll(async () => {
    await opened?.close();
  });

  const outline = () => api<Outline>(page, 'outline/get');

  it('generates, edits a quote (refused, then kept), merges a new finding, and flags the edit after a correction', async () => {
    await page.getByRole('navigation', { name: 'Rondes van de analyse' }).getByRole('button', { name: /Rapport/ }).click();
    await page.getByRole('heading', { name: 'Nog geen overzicht' }).waitFor();
    await page.getByRole('button', { name: 'Overzicht genereren' }).last().click();
    await page.locator('[data-section-id]').first().waitFor();
    const generated = await outline();
    expect(generated.sections.map((s) => [s.depth, s.title])).toEqual([
      [0, 'Hoe voer ik gesprekken met leerlingen en ouders?'],
      [0, 'Hoe ondersteun en coach ik leerkrachten?'],
      [0, 'Spanningsvelden'],
      [1, 'Zelfopvatting leerlingenbegeleiding'],
      [2, 'Doelpubliek'],
      [1, 'Personeelsbeleid'],
      [2, 'Uren'],
    ]);
    expect(generated.sections[4]!.items.map((i) => i.kind)).toEqual(['finding', 'implication', 'quote']);
    // The preview numbers the groups as the appendix does.
    await expect.poll(() => page.locator('.report-preview').innerText()).toContain('1) Zelfopvatting leerlingenbegeleiding');
    await expect.poll(() => page.locator('.report-preview').innerText()).toContain('2) Personeelsbeleid');
    await screenshot(page, 'r29-01-generated-outline');

    // Edit the first quote: a word of one's own outside brackets is refused, by name.
    const item = generated.sections[0]!.items[0]!;
    const verbatim = generated.quotes[item.segmentId!]!.text;
    const words = verbatim.split(' ');
    const card = page.locator(`[data-item-id="${item.id}"]`);
    await card.getByRole('button', { name: /Citaat bewerken/ }).click();
    const editor = card.getByRole('textbox', { name: 'Bewerkt citaat' });
    await editor.fill(`${words.slice(0, 3).join(' ')} zeker ${words.slice(3).join(' ')}`);
    await expect.poll(() => card.locator('.quote-editor__check').innerText()).toContain('“zeker” staat hier niet in de passage');
    await expect.poll(() => card.getByRole('button', { name: 'Bewerking bewaren' }).isDisabled()).toBe(true);
    await screenshot(page, 'r29-02-quote-refused');
    // Words left out with (…) and one added in brackets: every word fits, and it is kept.
    const edited = `[De leerlingenbegeleider:] ${words.slice(0, 4).join(' ')} (…) ${words.slice(-4).join(' ')}`;
    await editor.fill(edited);
    await expect.poll(() => card.locator('.quote-editor__check').innerText()).toBe('Elk woord past bij de passage.');
    await card.getByRole('button', { name: 'Bewerking bewaren' }).click();
    await expect.poll(async () => (await outline()).edits[item.id]?.text).toBe(edited);
    await expect.poll(() => card.locator('.outline-item__text').innerText()).toBe(edited);
    await card.getByRole('button', { name: 'Letterlijke tekst' }).click();
    await expect.poll(() => card.locator('.quote-editor__verbatim').innerText()).toContain(verbatim.slice(0, 40));
    await expect.poll(() => page.locator('.report-preview').innerText()).toContain(edited);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'r29-03-quote-edited');

    // The analysis grows; "Generate" again shows what it would add and keeps the edit.
    await api(page, 'tensions/update', { id: tension.id, findings: [...tension.findings, 'Ze zien zich vooral als begeleider van leerlingen.'] });
    await page.getByRole('button', { name: 'Overzicht genereren' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Opnieuw genereren' });
    await dialog.getByText('Ze zien zich vooral als begeleider van leerlingen.').waitFor();
    await screenshot(page, 'r29-04-merge-plan');
    await dialog.getByRole('button', { name: '1 toevoegen' }).click();
    await expect.poll(async () => (await outline()).sections[4]!.items.map((i) => i.kind)).toEqual(['finding', 'finding', 'implication', 'quote']);
    expect((await outline()).edits[item.id]!.text).toBe(edited);

    // A correction of a word the edit keeps: the quote is flagged, its edited words unchanged.
    const quote = (await outline()).quotes[item.segmentId!]!;
    const doc = await api<{ turns: Array<{ position: number; start: number; end: number; text: string }> }>(page, 'documents/get', { id: quote.documentId });
    const turn = doc.turns.find((t) => t.start <= quote.start && quote.start < t.end)!;
    const kept = words[1]!.replace(/[^\p{L}]/gu, '');
    await api(page, 'transcript/edit-turn', { documentId: quote.documentId, position: turn.position, text: turn.text.replace(kept, `${kept}x`) });
    await expect.poll(() => card.locator('.quote-editor__flag').innerText()).toContain('past niet meer');
    expect((await outline()).edits[item.id]).toMatchObject({ text: edited, problem: { code: expect.stringMatching(/quoteEdit/) } });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'r29-05-quote-flagged');
  }, 180_000);
});
