import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Concept, ConceptLink, LearningQuestion, Matrix, Outline, RelationType, Tension } from '../../src/shared/analysis.ts';
import { screenshot } from './browser.ts';
import { api, duiding, fixtureProject, openProject, type Opened } from './project.ts';

/** Labels coded across the fixture interviews by the CLI, so that rounds 2 and 3 have material. */
const sentenceWith = (word: string) => `[A-Z][^.?!\\n]{0,160}\\b${word}[^.?!\\n]{0,160}[.?!]`;
const AUTOCODE: Array<[label: string, option: string, value: string]> = [
  ['samenwerking leerkrachten', '--regex', sentenceWith('leerkrachten')],
  ['contact met ouders', '--regex', sentenceWith('ouders')],
  ['gesprekken', '--regex', sentenceWith('gesprek')],
  ['zorg', '--regex', sentenceWith('zorg')],
  ['vragen van begeleiders', '--regex', 'Hoe [^.?!]{8,140}\\?'],
];

/** Everything rounds 2 and 3 wrote, as the core has it. */
async function snapshot(page: Page) {
  const [concepts, links, relations, questions, tensions, outline, layout] = await Promise.all([
    api<Concept[]>(page, 'concepts/list'),
    api<ConceptLink[]>(page, 'links/list'),
    api<RelationType[]>(page, 'relations/list'),
    api<LearningQuestion[]>(page, 'learningQuestions/list'),
    api<Tension[]>(page, 'tensions/list'),
    api<Outline>(page, 'outline/get'),
    api<Array<{ conceptId: string; x: number; y: number }>>(page, 'map/layout'),
  ]);
  return { concepts, links, relations, questions, tensions, outline, layout };
}

/** What of the top bar does not fit: elements past the window's edge, screens scrolled out of sight, a title cut short. */
async function topBarMisfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const misfits: string[] = [];
    for (const el of document.querySelectorAll('.topbar *, .subbar *')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && (box.left < -0.5 || box.right > window.innerWidth + 0.5)) misfits.push(`outside: ${el.textContent?.trim() || el.className}`);
    }
    const screens = document.querySelector('.round-screens');
    if (screens && screens.scrollWidth > screens.clientWidth + 1) misfits.push('round screens scroll');
    // With an ellipsis the text keeps its full width while its box shrinks: compare the two.
    const title = document.querySelector('.topbar__project')!;
    const range = document.createRange();
    range.selectNodeContents(title);
    const style = getComputedStyle(title);
    const room = title.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    if (range.getBoundingClientRect().width > room + 0.5) misfits.push(`title cut: ${title.textContent}`);
    return misfits;
  });
}

const tab = (page: Page, name: RegExp | string) => page.getByRole('navigation', { name: 'Rondes van de analyse' }).getByRole('button', { name });
const screen = (page: Page, name: string) => page.locator('.round-screens').getByRole('button', { name, exact: true });

describe('rounds 2 and 3 in the browser', () => {
  let opened: Opened;
  let page: Page;

  beforeAll(async () => {
    const project = fixtureProject('analysis', 'Leerlingenbegeleiding');
    for (const [label, option, value] of AUTOCODE) duiding(['autocode', project.file, '--label', label, option, value, '--scope', 'match', '--speakers', 'all']);
    opened = await openProject(project);
    page = opened.page;
    await page.getByRole('heading', { name: 'Transcripten' }).waitFor();
  }, 150_000);

  afterAll(async () => {
    await opened?.close();
  });

  it('shows the rounds as the navigation, with what is left to do', async () => {
    await tab(page, /Concepten/).click();
    await page.getByRole('heading', { name: 'Concepten', level: 1 }).waitFor();
    // Five labels, none in a concept yet: all five are listed as left to do, and counted on the tab.
    const todo = page.locator('.round-todo', { hasText: 'Labels nog in geen concept' });
    await expect.poll(() => todo.locator('.round-todo__items li').count()).toBe(5);
    expect(await tab(page, /Concepten/).innerText()).toMatch(/5/);
    await screenshot(page, 'r2-01-round-overview');
  });

  it('creates three concepts from labels', async () => {
    await screen(page, 'Concepten').click();
    await page.getByRole('heading', { name: 'Nog geen concepten' }).waitFor();
    const make = async (name: string, labels: string[]) => {
      await page.getByRole('button', { name: '+ Nieuw concept' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Nieuw concept' });
      await dialog.getByLabel('Naam').fill(name);
      for (const label of labels) {
        await dialog.getByRole('combobox', { name: 'Een label zoeken' }).fill(label);
        await dialog.getByRole('option', { name: new RegExp(label) }).click();
      }
      await dialog.getByRole('button', { name: 'Concept maken' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('.concept-page__name input').inputValue()).toBe(name);
    };
    await make('Samenwerking', ['samenwerking leerkrachten', 'gesprekken']);
    await make('Betrokkenheid ouders', ['contact met ouders']);
    await make('Zorgbeleid', ['zorg']);
    const concepts = await api<Concept[]>(page, 'concepts/list');
    expect(concepts.map((c) => c.name)).toEqual(['Samenwerking', 'Betrokkenheid ouders', 'Zorgbeleid']);
    expect(concepts[0]!.labelIds).toHaveLength(2);
    // The concept page shows its quotes by participant, as many as the core counts.
    await page.locator('.side-list__item', { hasText: 'Samenwerking' }).click();
    const groups = page.locator('.concept-page .quote-group');
    await expect.poll(() => groups.count()).toBeGreaterThan(1);
    await expect.poll(() => page.locator('.concept-page .quote-group .quote').count()).toBe(concepts[0]!.segmentCount);
    await page.locator('.concept-page .rte__content').click();
    await page.keyboard.type('Hoe begeleiders en leerkrachten samen zorg dragen.');
    await page.locator('.concept-page__name input').click();
    await expect.poll(async () => (await api<Concept[]>(page, 'concepts/list'))[0]!.definition).toBe('Hoe begeleiders en leerkrachten samen zorg dragen.');
    await page.locator('.split__main').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'r2-02-concept');
  });

  it('follows undo and redo on the concept page: the definition, then a whole concept', async () => {
    const editor = page.locator('.concept-page .rte__content');
    const names = async () => (await api<Concept[]>(page, 'concepts/list')).map((c) => c.name);
    // Ctrl+Z belongs to a text field while one has focus; the project's undo works from anywhere else.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await editor.innerText()).trim()).toBe('');
    expect((await api<Concept[]>(page, 'concepts/list'))[0]!.definition).toBe('');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.side-list__item').count()).toBe(2);
    expect(await names()).toEqual(['Samenwerking', 'Betrokkenheid ouders']);
    await expect.poll(() => page.locator('.concept-page__name input').inputValue()).toBe('Samenwerking');
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await editor.innerText()).trim()).toBe('Hoe begeleiders en leerkrachten samen zorg dragen.');
    expect(await names()).toEqual(['Samenwerking', 'Betrokkenheid ouders', 'Zorgbeleid']);
    await expect.poll(() => page.locator('.side-list__item').count()).toBe(3);
  });

  it('reads the commonalities matrix and opens the quotes of a cell', async () => {
    await screen(page, 'Gemeenschappelijkheden').click();
    const table = page.locator('table.heat');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    const matrix = await api<Matrix>(page, 'matrix/get', { rows: 'concepts', by: 'participant' });
    // Every count in the screen is the core's, written in the cell.
    const firstRow = await table.locator('tbody tr').first().locator('td.heat__cell').allInnerTexts();
    expect(firstRow.map(Number)).toEqual(matrix.items[0]!.cells);
    const column = matrix.items[0]!.cells.findIndex((n) => n > 0);
    const count = matrix.items[0]!.cells[column]!;
    await table.locator('tbody tr').first().locator('td.heat__cell').nth(column).getByRole('button').click();
    const panel = page.getByRole('complementary', { name: 'Citaten van de gekozen cel' });
    await expect.poll(() => panel.locator('.quote').count()).toBe(count);
    // Grouped by school type: a group header row, the same counts.
    await page.getByLabel('Kolommen groeperen op').selectOption('schooltype');
    await table.locator('.heat__groups th', { hasText: 'ASO' }).waitFor();
    await screenshot(page, 'r2-03-matrix');
    // Labels × participants.
    const controls = page.getByRole('group', { name: 'Wat de tabel toont' });
    await controls.getByRole('button', { name: 'Labels', exact: true }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    await controls.getByRole('button', { name: 'Concepten', exact: true }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
  });

  it('links two concepts on the map with a typed relation, by dragging', async () => {
    await tab(page, /Leervragen/).click();
    await screen(page, 'Conceptenkaart').click();
    const node = (name: string) => page.locator('.react-flow__node', { hasText: name });
    await node('Zorgbeleid').waitFor();
    // Drag from a handle of one concept onto another, as a mouse does.
    const from = await node('Samenwerking').locator('.react-flow__handle-right').boundingBox();
    const to = await node('Betrokkenheid ouders').locator('.react-flow__handle-left').boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move((from!.x + to!.x) / 2, (from!.y + to!.y) / 2 + 10, { steps: 8 });
    await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 8 });
    await page.mouse.up();
    const dialog = page.getByRole('dialog', { name: 'Nieuw verband' });
    await dialog.getByRole('radio', { name: /leidt tot/ }).check();
    await dialog.getByLabel('Memo').fill('Wie samenwerkt, betrekt ook de ouders.');
    await dialog.getByRole('button', { name: 'Verband maken' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.react-flow__edge-text', { hasText: 'leidt tot' }).waitFor();
    // A concept moved on the map keeps its place.
    const box = await node('Zorgbeleid').boundingBox();
    await page.mouse.move(box!.x + 30, box!.y + 20);
    await page.mouse.down();
    await page.mouse.move(box!.x + 90, box!.y + 140, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await api<unknown[]>(page, 'map/layout')).length).toBeGreaterThan(0);
    const links = await api<ConceptLink[]>(page, 'links/list');
    const relations = await api<RelationType[]>(page, 'relations/list');
    expect(links).toHaveLength(1);
    expect(relations.find((r) => r.id === links[0]!.relationTypeId)?.key).toBe('leads-to');
    expect(links[0]!.memo).toBe('Wie samenwerkt, betrekt ook de ouders.');
    await screenshot(page, 'r3-01-concept-map');
    // Without a mouse: the links are listed beside the map, and one opens with Enter.
    const listed = page.getByRole('list', { name: 'De verbanden op de kaart' }).getByRole('button');
    expect(await listed.count()).toBe(1);
    await listed.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.map__panel').getByLabel('Memo').inputValue()).toBe('Wie samenwerkt, betrekt ook de ouders.');
    await page.locator('.map__panel').getByRole('button', { name: 'Sluiten' }).click();
  });

  it('makes an explicit learning question from a segment and an implicit one', async () => {
    // The explicit one: a passage in which a participant asks "Hoe …?".
    await tab(page, /Labels/).click();
    await page.getByRole('link', { name: 'interview-02-aso' }).click();
    await page.getByRole('heading', { name: 'interview-02-aso' }).waitFor();
    const questions = await api<{ items: Array<{ segment: { id: string; text: string }; documentName: string }> }>(page, 'retrieval/segments', {
      labelId: (await api<Array<{ id: string; name: string }>>(page, 'labels/list')).find((l) => l.name === 'vragen van begeleiders')!.id,
    });
    const asked = questions.items.find((i) => i.documentName === 'interview-02-aso')!;
    await page.locator(`.coded[data-segments~="${asked.segment.id}"]`).first().click();
    await page.locator('.segment-panel').getByRole('button', { name: 'Leervraag maken' }).click();
    await page.locator('.segment-panel').getByRole('button', { name: 'Openen' }).click();
    await expect.poll(() => page.locator('#lq-question').inputValue()).toBe(asked.segment.text);
    await page.getByLabel('Niveau of groep').fill('de leerlingenbegeleider');
    await page.getByLabel('Niveau of groep').press('Enter');
    // The implicit one, with a concept and quotes picked from it.
    await page.getByRole('button', { name: '+ Nieuwe vraag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe leervraag' });
    await dialog.getByLabel('Vraag').fill('Hoe betrek ik het team bij de zorg?');
    await dialog.getByLabel('Niveau of groep').fill('het team');
    await dialog.getByRole('button', { name: 'Vraag maken' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('#lq-question').inputValue()).toBe('Hoe betrek ik het team bij de zorg?');
    await page.getByRole('button', { name: '+ Concept toevoegen' }).click();
    await page.getByRole('combobox', { name: 'Concept toevoegen' }).fill('Zorgbeleid');
    await page.getByRole('combobox', { name: 'Concept toevoegen' }).press('Enter');
    await page.locator('.concept-chips .pill', { hasText: 'Zorgbeleid' }).waitFor();
    await page.getByRole('button', { name: '+ Citaten toevoegen…' }).click();
    const picker = page.getByRole('dialog', { name: 'Ondersteunende citaten toevoegen' });
    await picker.getByRole('checkbox').nth(0).check();
    await picker.getByRole('checkbox').nth(1).check();
    await picker.getByRole('button', { name: '2 citaten toevoegen' }).click();
    await expect.poll(() => page.locator('.supporting .quote').count()).toBe(2);
    const made = await api<LearningQuestion[]>(page, 'learningQuestions/list');
    expect(made.map((q) => [q.kind, q.level])).toEqual([
      ['explicit', 'de leerlingenbegeleider'],
      ['implicit', 'het team'],
    ]);
    expect(made[0]!.sourceSegmentId).toBe(asked.segment.id);
    expect(made[1]!.segmentIds).toHaveLength(2);
    expect(made[1]!.conceptIds).toHaveLength(1);
    await screenshot(page, 'r3-02-learning-question');
  });

  it('makes a tension with two poles, findings, an implication and quotes', async () => {
    await screen(page, 'Spanningsvelden').click();
    await page.getByRole('button', { name: '+ Nieuw spanningsveld' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw spanningsveld' });
    await dialog.getByLabel('Titel').fill('Doelpubliek');
    await dialog.getByLabel('Pool 1').fill('alle leerlingen');
    await dialog.getByLabel('Pool 2').fill('leerlingen in een risicosituatie');
    await dialog.getByLabel('Groep').fill('Zelfopvatting leerlingenbegeleiding');
    await dialog.getByRole('button', { name: 'Spanningsveld maken' }).click();
    await dialog.waitFor({ state: 'detached' });
    const findings = page.locator('fieldset', { hasText: 'Bevindingen' });
    for (const [i, text] of ['Begeleiders willen er voor iedereen zijn.', 'De tijd gaat naar de zwaarste dossiers.'].entries()) {
      await findings.getByRole('textbox', { name: 'Bevinding', exact: true }).fill(text);
      await findings.getByRole('textbox', { name: 'Bevinding', exact: true }).press('Enter');
      await expect.poll(() => findings.locator('.line-list__item').count()).toBe(i + 1);
    }
    const implications = page.locator('fieldset', { hasText: 'Implicaties' });
    await implications.getByRole('textbox', { name: 'Implicatie', exact: true }).fill('Maak samen met het team een visie op brede zorg.');
    await implications.getByRole('textbox', { name: 'Implicatie', exact: true }).press('Enter');
    await expect.poll(() => implications.locator('.line-list__item').count()).toBe(1);
    await page.getByRole('button', { name: '+ Concept toevoegen' }).click();
    await page.getByRole('combobox', { name: 'Concept toevoegen' }).fill('Zorgbeleid');
    await page.getByRole('combobox', { name: 'Concept toevoegen' }).press('Enter');
    await page.getByRole('button', { name: '+ Citaten toevoegen…' }).click();
    const picker = page.getByRole('dialog', { name: 'Ondersteunende citaten toevoegen' });
    await picker.getByRole('checkbox').nth(2).check();
    await picker.getByRole('checkbox').nth(3).check();
    await picker.getByRole('button', { name: '2 citaten toevoegen' }).click();
    await expect.poll(() => page.locator('.supporting .quote').count()).toBe(2);
    await page.locator('.supporting .quote').first().getByLabel('Spreekt voor').selectOption('2');
    await expect.poll(async () => (await api<Tension[]>(page, 'tensions/list'))[0]!.quotes.map((q) => q.pole ?? null)).toEqual([2, null]);
    const [tension] = await api<Tension[]>(page, 'tensions/list');
    expect(tension).toMatchObject({
      title: 'Doelpubliek',
      poleA: 'alle leerlingen',
      poleB: 'leerlingen in een risicosituatie',
      group: 'Zelfopvatting leerlingenbegeleiding',
      findings: ['Begeleiders willen er voor iedereen zijn.', 'De tijd gaat naar de zwaarste dossiers.'],
      implications: ['Maak samen met het team een visie op brede zorg.'],
    });
    await page.locator('.split__main').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'r3-03-tension');
  });

  it('undoes and redoes an analysis action', async () => {
    const findings = page.locator('fieldset', { hasText: 'Bevindingen' });
    await findings.getByRole('button', { name: /“De tijd gaat naar de zwaarste dossiers\.” weghalen/ }).click();
    await expect.poll(() => findings.locator('.line-list__item').count()).toBe(1);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => findings.locator('.line-list__item').count()).toBe(2);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => findings.locator('.line-list__item').count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => findings.locator('.line-list__item').count()).toBe(2);
    expect((await api<Tension[]>(page, 'tensions/list'))[0]!.findings).toHaveLength(2);
  });

  it('generates the outline, moves an item, and keeps everything after a reload', async () => {
    await tab(page, /Rapport/).click();
    await page.getByRole('button', { name: 'Overzicht genereren' }).first().click();
    await page.locator('.outline-section').first().waitFor();
    const preview = page.getByRole('article', { name: 'Voorbeeld van het rapport' });
    await preview.locator('[data-kind="implication"]', { hasText: '--> Maak samen met het team een visie op brede zorg.' }).waitFor();
    await expect.poll(() => preview.locator('[data-kind="finding"]').count()).toBe(2);
    const before = await api<Outline>(page, 'outline/get');
    const section = before.sections.find((s) => s.items.length >= 2)!;
    const [first, second] = section.items;
    const card = page.locator(`[data-section-id="${section.id}"]`);
    await card.locator(`[data-item-id="${first!.id}"]`).getByRole('button', { name: 'Onderdeel omlaag' }).click();
    await expect.poll(async () => (await api<Outline>(page, 'outline/get')).sections.find((s) => s.id === section.id)!.items.slice(0, 2).map((i) => i.id)).toEqual([second!.id, first!.id]);
    await expect.poll(() => card.locator('.outline-item').first().getAttribute('data-item-id')).toBe(second!.id);
    await screenshot(page, 'r3-04-report');

    const saved = await snapshot(page);
    expect(saved.concepts).toHaveLength(3);
    await page.reload();
    await page.locator('.outline-section').first().waitFor();
    expect(await snapshot(page)).toEqual(saved);
    await expect.poll(() => page.locator(`[data-section-id="${section.id}"] .outline-item`).first().getAttribute('data-item-id')).toBe(second!.id);
    // A quote in the preview leads to its source in the transcript.
    await preview.locator('.report-preview__source').first().click();
    await page.locator('.turn--target').waitFor();
  });

  it('shows every item of the outline in place, and adds an item where the cursor is only once something is typed', async () => {
    const before = await api<Outline>(page, 'outline/get');
    const section = before.sections.find((s) => s.items.some((i) => i.kind === 'finding'))!;
    // An introduction stored as plain text only (as a generated outline has it) is shown, not an empty field.
    await api(page, 'outline/updateSection', { id: section.id, text: 'Een inleiding die de spanning situeert.', rich: null });
    await page.reload();
    await tab(page, /Rapport/).click();
    const card = page.locator(`[data-section-id="${section.id}"]`);
    await card.waitFor();
    await expect.poll(() => card.getByRole('textbox', { name: 'Inleiding' }).textContent()).toBe('Een inleiding die de spanning situeert.');
    const count = before.sections.find((s) => s.id === section.id)!.items.length;
    const firstItem = card.locator('.outline-item').first();
    await firstItem.locator('.drag-handle').focus();

    // "+ Alinea" opens an editor right after the item, with focus in it; left empty, nothing is saved.
    await card.getByRole('group').getByRole('button', { name: '+ Alinea' }).click();
    await card.locator('.outline-item.is-draft').waitFor();
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.is-draft')))).toBe(true);
    expect(await card.locator('.outline-item').nth(1).evaluate((el) => el.classList.contains('is-draft'))).toBe(true);
    await page.locator('.report__header h1').click();
    await expect.poll(() => card.locator('.outline-item.is-draft').count()).toBe(0);
    expect((await api<Outline>(page, 'outline/get')).sections.find((s) => s.id === section.id)!.items).toHaveLength(count);
    await expect.poll(() => page.locator('.toast, [role="alert"]').filter({ hasText: /needs|nodig/ }).count()).toBe(0);

    // "+ Bevinding": typed over two lines, saved as one item in that place, and printed by the preview.
    await firstItem.locator('.drag-handle').focus();
    await card.getByRole('group').getByRole('button', { name: '+ Bevinding' }).click();
    await page.keyboard.type('Begeleiders willen er voor iedereen zijn.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ze voelen zich verantwoordelijk voor alles.');
    await page.locator('.report__header h1').click();
    const text = 'Begeleiders willen er voor iedereen zijn.\nZe voelen zich verantwoordelijk voor alles.';
    await expect.poll(async () => (await api<Outline>(page, 'outline/get')).sections.find((s) => s.id === section.id)!.items[1]).toMatchObject({ kind: 'finding', text });
    await expect.poll(() => card.locator('.outline-item').nth(1).locator('textarea').inputValue()).toBe(text);
    const preview = page.getByRole('article', { name: 'Voorbeeld van het rapport' });
    await preview.locator('[data-kind="finding"]', { hasText: 'Ze voelen zich verantwoordelijk voor alles.' }).waitFor();
    await screenshot(page, 'r3-05-outline-editor');

    // "+ Sectie" brings the new section into view.
    await page.getByRole('button', { name: '+ Sectie' }).first().click();
    await expect.poll(async () => (await api<Outline>(page, 'outline/get')).sections.length).toBe(before.sections.length + 1);
    const added = page.locator('.outline-section').last();
    await expect
      .poll(() =>
        added.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.top < window.innerHeight;
        }),
      )
      .toBe(true);
    await api(page, 'outline/deleteSection', { id: (await added.getAttribute('data-section-id'))! });
  });

  it('fits the top bar, title whole, on a 1440×900 screen and on a 1280×800 laptop, in Dutch and English', async () => {
    const views = [
      { name: 'Labels', screen: 'Transcripten', heading: 'Transcripten' },
      { name: 'Rapport', heading: 'Rapport' },
    ];
    for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      for (const view of views) {
        await tab(page, view.name).click();
        if (view.screen) await screen(page, view.screen).click();
        await page.getByRole('heading', { name: view.heading, level: 1 }).waitFor();
        expect(await topBarMisfits(page), `${view.name} at ${size.width}`).toEqual([]);
        await expect.poll(() => page.locator('.topbar__project').innerText()).toBe('Leerlingenbegeleiding');
      }
    }
    await screenshot(page, 'r3-05-report-1280');
    await page.locator('.subbar').getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('navigation', { name: 'Rounds of the analysis' }).waitFor();
    expect(await topBarMisfits(page), 'English at 1280').toEqual([]);
    await page.locator('.subbar').getByRole('button', { name: 'NL', exact: true }).click();
    await tab(page, 'Rapport').waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
