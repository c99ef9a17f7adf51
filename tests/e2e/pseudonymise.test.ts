/**
 * Names and pseudonyms in Chromium (issue 23): the study imported with a list that missed a name;
 * the name finder finds it, it goes into the list, the preview shows it per transcript, it is
 * applied, undone, applied again; after the project is closed and reopened the name is nowhere in
 * the file and the finder no longer suggests it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NamesFound } from '../../src/shared/pseudonymise.ts';
import { FIXTURES } from '../support/temp.ts';
import { launchBrowser, screenshot, serve } from './browser.ts';
import { api } from './project.ts';

const BIN = join(import.meta.dirname, '../../bin/duiding.js');
const MISSED = 'Van Damme';

describe('names and pseudonyms in Chromium', () => {
  it('finds a missed name, previews, applies, undoes, applies again; closed and reopened, the name is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-names-'));
    const file = join(dir, 'studie.duiding');
    // The list the study was imported with forgot Geert Van Damme.
    const list = join(dir, 'namen.csv');
    writeFileSync(list, readFileSync(join(FIXTURES, 'pseudonyms.csv'), 'utf8').split('\n').filter((line) => !/Geert|Van Damme/.test(line)).join('\n'));
    execFileSync(process.execPath, [BIN, 'new', file, '--title', 'Namen']);
    execFileSync(process.execPath, [BIN, 'import', file, join(FIXTURES, 'participants.csv'), join(FIXTURES, 'transcripts'), '--pseudonyms', list]);
    const browser = await launchBrowser();
    let served = await serve([file]);
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-BE', acceptDownloads: true });
      page.setDefaultTimeout(30_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(served.url);
      await page.getByTestId('open-pseudonymise').click();
      const dialog = page.getByRole('dialog', { name: 'Namen en pseudoniemen' });
      await dialog.waitFor();
      await page.getByTestId('pseudonym-list').setInputFiles(list);
      await page.getByTestId('find-names').click();
      const row = page.locator('[data-testid="name-suggestions"] tr[data-name="Geert Van Damme"]');
      await row.waitFor();
      await screenshot(page, 'pseudonymise-finder');
      // Pupils' names already pseudonymised are not suggested.
      expect(await page.locator('[data-testid="name-suggestions"] tr[data-name="Katrien"]').count()).toBe(0);
      await row.getByRole('textbox').fill('NN');
      await row.getByTestId('accept-name').click();
      await row.getByText('✓ Op de lijst').waitFor();
      // The page keeps the list and the researcher saves it (outside the project) with the name added.
      const download = page.waitForEvent('download');
      await page.getByTestId('download-list').click();
      await (await download).saveAs(list);
      expect(readFileSync(list, 'utf8')).toContain('Geert Van Damme,NN');

      await page.getByTestId('preview-pseudonyms').click();
      const preview = page.getByTestId('pseudonymise-preview');
      await preview.waitFor().catch(async (error: unknown) => {
        await screenshot(page, 'pseudonymise-preview-failed');
        throw error;
      });
      expect(await preview.innerText()).toContain('Geert Van Damme → NN ×2');
      expect(await dialog.innerText()).toContain('Ongedaan maken (Ctrl+Z) kan de namen terugbrengen');
      await screenshot(page, 'pseudonymise-preview');
      await page.getByTestId('apply-pseudonyms').click();
      await page.getByTestId('pseudonymise-applied').waitFor();
      expect((await api<{ total: number }>(page, 'search/query', { query: MISSED })).total).toBe(0);

      // Undo brings the name back (until the project closes), redo-free: applied again from the dialog.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await api<{ total: number }>(page, 'search/query', { query: MISSED })).total).toBeGreaterThan(0);
      await page.getByTestId('open-pseudonymise').click();
      await page.getByTestId('pseudonym-list').setInputFiles(list);
      await page.getByTestId('preview-pseudonyms').click();
      await page.getByTestId('pseudonymise-preview').waitFor();
      await page.getByTestId('apply-pseudonyms').click();
      await page.getByTestId('pseudonymise-applied').waitFor();
      await screenshot(page, 'pseudonymise-applied');
      expect((await api<{ total: number }>(page, 'search/query', { query: MISSED })).total).toBe(0);
      expect(errors).toEqual([]);
      await page.close();

      // Closing the project (stopping the server closes it) purges: not a byte of the name is left.
      await served.stop();
      const bytes = readFileSync(file);
      for (const form of ['Van Damme', 'damme']) {
        expect(bytes.includes(Buffer.from(form, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(form, 'utf16le'))).toBe(false);
      }
      served = await serve([file]);
      const again = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-BE' });
      await again.goto(served.url);
      await again.getByTestId('open-pseudonymise').waitFor();
      const names = await api<NamesFound>(again, 'names/find');
      expect(names.names.map((n) => n.name)).not.toContain('Geert Van Damme');
      expect((await api<{ total: number }>(again, 'search/query', { query: MISSED })).total).toBe(0);
    } finally {
      await browser.close();
      await served.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
