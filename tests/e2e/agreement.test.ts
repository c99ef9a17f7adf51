import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { AgreementResult } from '../../src/shared/agreement.ts';
import { screenshot } from './browser.ts';
import { api, duiding, openProject } from './project.ts';

/**
 * Two coders' work in one project, coded blind through the real CLI (auto-coding by sentence, each
 * as themselves). The participant's seven sentences:
 *   S1 We overleggen elke week.   Overleg: hanne, jonas
 *   S2 De planning is strak.      Tijd: hanne
 *   S3 Soms is er geen tijd.      Tijd: hanne, jonas
 *   S4 Het team helpt.            Overleg: jonas
 *   S5 Ouders bellen vaak.        Ouders: hanne, jonas
 *   S6 Dat kost tijd.             Tijd: hanne
 *   S7 Maar het loont.            Ouders: jonas
 * Four differences; three are settled in the view, the report is exported and read back.
 */
/** A write and the refetch it sets off can take seconds on a busy machine. */
const POLL = { timeout: 15_000 };

const TEXT =
  'Interviewer: Hoe verloopt het overleg?\nLies: We overleggen elke week. De planning is strak. Soms is er geen tijd. Het team helpt.\n' +
  'Interviewer: En de ouders?\nLies: Ouders bellen vaak. Dat kost tijd. Maar het loont.\n';

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-agreement-'));
  const file = join(dir, 'studie.duiding');
  duiding(['new', file, '--title', 'Overleg op school']);
  writeFileSync(join(dir, 'lies.txt'), TEXT);
  duiding(['import', file, join(dir, 'lies.txt'), '--participant', 'Lies']);
  const code = (coder: string, label: string, query: string[]) => duiding(['autocode', file, '--label', label, ...query, '--scope', 'sentence'], coder);
  code('hanne', 'Overleg', ['--text', 'overleggen']);
  code('hanne', 'Tijd', ['--regex', 'tijd|planning']);
  code('hanne', 'Ouders', ['--text', 'ouders']);
  code('jonas', 'Overleg', ['--regex', 'overleggen|team']);
  code('jonas', 'Tijd', ['--text', 'geen tijd']);
  code('jonas', 'Ouders', ['--regex', 'Ouders|loont']);
  return { dir, file };
}

describe('agreement between coders in Chromium', () => {
  it('shows the agreement at sentence level, settles three differences into the consensus, exports the report', async () => {
    const built = project();
    // The CLI's figures first: what the view must show.
    const cli = JSON.parse(duiding(['agreement', built.file, '--json']));
    expect(cli).toMatchObject({ unit: 'sentence', coders: ['hanne', 'jonas'], documents: ['lies'] });
    const opened = await openProject(built);
    const { page } = opened;
    try {
      await page.getByRole('link', { name: 'lies' }).waitFor();
      await page.getByRole('button', { name: 'Overeenstemming', exact: true }).click();
      const statement = page.getByTestId('agreement-statement');
      await expect.poll(() => statement.innerText(), POLL).toContain('Eenheid: zin · alleen deelnemers · codeurs: hanne, jonas · 1 document');
      const table = page.getByTestId('agreement-table');
      const cells = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
      // Per label over 7 sentences: Overleg 6/7, Ouders 6/7, Tijd 5/7; all labels together 17/21 = 81 %.
      expect(await cells()).toEqual([
        ['Overleg', '85,7 %', expect.any(String), expect.any(String), '7', '1'],
        ['Tijd', '71,4 %', expect.any(String), expect.any(String), '7', '2'],
        ['Ouders', '85,7 %', expect.any(String), expect.any(String), '7', '1'],
        ['Alle labels samen', '81 %', expect.any(String), expect.any(String), '7', '4'],
      ]);
      const core = await api<AgreementResult>(page, 'agreement/compute', {});
      expect(core.overall.kappa).toBeCloseTo(cli.overall.kappa, 12);
      expect((await cells())[3]![2]).toBe(String(Math.round(core.overall.kappa! * 1000) / 1000).replace('.', ','));
      const differences = page.getByTestId('agreement-difference');
      await expect.poll(() => differences.count(), POLL).toBe(4);
      // Side by side in their turn: "De planning is strak." with hanne's Tijd and jonas's nothing.
      const first = differences.nth(0);
      expect(await first.innerText()).toContain('Tijd · lies · Lies');
      expect(await first.locator('figure').nth(0).innerText()).toContain('We overleggen elke week. De planning is strak.');
      expect(await first.locator('figure').nth(0).locator('mark').innerText()).toBe('De planning is strak.');
      expect(await first.locator('figure').nth(1).innerText()).toContain('niet gecodeerd');
      await screenshot(page, 'agreement-01-before');

      // Three decisions: neither, jonas's version, both.
      await first.getByRole('button', { name: 'Geen' }).click();
      await expect.poll(() => first.innerText(), POLL).toContain('Beslecht: geen van beide');
      // In text order: S2 Tijd, S4 Overleg, S6 Tijd, S7 Ouders.
      const team = differences.nth(1);
      expect(await team.locator('figure').nth(1).locator('mark').innerText()).toBe('Het team helpt.');
      await team.getByRole('button', { name: 'jonas aanvaarden' }).click();
      await expect.poll(() => team.innerText(), POLL).toContain('Beslecht: versie van jonas');
      const cost = differences.nth(2);
      expect(await cost.locator('figure').nth(0).locator('mark').innerText()).toBe('Dat kost tijd.');
      await cost.getByRole('button', { name: 'Beide' }).click();
      await expect.poll(() => cost.innerText(), POLL).toContain('Beslecht: beide versies');
      const beforeAfter = page.getByTestId('agreement-before-after');
      await expect.poll(() => beforeAfter.innerText(), POLL).toContain('na de consensusronde (3 beslecht): 95,2 %');
      expect(await beforeAfter.innerText()).toContain('Voor: 81 %');
      // The consensus coder holds what was accepted: jonas's "Het team helpt." and hanne's "Dat kost tijd.".
      const consensus = await api<AgreementResult>(page, 'agreement/compute', { coders: ['Consensus', 'jonas'] });
      expect(consensus.coders.map((c) => [c.name, c.codings])).toEqual([
        ['Consensus', 2],
        ['jonas', 5],
      ]);
      await screenshot(page, 'agreement-02-three-settled');
      // One decision is one undo step.
      await page.getByRole('button', { name: 'Ongedaan maken (Ctrl+Z)' }).click();
      await expect.poll(() => beforeAfter.innerText(), POLL).toContain('(2 beslecht)');
      await page.getByRole('button', { name: 'Opnieuw (Ctrl+Shift+Z)' }).click();
      await expect.poll(() => beforeAfter.innerText(), POLL).toContain('(3 beslecht)');

      // The report: .xlsx and .docx, read back.
      const xlsxDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tabel (.xlsx)' }).click();
      const xlsx = await xlsxDownload;
      expect(xlsx.suggestedFilename()).toBe('Overleg op school - overeenstemming.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
      const rows = (workbook.getWorksheet('Overeenstemming')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 7));
      expect(rows[0]).toEqual(['Label', 'Overeenstemming (%)', 'Cohens κ', 'Krippendorffs α', 'Eenheden', 'Verschillen']);
      expect(rows[4]).toEqual(['Alle labels samen', 81, Math.round(core.overall.kappa! * 1000) / 1000, Math.round(core.overall.alpha! * 1000) / 1000, 7, 4]);
      const about = (workbook.getWorksheet('Over')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 3));
      expect(about).toContainEqual(['Eenheid', 'zin']);
      expect(about).toContainEqual(['Codeurs', 'hanne, jonas']);
      expect(about).toContainEqual(['Documenten', '1: lies']);
      expect(about).toContainEqual(['Beslecht in de consensusronde', '3']);
      const docxDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Rapport (.docx)' }).click();
      const docx = await docxDownload;
      const xml = await (await JSZip.loadAsync(readFileSync((await docx.path())!))).file('word/document.xml')!.async('string');
      const words = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(words).toContain('Overeenstemming tussen codeurs');
      expect(words).toContain('Codeurs: hanne, jonas');
      expect(words).toContain('Alle labels samen 81 ');
      await screenshot(page, 'agreement-03-exported');

      // Character level: the unitizing α.
      await page.getByTestId('agreement-unit').selectOption('character');
      await expect.poll(() => statement.innerText(), POLL).toContain('Eenheid: teken');
      await expect.poll(() => table.locator('thead').textContent(), POLL).toContain('uα');
      await screenshot(page, 'agreement-04-character');
    } finally {
      await opened.close();
    }
  }, 180_000);
});
