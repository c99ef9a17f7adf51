/**
 * Issue 30: literature. A PDF made by LibreOffice (three pages, a header and a page number on each,
 * a word broken over two lines) imported in the screens; its import report names the pages and the
 * headers left out; the reader shows each paragraph's page; a passage on page 2 is coded and the
 * article cited; the report's preview and the export dialog's preview attribute the quote to the
 * citation and "p. 2".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outline } from '../../src/shared/analysis.ts';
import type { Segment } from '../../src/shared/model.ts';
import { ARTICLE_HEADER, convertToPdf, writeArticleDocx } from '../support/pdf.ts';
import { screenshot } from './browser.ts';
import { code } from './coding.ts';
import { api, duiding, openProject, type Opened } from './project.ts';

const tab = (page: Page, name: RegExp | string) => page.getByRole('navigation', { name: 'Rondes van de analyse' }).getByRole('button', { name });

describe('a PDF article, coded and cited with its page', () => {
  let opened: Opened;
  let page: Page;
  let pdf: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-literature-'));
    await writeArticleDocx(join(dir, 'artikel.docx'));
    [pdf] = convertToPdf([join(dir, 'artikel.docx')], dir) as [string];
    const file = join(dir, 'studie.duiding');
    duiding(['new', file, '--title', 'Literatuurstudie']);
    opened = await openProject({ dir, file });
    page = opened.page;
  }, 150_000);

  afterAll(async () => {
    await opened?.close();
  });

  it('imports the PDF in the screens; the report names its pages and the header and footer left out', async () => {
    await page.getByRole('button', { name: 'Transcripten importeren…' }).first().click();
    await page.getByTestId('import-files').setInputFiles(pdf);
    await page.getByRole('button', { name: '1 bestand importeren' }).click();
    await page.getByText('1 geïmporteerd, 0 geweigerd, 0 overgeslagen.').waitFor({ timeout: 30_000 });
    const dialog = page.getByRole('dialog', { name: 'Importverslag' });
    await expect.poll(() => dialog.innerText()).toMatch(/3 pagina’s/);
    expect(await dialog.innerText()).toContain(`left out "${ARTICLE_HEADER}"`);
    expect(await dialog.innerText()).toContain('left out "Pagina 1"');
    await screenshot(page, 'lit-01-import-report');
    await page.keyboard.press('Escape');
    await page.getByRole('cell', { name: 'literatuur' }).waitFor();
    await screenshot(page, 'lit-02-documents');
  });

  it('shows each paragraph with its page, and codes a passage on page 2', async () => {
    await page.getByRole('link', { name: 'artikel' }).click();
    await page.locator('[data-turn="4"]').waitFor();
    await expect.poll(() => page.locator('[data-turn="4"] .turn__page').innerText()).toBe('p. 2');
    expect(await page.locator('[data-turn="2"] .turn__text').innerText()).toContain('leerlingenbegeleiding vraagt tijd');
    await code(page, 4, 'multidisciplinair overleg', 'Overleg met het CLB');
    const citation = page.getByTestId('document-citation');
    await citation.fill('Peeters & Claes, 2019');
    await citation.press('Enter');
    await expect.poll(async () => (await api<Array<{ citation: string | null }>>(page, 'documents/list'))[0]!.citation).toBe('Peeters & Claes, 2019');
    await screenshot(page, 'lit-03-reader-pages');
  });

  it('attributes the quote to the citation and the page in the report preview and the export preview', async () => {
    const segments = await api<Segment[]>(page, 'segments/list', { documentId: (await api<Array<{ id: string }>>(page, 'documents/list'))[0]!.id });
    await api(page, 'learningQuestions/create', { question: 'Hoe werkt de school samen met het CLB?', kind: 'explicit', segmentIds: [segments[0]!.id] });
    await tab(page, /Rapport/).click();
    await page.getByRole('button', { name: 'Overzicht genereren' }).first().click();
    const preview = page.getByRole('article', { name: 'Voorbeeld van het rapport' });
    const quote = preview.locator('[data-kind="quote"]').first();
    await quote.waitFor();
    await expect.poll(() => quote.innerText()).toContain('(Peeters & Claes, 2019, p.\u00A02)');
    expect((await api<Outline>(page, 'outline/get')).sections.flatMap((s) => s.items).filter((i) => i.kind === 'quote')).toHaveLength(1);
    await quote.scrollIntoViewIfNeeded();
    await screenshot(page, 'lit-04-report-preview');

    await page.getByRole('button', { name: 'Exporteren…' }).click();
    await page.getByRole('dialog', { name: 'Exporteren' }).waitFor();
    await page.frameLocator('iframe[title="Voorbeeld"]').getByText('Peeters & Claes, 2019, p.\u00A02', { exact: false }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'lit-05-export-preview');
    await page.keyboard.press('Escape');
  });

  it('imports observation notes: each dated entry a section, its date shown beside its paragraphs', async () => {
    const notes = join(dir, 'intervisie.txt');
    writeFileSync(notes, '12/05/2021 — Eerste online intervisie; zes leerkrachten.\n\nmaandag 19 mei 2021: De groep werkt in breakout rooms.\n\nJune 2, 2021 - Laatste sessie; de deelnemers evalueren het jaar.\n');
    await tab(page, /Labels/).click();
    await page.getByRole('button', { name: 'Transcripten importeren…' }).first().click();
    await page.getByTestId('import-files').setInputFiles(notes);
    await page.getByRole('button', { name: '1 bestand importeren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importverslag' });
    await expect.poll(() => dialog.innerText(), { timeout: 30_000 }).toContain('notities: 12/05/2021, maandag 19 mei 2021, June 2, 2021');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'intervisie' }).click();
    await page.locator('[data-turn="2"]').waitFor();
    await expect.poll(() => page.locator('.reader').innerText()).toContain('maandag 19 mei 2021');
    await screenshot(page, 'lit-06-observation-notes');
  });
});
