import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Outline } from '../../src/shared/analysis.ts';
import type { ScalesResult } from '../../src/shared/surveys/model.ts';
import { launchBrowser, screenshot, serve } from './browser.ts';
import { code } from './coding.ts';
import { api } from './project.ts';
import { FIXTURES, tempDir } from '../support/temp.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('questionnaires in Chromium', () => {
  it('imports a survey through the plan screen, codes two open answers, compares the scales by role beside them, exports', async () => {
    const dir = tempDir();
    execFileSync(process.execPath, [join(ROOT, 'bin/duiding.js'), 'new', join(dir, 'bevraging.duiding'), '--title', 'Leerzorgbeleid']);
    const served = await serve([join(dir, 'bevraging.duiding')]);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ locale: 'nl-BE', acceptDownloads: true, viewport: { width: 1400, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(served.url);
      await page.getByTestId('import-survey').click();
      const dialog = page.getByRole('dialog', { name: 'Vragenlijst importeren' });
      await page.getByTestId('survey-file').setInputFiles(join(FIXTURES, 'surveys/zelfevaluatie.csv'));
      // The plan: each column's kind as inferred, changeable before anything is written.
      const plan = dialog.getByRole('region', { name: 'Wat elke kolom wordt' });
      await plan.waitFor();
      expect(await dialog.getByLabel('Wordt: Rol').inputValue()).toBe('attribute');
      expect(await dialog.getByLabel('Wordt: A1.1 Onze school heeft een visie op leerzorg').inputValue()).toBe('scale');
      expect(await dialog.getByLabel('Dimensie: A1.2 De visie staat in het beleidsplan').inputValue()).toBe('A1');
      expect(await dialog.getByLabel('Wordt: Wat zijn concrete sterktes?').inputValue()).toBe('open');
      expect(await plan.innerText()).toContain('Schaal 0–6 (volledig oneens … volledig eens)');
      expect(await api(page, 'participants/list')).toMatchObject({ participants: [] });
      // Leave the school out: the researcher's change to the plan.
      await dialog.getByLabel('Wordt: School').selectOption('ignore');
      await screenshot(page, 'surveys-01-plan');
      await dialog.getByRole('button', { name: 'Importeren' }).click();
      const report = page.getByTestId('survey-report');
      await report.waitFor();
      expect(await report.innerText()).toContain('8 respondenten (8 nieuw), 9 items in 5 dimensies, 71 antwoorden; 14 open antwoorden in 8 vragenlijsten.');
      await screenshot(page, 'surveys-02-report');
      await page.getByRole('button', { name: 'Klaar' }).click();
      const { attributes } = await api<{ attributes: Array<{ name: string }> }>(page, 'participants/list');
      expect(attributes.map((a) => a.name)).toEqual(['Rol']);

      // Code two open answers: an ondersteuner's (S03) and a leerkracht's (S06), both on time for consultation.
      for (const [document, words] of [
        ['S03 – zelfevaluatie', 'Meer tijd voor overleg'],
        ['S06 – zelfevaluatie', 'Meer tijd voor overleg'],
      ] as const) {
        await page.getByRole('link', { name: document }).click();
        await code(page, 1, words, 'Tijd voor overleg');
        await page.getByText('1 segment', { exact: false }).first().waitFor();
        if (document.startsWith('S03')) await screenshot(page, 'surveys-03-coded-answer');
        await page.goBack();
        await page.getByRole('link', { name: 'S06 – zelfevaluatie' }).waitFor();
      }

      // The scales view, grouped by role, beside what each role wrote.
      await page.getByRole('button', { name: /^Ronde 2/ }).click();
      await page.getByRole('button', { name: 'Schalen', exact: true }).click();
      await page.getByTestId('scales-by').selectOption('Rol');
      const table = page.getByTestId('scales-table');
      await expect.poll(() => table.innerText()).toContain('schoolleider');
      const core = await api<ScalesResult>(page, 'surveys/scales', { by: 'Rol' });
      // The screen shows the core's numbers, and they are the counts by hand: A1 mean 27.5 / 8, median 3.5;
      // the schoolleiders S01 (5.5) and S02 (4.5) mean 5.
      expect(core.items[0]).toMatchObject({ name: 'A1', n: 8, mean: 3.4375, median: 3.5, groups: { schoolleider: { n: 2, mean: 5, median: 5 } } });
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
      expect(rows[0]).toEqual(['A1 · dimensie', '8', '3,44', '3,5', '1,4', '1,5–5,5']);
      expect(rows[3]).toEqual(['schoolleider', '2', '5', '5', '0,71', '4,5–5,5']);
      const coded = page.getByTestId('coded-answers');
      await expect.poll(() => coded.innerText()).toContain('Tijd voor overleg');
      const groups = await coded.locator('section').evaluateAll((sections) => sections.map((s) => (s as HTMLElement).innerText.replace(/\s+/g, ' ')));
      expect(groups[0]).toContain('leerkracht · 3 respondenten');
      expect(groups[0]).toContain('Tijd voor overleg 1 fragment · 1 respondent');
      expect(groups[1]).toContain('ondersteuner · 3 respondenten');
      expect(groups[1]).toContain('“Meer tijd voor overleg” — S03, Wat zijn prioritaire werkpunten?');
      expect(groups[2]).toContain('Nog geen gecodeerde open antwoorden.');
      expect(await page.locator('.scales__chart svg rect[fill="#b2182b"]').count()).toBeGreaterThan(0);
      await screenshot(page, 'surveys-04-scales-by-role');
      await page.locator('.scales__chart').scrollIntoViewIfNeeded();
      await screenshot(page, 'surveys-05-chart');

      // Exports: the tables as .xlsx (read back), the chart as an .svg.
      const xlsxDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tabellen (.xlsx)' }).click();
      const xlsx = await xlsxDownload;
      expect(xlsx.suggestedFilename()).toBe('Leerzorgbeleid - schalen.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
      const values = (workbook.getWorksheet('Schalen')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 7));
      expect(values[4]).toEqual(['A1', 'dimensie', 'schoolleider', 2, 5, 5]);
      const open = (workbook.getWorksheet('Open antwoorden')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 5));
      expect(open.slice(1)).toEqual([
        ['leerkracht', 'Tijd voor overleg', 1, 1],
        ['ondersteuner', 'Tijd voor overleg', 1, 1],
      ]);
      const svgDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Grafiek (.svg)' }).click();
      const svg = readFileSync((await (await svgDownload).path())!, 'utf8');
      expect(svg).toContain('Schalen per Rol');
      expect(svg.match(/>n = \d+</g)!.slice(0, 4)).toEqual(['>n = 8<', '>n = 3<', '>n = 3<', '>n = 2<']);

      // The chart into the report: from the scales view (a new section, as the outline has none yet)…
      await page.getByTestId('scales-add-to-report').click();
      const adding = page.getByRole('region', { name: 'Deze grafiek in het rapport opnemen' });
      expect(await adding.getByTestId('chart-by').inputValue()).toBe('Rol');
      await adding.getByRole('checkbox', { name: /A2/ }).uncheck();
      await screenshot(page, 'surveys-08-add-to-report');
      await adding.getByRole('button', { name: 'In het rapport opnemen' }).click();
      await page.getByText('Opgenomen in het rapport onder “Schalen”.').waitFor();
      const outline = await api<Outline>(page, 'outline/get', {});
      const charted = outline.sections[0]!.items[0]!;
      expect(charted).toMatchObject({ kind: 'chart', chart: { rows: ['A1', 'B', 'D.1', 'E.1 Ouders worden betrokken'], by: 'Rol' } });
      expect(outline.charts![charted.id]!.items[0]).toMatchObject({ name: 'A1', mean: 3.4375 });
      // …shown in the report's preview, drawn from the answers…
      await page.getByRole('navigation', { name: 'Rondes van de analyse' }).getByRole('button', { name: /Rapport/ }).click();
      const preview = page.getByRole('article', { name: 'Voorbeeld van het rapport' });
      const figure = preview.locator('[data-kind="chart"]');
      await figure.locator('svg').waitFor();
      expect(await figure.getAttribute('aria-label')).toBe('A1, B, D.1, E.1 Ouders worden betrokken per Rol');
      expect(await figure.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['A1 · Alle', 'schoolleider', 'n = 8']));
      await figure.scrollIntoViewIfNeeded();
      await screenshot(page, 'surveys-09-chart-in-report');
      // …and one more from the outline editor: A2 alone, all respondents together.
      const section = page.locator('section.outline-section[aria-label="Schalen"]');
      await section.getByRole('button', { name: '+ Grafiek' }).click();
      const picker = section.getByRole('form', { name: 'Wat de grafiek toont' });
      await picker.getByRole('checkbox', { name: /A2/ }).check();
      await screenshot(page, 'surveys-10-chart-in-outline-editor');
      await picker.getByRole('button', { name: 'Grafiek toevoegen' }).click();
      await expect.poll(async () => (await api<Outline>(page, 'outline/get', {})).sections[0]!.items.map((i) => i.chart?.rows.join(','))).toEqual(['A1,B,D.1,E.1 Ouders worden betrokken', 'A2']);
      await expect.poll(() => preview.locator('[data-kind="chart"]').count()).toBe(2);
      await preview.locator('[data-kind="chart"]').nth(1).scrollIntoViewIfNeeded();
      await screenshot(page, 'surveys-11-two-charts-in-report');
      await page.getByRole('navigation', { name: 'Rondes van de analyse' }).getByRole('button', { name: /^Ronde 2/ }).click();
      await page.getByRole('button', { name: 'Schalen', exact: true }).click();
      await page.getByTestId('scales-by').selectOption('Rol');

      // In English.
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await page.getByRole('heading', { name: 'Scales', exact: true }).waitFor();
      await expect.poll(() => page.locator('.scales__coded').innerText()).toContain('What they wrote');
      expect(await coded.innerText()).toContain('leerkracht · 3 respondents');
      await screenshot(page, 'surveys-06-scales-en');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await served.stop();
    }
  }, 180_000);

  it('defines a scale of its own words on the plan screen', async () => {
    const dir = tempDir();
    execFileSync(process.execPath, [join(ROOT, 'bin/duiding.js'), 'new', join(dir, 'eigen.duiding')]);
    writeFileSync(join(dir, 'overleg.csv'), 'Naam,Hoe vaak overleg je?\nAn,soms\nBert,nooit\nCas,altijd\nDirk,vaak\n');
    const served = await serve([join(dir, 'eigen.duiding')]);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ locale: 'nl-BE', viewport: { width: 1400, height: 900 } });
      await page.goto(served.url);
      await page.getByTestId('import-survey').click();
      const dialog = page.getByRole('dialog', { name: 'Vragenlijst importeren' });
      await page.getByTestId('survey-file').setInputFiles(join(dir, 'overleg.csv'));
      // Four short words: inferred an attribute; the researcher makes it a scale and gives its order.
      const kind = dialog.getByLabel('Wordt: Hoe vaak overleg je?');
      expect(await kind.inputValue()).toBe('attribute');
      await kind.selectOption('scale');
      await dialog.getByLabel('Woorden, van laag naar hoog: Hoe vaak overleg je?').fill('nooit; soms; vaak; altijd');
      await dialog.getByLabel('Eerste getal: Hoe vaak overleg je?').click();
      await screenshot(page, 'surveys-07-own-scale');
      await dialog.getByRole('button', { name: 'Importeren' }).click();
      await page.getByTestId('survey-report').waitFor();
      await page.getByRole('button', { name: 'Naar de schalen' }).click();
      const table = page.getByTestId('scales-table');
      await table.waitFor();
      // nooit 1, soms 2, vaak 3, altijd 4: An 2, Bert 1, Cas 4, Dirk 3 → mean 2.5, median 2.5.
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
      expect(rows).toEqual([['Hoe vaak overleg je? · dimensie', '4', '2,5', '2,5', '1,29', '1–4']]);
    } finally {
      await browser.close();
      await served.stop();
    }
  }, 120_000);
});
