/**
 * Issue 22: an outline of the study's appendix (seed 001) built in the screens alone, as a researcher
 * would — a question theme with quotes; a tensions part with an introduction, numbered groups,
 * sub-themes with two-line findings, a titled bullet with its paragraph, quotes and `-->`
 * implications; the title block in the appendix's order — then exported as .docx through the export
 * dialog and read back paragraph by paragraph: every element, in order, with its style and number.
 * The live preview shows the same paragraphs. The pages LibreOffice makes of it are kept to look at.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outline } from '../../src/shared/analysis.ts';
import { readDocx, wordLabels } from '../reports/docx-reader.ts';
import { renderPages, REPORT_ARTIFACTS } from '../reports/libreoffice.ts';
import { screenshot } from './browser.ts';
import { api, duiding, fixtureProject, openProject, type Opened } from './project.ts';

const sentenceWith = (word: string) => `[A-Z][^.?!\\n]{0,160}\\b${word}[^.?!\\n]{0,160}[.?!]`;

/** One printed paragraph as a reader compares them: kind, number or bullet, text, Word style, bold words. */
interface Seen {
  label: string | null;
  text: string;
  style: string;
  bold: string;
}

const TWO_LINES = 'Leerlingenbegeleiders voelen zich voor heel veel zaken verantwoordelijk.\nZe zijn minder bezig met het betrekken van het hele schoolteam.';

describe('the appendix, built in the screens and read back from Word', () => {
  let opened: Opened;
  let page: Page;

  beforeAll(async () => {
    const project = fixtureProject('report', 'Leerlingenbegeleiding');
    duiding(['autocode', project.file, '--label', 'gesprekken', '--regex', sentenceWith('gesprek'), '--scope', 'match']);
    duiding(['autocode', project.file, '--label', 'samenwerking', '--regex', sentenceWith('collega'), '--scope', 'match']);
    opened = await openProject(project);
    page = opened.page;
    await page.getByRole('heading', { name: 'Transcripten' }).waitFor();
  }, 150_000);

  afterAll(async () => {
    await opened?.close();
  });

  const outline = () => api<Outline>(page, 'outline/get');
  async function card(title: string): Promise<Locator> {
    await expect.poll(async () => (await outline()).sections.some((s) => s.title === title)).toBe(true);
    const id = (await outline()).sections.find((s) => s.title === title)!.id;
    return page.locator(`[data-section-id="${id}"]`);
  }
  /** The section just added (its title selected, as the editor leaves it) gets its title typed. */
  async function nameNewSection(count: number, title: string): Promise<Locator> {
    await expect.poll(async () => (await outline()).sections.length).toBe(count);
    const fresh = (await outline()).sections.find((s) => /^Nieuwe (sub)?sectie$/.test(s.title))!;
    const input = page.locator(`[data-section-id="${fresh.id}"] .outline-section__title input`);
    await input.fill(title);
    await input.press('Enter');
    return card(title);
  }
  const addButton = (section: Locator, name: string) => section.getByRole('group').getByRole('button', { name, exact: true });
  const away = () => page.locator('.report__header h1').click();
  async function itemsOf(title: string) {
    return (await outline()).sections.find((s) => s.title === title)!.items;
  }
  /** "+ Bevinding" or "+ Implicatie": typed where the cursor is, saved once the focus leaves it. */
  async function addText(section: Locator, title: string, kind: 'Bevinding' | 'Implicatie', text: string, heading?: string) {
    const before = (await itemsOf(title)).length;
    await addButton(section, `+ ${kind}`).click();
    const draft = section.locator('.outline-item.is-draft');
    await draft.waitFor();
    if (heading) {
      await draft.getByRole('textbox', { name: 'Titel van de bevinding (vet)' }).fill(heading);
      await draft.getByRole('textbox', { name: kind, exact: true }).click();
    }
    const [first, ...rest] = text.split('\n');
    await page.keyboard.type(first!);
    for (const line of rest) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    await away();
    await expect.poll(async () => (await itemsOf(title)).length).toBe(before + 1);
    const last = section.locator('.outline-item').last();
    await last.locator('.drag-handle').focus();
  }
  async function addQuotes(section: Locator, title: string, label: string, count: number) {
    const before = (await itemsOf(title)).length;
    await addButton(section, '+ Citaat').click();
    const dialog = page.getByRole('dialog', { name: 'Ondersteunende citaten toevoegen' });
    const source = dialog.getByLabel('Passages van');
    const value = await source.locator('option', { hasText: label }).first().getAttribute('value');
    await source.selectOption(value!);
    const boxes = dialog.getByRole('list', { name: 'Passages om uit te kiezen' }).getByRole('checkbox');
    await expect.poll(() => boxes.count()).toBeGreaterThanOrEqual(count);
    for (let i = 0; i < count; i++) await boxes.nth(i).check();
    await dialog.getByRole('button', { name: count === 1 ? '1 citaat toevoegen' : `${count} citaten toevoegen` }).click();
    await expect.poll(async () => (await itemsOf(title)).length).toBe(before + count);
    await section.locator('.outline-item').last().locator('.drag-handle').focus();
  }

  it('builds the appendix in the outline editor, exports it as Word, and Word holds every element in order with its style and number', async () => {
    await page.getByRole('navigation', { name: 'Rondes van de analyse' }).getByRole('button', { name: /Rapport/ }).click();
    await page.getByRole('heading', { name: 'Nog geen overzicht' }).waitFor();

    // A question theme with two quotes.
    await page.getByRole('button', { name: '+ Sectie' }).first().click();
    const theme = await nameNewSection(1, 'Hoe voer ik gesprekken met leerlingen en ouders?');
    await addQuotes(theme, 'Hoe voer ik gesprekken met leerlingen en ouders?', 'gesprekken', 2);

    // The tensions part: an introduction, two groups numbered "1)", "2)".
    await page.getByRole('button', { name: '+ Sectie' }).first().click();
    const tensions = await nameNewSection(2, 'Spanningsvelden in de jobinvulling');
    await tensions.getByRole('button', { name: '+ Inleiding' }).click();
    await tensions.getByRole('textbox', { name: 'Inleiding' }).click();
    await page.keyboard.type('We stelden vast dat er bepaalde spanningen in het begeleiden van leerlingen bestonden.');
    await away();
    await expect.poll(async () => (await outline()).sections.find((s) => s.title === 'Spanningsvelden in de jobinvulling')!.text).toContain('bepaalde spanningen');
    await addButton(tensions, '+ Subsectie').click();
    const self = await nameNewSection(3, 'Zelfopvatting leerlingenbegeleiding');
    await addButton(tensions, '+ Subsectie').click();
    const staff = await nameNewSection(4, 'Personeelsbeleid');
    await tensions.getByLabel('Subsecties').selectOption('1)');
    await expect.poll(async () => (await outline()).sections.find((s) => s.title === 'Spanningsvelden in de jobinvulling')!.numbering).toBe('1)');

    // A sub-theme: a two-line finding, a titled bullet with its paragraph, a quote, two implications.
    await addButton(self, '+ Subsectie').click();
    const target = await nameNewSection(5, 'Doelpubliek');
    await addText(target, 'Doelpubliek', 'Bevinding', TWO_LINES);
    await addText(target, 'Doelpubliek', 'Bevinding', 'Sommigen ontwikkelden een meer systematische en brede kijk op leerlingenbegeleiding in de school.', 'Een bredere kijk');
    await addQuotes(target, 'Doelpubliek', 'samenwerking', 1);
    await addText(target, 'Doelpubliek', 'Implicatie', 'Het uitschrijven van het schoolbeleid wordt soms als administratieve taak opgevat.');
    await addText(target, 'Doelpubliek', 'Implicatie', 'Vaak werd een verlangen in specialisatie in 1 domein uitgedrukt.');
    await addButton(staff, '+ Subsectie').click();
    const training = await nameNewSection(6, 'Professionalisering');
    await addText(training, 'Professionalisering', 'Bevinding', 'Nascholing valt vaak in vakanties.');
    await addText(training, 'Professionalisering', 'Implicatie', 'Scholen kunnen nascholing buiten de vakanties plannen.');

    // The title block in the appendix's order: title, author, then two subtitle lines.
    const block = page.getByRole('group', { name: 'Titelblok' });
    await block.getByRole('textbox', { name: 'Titel (regel 1)' }).fill('Onderzoek krachtige leerlingenbegeleiding');
    await block.getByRole('textbox', { name: 'Titel (regel 1)' }).press('Enter');
    await block.getByRole('textbox', { name: 'Ondertitel (regel 2)' }).fill('Overzicht thema’s interviews');
    await block.getByRole('textbox', { name: 'Ondertitel (regel 2)' }).press('Enter');
    await block.getByRole('button', { name: '+ Regel' }).click();
    await page.keyboard.type('Arteveldehogeschool');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await api<{ titleLines: unknown[] }>(page, 'report/settings', {})).titleLines.length).toBe(3);
    await block.getByRole('listitem').nth(2).getByRole('button', { name: 'Regel omhoog' }).click();
    await block.getByRole('button', { name: '+ Regel' }).click();
    await block.getByLabel('Soort van regel 4').selectOption('subtitle');
    await block.getByRole('textbox', { name: 'Ondertitel (regel 4)' }).fill('Citaten leerlingbegeleiders');
    await away();
    await expect
      .poll(async () => (await api<{ titleLines: Array<{ kind: string; text: string }> }>(page, 'report/settings', {})).titleLines)
      .toEqual([
        { kind: 'title', text: 'Onderzoek krachtige leerlingenbegeleiding' },
        { kind: 'author', text: 'Arteveldehogeschool' },
        { kind: 'subtitle', text: 'Overzicht thema’s interviews' },
        { kind: 'subtitle', text: 'Citaten leerlingbegeleiders' },
      ]);

    // The preview, element by element.
    const preview = page.getByRole('article', { name: 'Voorbeeld van het rapport' });
    await preview.locator('[data-kind="finding-text"]').waitFor();
    await screenshot(page, 'r4-01-report-layout');
    await target.scrollIntoViewIfNeeded();
    await screenshot(page, 'r4-02-outline-editor');
    await preview.locator('[data-kind="heading"]', { hasText: '2) Personeelsbeleid' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'r4-03-preview');
    const fromPreview: Seen[] = await preview.locator('[data-kind]').evaluateAll((elements) =>
      elements.map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.report-el__label, .report-preview__source').forEach((n) => n.remove());
        const bold = [...copy.querySelectorAll('strong')].map((b) => b.textContent).join('|');
        return { label: el.getAttribute('data-label'), text: copy.textContent ?? '', style: el.getAttribute('data-style')!, bold };
      }),
    );

    // Exported through the dialog, as Word.
    await page.getByRole('button', { name: 'Exporteren…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporteren' });
    await dialog.waitFor();
    await page.frameLocator('iframe[title="Voorbeeld"]').getByText('Arteveldehogeschool').waitFor({ timeout: 30_000 });
    await screenshot(page, 'r4-04-export-dialog');
    await dialog.getByRole('group', { name: 'Titelblok' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'r4-05-export-dialog-title-block');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Downloaden' }).click();
    const file = await download;
    mkdirSync(REPORT_ARTIFACTS, { recursive: true });
    const path = join(REPORT_ARTIFACTS, 'appendix-from-screens.docx');
    copyFileSync((await file.path())!, path);
    await dialog.getByRole('button', { name: 'Sluiten' }).last().click();

    const docx = readDocx(readFileSync(path));
    const labels = wordLabels(docx);
    const word: Seen[] = docx.paragraphs.map((p, i) => ({
      label: labels[i] ?? (/^Heading\d$/.test(p.style ?? '') ? (/^(\d+\)) /.exec(p.text)?.[1] ?? null) : null),
      text: p.text,
      style: p.style ?? 'Normal',
      bold: p.runs.filter((r) => r.bold && r.text).map((r) => r.text).join('|'),
    }));
    const quotes = (await itemsOf('Hoe voer ik gesprekken met leerlingen en ouders?')).map((item) => item.segmentId!);
    const quoteOf = async (id: string) => {
      const q = (await outline()).quotes[id]!;
      return `${q.text} (${q.participant?.name ?? q.documentName})`;
    };
    const doelpubliekQuote = (await itemsOf('Doelpubliek')).find((item) => item.kind === 'quote')!.segmentId!;
    // Written down from what was built above, not from the exporter.
    const expected: Seen[] = [
      { label: null, text: 'Onderzoek krachtige leerlingenbegeleiding', style: 'Title', bold: '' },
      { label: null, text: 'Arteveldehogeschool', style: 'ReportAuthors', bold: '' },
      { label: null, text: 'Overzicht thema’s interviews', style: 'Subtitle', bold: '' },
      { label: null, text: 'Citaten leerlingbegeleiders', style: 'Subtitle', bold: '' },
      { label: null, text: 'Hoe voer ik gesprekken met leerlingen en ouders?', style: 'Heading1', bold: '' },
      { label: null, text: await quoteOf(quotes[0]!), style: 'Quote', bold: '' },
      { label: null, text: await quoteOf(quotes[1]!), style: 'Quote', bold: '' },
      { label: null, text: 'Spanningsvelden in de jobinvulling', style: 'Heading1', bold: '' },
      { label: null, text: 'We stelden vast dat er bepaalde spanningen in het begeleiden van leerlingen bestonden.', style: 'Normal', bold: '' },
      { label: '1)', text: '1) Zelfopvatting leerlingenbegeleiding', style: 'Heading2', bold: '' },
      { label: null, text: 'Doelpubliek', style: 'Heading3', bold: '' },
      { label: '•', text: TWO_LINES, style: 'ListBullet', bold: '' },
      { label: '•', text: 'Een bredere kijk', style: 'ListBullet', bold: 'Een bredere kijk' },
      { label: null, text: 'Sommigen ontwikkelden een meer systematische en brede kijk op leerlingenbegeleiding in de school.', style: 'ListContinue', bold: '' },
      { label: null, text: await quoteOf(doelpubliekQuote), style: 'Quote', bold: '' },
      { label: null, text: '--> Het uitschrijven van het schoolbeleid wordt soms als administratieve taak opgevat.', style: 'Implication', bold: '' },
      { label: null, text: '--> Vaak werd een verlangen in specialisatie in 1 domein uitgedrukt.', style: 'Implication', bold: '' },
      { label: '2)', text: '2) Personeelsbeleid', style: 'Heading2', bold: '' },
      { label: null, text: 'Professionalisering', style: 'Heading3', bold: '' },
      { label: '•', text: 'Nascholing valt vaak in vakanties.', style: 'ListBullet', bold: '' },
      { label: null, text: '--> Scholen kunnen nascholing buiten de vakanties plannen.', style: 'Implication', bold: '' },
    ];
    expect(word).toEqual(expected);
    expect(fromPreview).toEqual(expected);

    // Points numbered "a.", "b." instead of bullets: the preview follows, and Ctrl+Z takes it back.
    await target.getByLabel('Punten').selectOption('a.');
    await expect.poll(() => preview.locator('[data-kind="finding"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-label')))).toEqual(['a.', 'b.', '•']);
    await screenshot(page, 'r4-06-numbered-points');
    await away();
    await page.keyboard.press('Control+z');
    await expect.poll(() => preview.locator('[data-kind="finding"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-label')))).toEqual(['•', '•', '•']);

    // The same file as LibreOffice prints it (test-results/report/appendix-from-screens-*.png).
    const { pages, text } = renderPages(path, 'appendix-from-screens');
    expect(pages.length).toBeGreaterThan(0);
    expect(text).toContain('1) Zelfopvatting leerlingenbegeleiding');
  }, 240_000);
});
