import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/temp.ts';
import { launchBrowser, screenshot, serve, type Served } from './browser.ts';

/**
 * A researcher's first session, end to end in a real browser against `duiding serve --dir`:
 * create a project, import the six study transcripts with participants and pseudonyms by upload,
 * read one, search and land on the hit, switch language, reload — and everything is still there.
 */
describe('a researcher’s first session in the browser', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    // Not tempDir(): that one is removed after each test, and this folder lives through all of them.
    dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-'));
    browser = await launchBrowser();
    served = await serve(['--dir', dir]);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'nl-BE' });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => {
      throw error;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a project from the start screen', async () => {
    await page.goto(served.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Nieuw project' }).isVisible()).toBe(true);
    expect(page.url()).not.toContain('token=');
    // The token became a cookie the page cannot read; the printed address does not open a second browser.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const other = await browser.newContext();
    const copied = await other.newPage();
    const refused = await copied.goto(served.url);
    expect(refused?.status()).toBe(401);
    expect(await copied.locator('body').innerText()).toContain('This address no longer opens Duiding.');
    await other.close();
    await screenshot(page, '01-start-empty');
    await page.getByLabel('Titel').fill('Leerlingenbegeleiding jaar 1');
    await page.getByRole('button', { name: 'Project maken' }).click();
    await page.getByRole('heading', { name: 'Transcripten' }).waitFor();
    await page.getByText('Nog geen transcripten').waitFor();
    expect(readdirSync(dir)).toContain('leerlingenbegeleiding-jaar-1.duiding');
    await screenshot(page, '02-project-empty');
  });

  it('imports the six transcripts and the participants by upload, with the pseudonym list', async () => {
    await page.getByRole('button', { name: 'Transcripten importeren…' }).click();
    const transcripts = readdirSync(join(FIXTURES, 'transcripts'))
      .filter((f) => /\.(docx|vtt|srt|txt)$/.test(f))
      .map((f) => join(FIXTURES, 'transcripts', f));
    await page.getByTestId('import-files').setInputFiles([...transcripts, join(FIXTURES, 'participants.csv')]);
    await page.getByTestId('import-pseudonyms').setInputFiles(join(FIXTURES, 'pseudonyms.csv'));
    await screenshot(page, '03-import-dialog');
    await page.getByRole('button', { name: '7 bestanden importeren' }).click();
    await page.getByText('6 geïmporteerd, 0 geweigerd, 0 overgeslagen.').waitFor();
    await page.getByText('Pseudoniemen:', { exact: false }).click();
    await screenshot(page, '04-import-report');
    await page.getByRole('button', { name: 'Klaar' }).click();
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    await expect.poll(() => page.locator('tbody').innerText()).toMatch(/interview-01-aso\s+K\.L\.\s+ASO/);
    const text = await page.locator('body').innerText();
    for (const realName of ['Katrien', 'Lemmens', 'Sofie', 'Sint-Victorcollege']) expect(text).not.toContain(realName);
    await screenshot(page, '05-documents');
  });

  it('refuses a bad file by name and says why, and offers to import a duplicate anyway', async () => {
    await page.getByRole('button', { name: 'Transcripten importeren…' }).click();
    await page.getByTestId('import-files').setInputFiles([
      { name: 'leeg.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'interview-03-tso.srt', mimeType: 'application/x-subrip', buffer: readFileSync(join(FIXTURES, 'transcripts', 'interview-03-tso.srt')) },
    ]);
    await page.getByRole('button', { name: '2 bestanden importeren' }).click();
    await page.getByText('0 geïmporteerd, 2 geweigerd, 0 overgeslagen.').waitFor();
    await page.getByText('leeg.txt is leeg.').waitFor();
    await page.getByText('Zit al in het project als “interview-03-tso” (zelfde inhoud).').waitFor();
    await page.getByRole('button', { name: 'Toch importeren' }).waitFor();
    await screenshot(page, '06-import-refused');
    await page.getByRole('button', { name: 'Klaar' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(6);
  });

  it('opens a transcript and shows its turns with speaker and time', async () => {
    await page.getByRole('link', { name: 'interview-05-bso' }).click();
    await page.getByRole('heading', { name: 'interview-05-bso' }).waitFor();
    const turns = page.locator('.reader .turn');
    await expect.poll(() => turns.count()).toBe(116);
    await expect.poll(() => turns.nth(1).locator('.turn__speaker').innerText()).toBe('Y.A.');
    await expect.poll(() => turns.nth(0).locator('.turn__time').innerText()).toMatch(/^\d+:\d\d$/);
    await page.getByRole('complementary').getByText('BSO', { exact: true }).waitFor();
    await screenshot(page, '07-transcript');
  });

  it('searches a word and lands on the hit in its transcript', async () => {
    await page.getByRole('searchbox').fill('onverstaanbaar');
    await page.getByRole('searchbox').press('Enter');
    await page.getByText('4 beurten bevatten “onverstaanbaar”.').waitFor();
    await screenshot(page, '08-search');
    const first = page.locator('.hit').first();
    const where = await first.locator('.hit__where').innerText();
    expect(where).toContain('interview-06-dbso');
    await first.click();
    await page.getByRole('heading', { name: 'interview-06-dbso' }).waitFor();
    const target = page.locator('.turn--target');
    await expect.poll(() => target.count()).toBe(1);
    await expect.poll(() => target.locator('.term').first().innerText()).toBe('onverstaanbaar');
    await expect.poll(() => target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    await screenshot(page, '09-hit-in-transcript');
  });

  it('switches the interface to English', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('button', { name: 'Transcripts', exact: true }).waitFor();
    await page.getByText('Marked: “onverstaanbaar”.').waitFor();
    await screenshot(page, '10-english');
  });

  it('keeps everything after a reload: the project, the transcript at the hit, the language', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'interview-06-dbso' }).waitFor();
    await expect.poll(() => page.locator('.turn--target').count()).toBe(1);
    await page.getByText('Marked: “onverstaanbaar”.').waitFor();
    await page.getByRole('button', { name: 'Participants', exact: true }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(6);
    await screenshot(page, '11-participants-after-reload');
    await page.getByRole('button', { name: 'Transcripts', exact: true }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(6);
  });

  it('edits a participant attribute and keeps it', async () => {
    await page.getByRole('button', { name: 'Participants', exact: true }).click();
    const cell = page.getByLabel('jaren ervaring of K.L.');
    await cell.fill('13');
    await cell.press('Enter');
    await page.reload();
    await expect.poll(() => page.getByLabel('jaren ervaring of K.L.').inputValue()).toBe('13');
  });

  it('saved one project file, closed cleanly', async () => {
    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByRole('heading', { name: 'New project' }).waitFor();
    await screenshot(page, '12-start-with-project');
    await page.getByText('Leerlingenbegeleiding jaar 1').first().waitFor();
    expect(existsSync(join(dir, 'leerlingenbegeleiding-jaar-1.duiding'))).toBe(true);
  });
});
