import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/main/core/session.ts';
import { snapshot } from '../support/temp.ts';
import { screenshot } from './browser.ts';
import { duiding, openProject, type Opened } from './project.ts';

/** Every row of the project, read beside the running server (read-only, no lock). */
function rowsOf(file: string) {
  const session = new Session('reader');
  try {
    return snapshot(session.open(file, true));
  } finally {
    session.close();
  }
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * Sixty Word transcripts of some 2,000 turns each, on disk: small to upload (deflated), seconds of
 * work for the core to unpack, read and store.
 */
function transcripts(dir: string): string[] {
  const turn = (f: number, i: number) =>
    `<w:p><w:r><w:t>${i % 2 ? 'Interviewer' : 'Katrien'}: over de leerlingenbegeleiding op school, het overleg met collega’s en ouders, gesprek ${f} beurt ${i}.</w:t></w:r></w:p>`;
  return Array.from({ length: 60 }, (_, f) => {
    const path = join(dir, `gesprek-${String(f + 1).padStart(2, '0')}.docx`);
    const document = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${Array.from({ length: 2000 }, (_, i) => turn(f, i)).join('')}</w:body></w:document>`;
    writeFileSync(
      path,
      zipSync({
        '[Content_Types].xml': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
        '_rels/.rels': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
        'word/document.xml': strToU8(document),
      }),
    );
    return path;
  });
}

/**
 * A long import in the browser: its progress shows in the import dialog, Cancel stops it and leaves
 * the project exactly as it was, and run again it finishes, file by file.
 */
describe('a long import shows its progress and can be cancelled', () => {
  let opened: Opened;
  let file: string;
  let files: string[];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-long-'));
    files = transcripts(join(dir));
    file = join(dir, 'studie.duiding');
    duiding(['new', file, '--title', 'Lange import']);
    opened = await openProject({ dir, file });
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('Cancel (Annuleren) stops the import and the project is unchanged', async () => {
    const { page } = opened;
    const before = rowsOf(file);
    await page.getByRole('button', { name: 'Transcripten importeren…' }).click();
    await page.getByTestId('import-files').setInputFiles(files, { timeout: 30_000 });
    await page.getByRole('button', { name: '60 bestanden importeren' }).click({ timeout: 60_000 });
    const bar = page.getByRole('status', { name: 'Bezig' });
    await bar.getByText(/^Importeren…/).waitFor({ timeout: 30_000 });
    // Progress file by file, from the core.
    await expect.poll(() => bar.innerText(), { timeout: 20_000 }).toMatch(/\d+ van 60\s*— gesprek-\d\d\.docx/);
    await screenshot(page, 'long-01-import-progress-nl');
    await bar.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByText('Geannuleerd: er is niets gewijzigd.').waitFor({ timeout: 20_000 });
    await expect.poll(() => bar.count()).toBe(0);
    await screenshot(page, 'long-02-import-cancelled-nl');
    expect(rowsOf(file)).toEqual(before);
  }, 60_000);

  it('runs to the end when not cancelled, in English too', async () => {
    const { page } = opened;
    await page.evaluate(() => localStorage.setItem('duiding.language', 'en'));
    await page.reload();
    const dialog = page.getByRole('dialog');
    if (await dialog.isVisible()) await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    await page.getByTestId('import-files').setInputFiles(files, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Import 60 files' }).click({ timeout: 60_000 });
    const bar = page.getByRole('status', { name: 'Work in progress' });
    await expect.poll(() => bar.innerText(), { timeout: 20_000 }).toMatch(/Importing…\s*\d+ of 60/);
    await expect.poll(() => bar.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);
    await screenshot(page, 'long-03-import-progress-en');
    await page.getByText('60 imported, 0 refused, 0 skipped.').waitFor({ timeout: 60_000 });
    await screenshot(page, 'long-04-import-done-en');
    expect(rowsOf(file).documents).toHaveLength(60);
  }, 90_000);
});
