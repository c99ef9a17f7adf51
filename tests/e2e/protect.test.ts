/**
 * Protecting the participants' data in Chromium (issue 24): a participant is withdrawn after the
 * preview, the withdrawal is undone and done again; the project is closed (which purges) and reopened
 * from the start screen; not a byte of their words is left in the file or its backups; a backup is
 * restored from the screen.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, serve } from './browser.ts';
import { api, duiding } from './project.ts';

const SECRETS = ['Xandra Quist', 'zebravink', 'oliebollenrooster', 'kwikstaartproject'];

function hits(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const secret of SECRETS) {
      for (const form of [secret, secret.toLowerCase()]) {
        if (bytes.includes(Buffer.from(form, 'utf8')) || bytes.includes(Buffer.from(form, 'utf16le'))) found.push(`${secret} in ${file}`);
      }
    }
  }
  return found;
}

describe('withdrawing a participant and restoring a backup in Chromium', () => {
  it('withdraws after the preview, undoes, withdraws again; closed and reopened their words are gone; a backup is restored from the screen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-protect-'));
    const file = join(dir, 'studie.duiding');
    writeFileSync(join(dir, 'deelnemers.csv'), 'naam;school\nXandra Quist;school A\nBram Claes;school B\n');
    writeFileSync(
      join(dir, 'focusgroep.txt'),
      [
        'Moderator: Welkom. Wat betekent werkdruk voor jullie?',
        'Xandra Quist: Werkdruk is voor mij vooral de zebravink-administratie in juni.',
        'Bram Claes: Bij ons valt het mee, maar in mei voel ik de werkdruk ook.',
        'Xandra Quist: En de klassenraden met hun oliebollenrooster maken het erger.',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'interview-xandra.txt'), 'Interviewer: Hoe gaat het?\nXandra Quist: Het kwikstaartproject loopt goed, zei ik.\n');
    duiding(['new', file, '--title', 'Bescherming']);
    duiding(['import', file, join(dir, 'deelnemers.csv'), join(dir, 'focusgroep.txt')]);
    duiding(['import', file, join(dir, 'interview-xandra.txt'), '--participant', 'Xandra Quist']);
    duiding(['autocode', file, '--label', 'Werkdruk', '--text', 'werkdruk', '--scope', 'turn', '--speakers', 'all']);
    duiding(['autocode', file, '--label', 'Project', '--text', 'kwikstaartproject']);
    const browser = await launchBrowser();
    let served = await serve([file]);
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-BE', acceptDownloads: true });
      page.setDefaultTimeout(30_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // No call may fail on the way (closing used to refetch the closed project's views).
      const failed: string[] = [];
      page.on('websocket', (ws) => ws.on('framereceived', (f) => String(f.payload).includes('"ok":false') && failed.push(String(f.payload))));
      await page.goto(served.url);
      await page.getByRole('button', { name: 'Deelnemers', exact: true }).click();
      const withdraw = async () => {
        await page.getByRole('button', { name: 'Details en memo van Xandra Quist' }).click();
        await page.getByTestId('withdraw-participant').click();
        const dialog = page.getByRole('dialog', { name: 'Xandra Quist terugtrekken' });
        await dialog.getByTestId('withdraw-preview').waitFor();
        return dialog;
      };
      const dialog = await withdraw();
      const preview = await dialog.innerText();
      expect(preview).toContain('1 transcript, volledig: interview-xandra');
      expect(preview).toContain('uit “focusgroep”: hun 2 beurten (de beurten van de anderen blijven)');
      expect(preview).toContain('Labels die geen enkele codering meer hebben: Project');
      await screenshot(page, 'protect-01-withdraw-preview');
      await dialog.getByTestId('withdraw-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await api<{ participants: unknown[] }>(page, 'participants/list')).participants.length).toBe(1);
      expect((await api<{ total: number }>(page, 'search/query', { query: 'zebravink' })).total).toBe(0);
      await page.getByRole('button', { name: 'Details en memo van Xandra Quist' }).waitFor({ state: 'detached' });
      await screenshot(page, 'protect-02-withdrawn');

      // Undo brings her back until the project closes; then she is withdrawn again.
      await page.keyboard.press('Control+z');
      await page.getByRole('button', { name: 'Details en memo van Xandra Quist' }).waitFor();
      expect((await api<{ total: number }>(page, 'search/query', { query: 'zebravink' })).total).toBe(1);
      const again = await withdraw();
      await again.getByTestId('withdraw-confirm').click();
      await again.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Details en memo van Xandra Quist' }).waitFor({ state: 'detached' });

      // Closed (the purge), then reopened from the start screen.
      await page.getByRole('button', { name: 'Project sluiten', exact: true }).click();
      const listed = page.locator('.project-list__item', { hasText: 'Bescherming' }).first();
      await listed.waitFor();
      await screenshot(page, 'protect-closed');
      expect(failed).toEqual([]);
      const folder = join(dir, 'studie backups');
      expect(hits([file, ...readdirSync(folder).map((f) => join(folder, f))])).toEqual([]);
      await listed.click();
      await screenshot(page, 'protect-reopened');
      await page.getByRole('button', { name: 'Deelnemers', exact: true }).click();
      await page.getByRole('button', { name: 'Details en memo van Bram Claes' }).waitFor();
      expect(await page.getByRole('button', { name: 'Details en memo van Xandra Quist' }).count()).toBe(0);
      expect((await api<{ total: number }>(page, 'search/query', { query: 'zebravink' })).total).toBe(0);

      // A change after reopening; then the backup from before it is restored from the screen.
      await api(page, 'labels/create', { name: 'Na het heropenen' });
      await page.getByTestId('open-backups').click();
      const backups = page.getByRole('dialog', { name: 'Back-ups, kopieën en audit' });
      await backups.getByTestId('backups-purged').waitFor();
      await expect.poll(() => backups.locator('[data-testid="backup-list"] tbody tr').count()).toBeGreaterThanOrEqual(2);
      expect(await backups.getByTestId('audit-list').innerText()).toContain('Purged from the file');
      // The policy is the project's own: keep 4 of today.
      await backups.getByText('Hoe vaak, hoeveel').click();
      await backups.getByLabel('Bewaren van vandaag').fill('4');
      await backups.getByTestId('save-policy').click();
      await expect.poll(async () => (await api<{ policy: { keepToday: number } }>(page, 'backups/list')).policy.keepToday).toBe(4);
      await backups.getByText('Bewaart de laatste 4 van vandaag').waitFor();
      await screenshot(page, 'protect-03-backups');
      await backups.locator('[data-testid="backup-list"] tbody tr').last().getByTestId('restore-backup').click();
      await backups.getByTestId('restore-confirm').click();
      await backups.getByTestId('backups-status').waitFor();
      expect(await backups.getByTestId('backups-status').innerText()).toMatch(/^De back-up van .* is teruggezet\.$/);
      const labels = await api<Array<{ name: string }>>(page, 'labels/list');
      expect(labels.map((l) => l.name)).not.toContain('Na het heropenen');
      await screenshot(page, 'protect-04-restored');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Details en memo van Bram Claes' }).waitFor();
      expect(errors).toEqual([]);
      expect(failed).toEqual([]);
      await page.close();
    } finally {
      await browser.close();
      await served.stop();
      served = undefined as never;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
