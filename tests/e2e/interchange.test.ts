import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, serve } from './browser.ts';
import { tempDir } from '../support/temp.ts';
import { SAMPLES } from '../refi-qda/support.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('REFI-QDA screens in Chromium', () => {
  it('imports a .qdpx from the empty transcripts page, shows the report, and the export dialog offers the project as .qdpx', async () => {
    const dir = tempDir();
    execFileSync(process.execPath, [join(ROOT, 'bin/duiding.js'), 'new', join(dir, 'leeg.duiding')]);
    const served = await serve([join(dir, 'leeg.duiding')]);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ locale: 'nl-BE', acceptDownloads: true });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(served.url);
      // The empty transcripts page offers another program's project beside the transcript import.
      await page.getByText('Kom je van NVivo, ATLAS.ti, MAXQDA of QualCoder?').waitFor();
      await screenshot(page, 'interchange-empty-project');
      await page.getByTestId('import-qdpx').click();
      await page.getByTestId('import-qdpx-file').setInputFiles(join(SAMPLES, 'qc-demo.qdpx'));
      await page.getByRole('button', { name: 'Importeren' }).click();
      const report = page.getByTestId('qdpx-report');
      await report.waitFor({ timeout: 30_000 });
      await expect.poll(() => report.innerText()).toContain('262 labels, 2 transcripten, 158 fragmenten en 205 coderingen kwamen binnen uit qc-demo.qdpx. Gemaakt met qc 1.3.2.');
      expect(await report.innerText()).toContain('board_2017.txt geïmporteerd');
      await screenshot(page, 'interchange-import-report');
      await page.getByRole('button', { name: 'Klaar' }).click();
      // The transcripts arrived; the page is no longer empty, so the offer is gone.
      await page.getByRole('link', { name: 'board_2017.txt' }).waitFor();
      expect(await page.getByTestId('import-qdpx').count()).toBe(0);

      // Exports live in the report round's export dialog, REFI-QDA beside the report formats.
      await page.getByRole('button', { name: 'Rapport', exact: true }).click();
      await page.getByRole('button', { name: 'Exporteren…' }).click();
      await page.getByRole('dialog', { name: 'Exporteren' }).waitFor();
      await screenshot(page, 'export-dialog');
      // The theme report: without an outline, the default report (concepts → labels → quotes, then the
      // labels in no concept) shows in the preview and downloads as Word.
      const preview = page.frameLocator('iframe[title="Voorbeeld"]');
      await preview.getByRole('heading', { name: 'Labels zonder concept' }).waitFor({ timeout: 30_000 });
      const themeDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Downloaden' }).click();
      const docx = await themeDownload;
      expect(docx.suggestedFilename()).toMatch(/\.docx$/);
      const word = unzipSync(readFileSync((await docx.path())!));
      expect(strFromU8(word['word/document.xml']!)).toContain('Labels zonder concept');

      const download = page.waitForEvent('download');
      await page.getByTestId('export-qdpx').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('leeg.qdpx');
      expect(readFileSync((await file.path())!).subarray(0, 2).toString()).toBe('PK');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await served.stop();
    }
  }, 120_000);
});
