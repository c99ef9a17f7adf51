/**
 * Two researchers, two laptops, in Chromium (issue 25): Anna codes blind (Bert's codings hidden, the
 * switch and its banner on screen), merges Bert's copy from the screen, reads the report (what came
 * in, a speaker's role the copies hold differently — taken from Bert's copy — and the label both
 * made), and sees Bert's codings once blind coding is off.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { code } from './coding.ts';
import { api, duiding, openProject } from './project.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FIXTURES } from '../support/temp.ts';

const BIN = join(import.meta.dirname, '../../bin/duiding.js');
/** The command line as a researcher on another laptop (DUIDING_LAPTOP tells the laptops apart). */
const onLaptop = (laptop: string, coder: string, args: string[]) =>
  execFileSync(process.execPath, [BIN, ...args], { env: { ...process.env, DUIDING_CODER: coder, DUIDING_LAPTOP: laptop }, encoding: 'utf8' });

describe('blind coding and merging another copy in Chromium', () => {
  it('hides the other coder while blind, merges their copy from the screen and shows the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-merge-'));
    const file = join(dir, 'anna.duiding');
    const other = join(dir, 'bert.duiding');
    duiding(['new', file, '--title', 'Twee laptops']);
    duiding(['import', file, join(FIXTURES, 'transcripts', 'interview-04-kso.txt')]);
    duiding(['autocode', file, '--label', 'Werk', '--text', 'werk', '--scope', 'match', '--speakers', 'all']);
    // The roles confirmed before the copy is taken: both copies hold the same speakers.
    duiding(['speakers', file, '--name', 'Hanne Claeys', '--role', 'interviewer']);
    duiding(['copy', file, other]);
    // Bert, on his laptop, codes the same transcript and renames the shared label.
    onLaptop('bert', 'Bert', ['autocode', other, '--label', 'Klas', '--text', 'klas', '--scope', 'match', '--speakers', 'all']);
    onLaptop('bert', 'Bert', ['autocode', other, '--label', 'Samen', '--text', 'samen', '--scope', 'match', '--speakers', 'all']);
    // Bert also calls the interviewer "other": a conflict that is not a label's.
    onLaptop('bert', 'Bert', ['speakers', other, '--name', 'Hanne Claeys', '--role', 'other']);
    const opened = await openProject({ dir, file });
    const page = opened.page;
    try {
      page.setDefaultTimeout(30_000);
      await page.getByRole('link', { name: 'interview-04-kso' }).click();
      await page.getByRole('heading', { name: 'interview-04-kso' }).waitFor();
      // Blind coding on: the switch and a banner say so.
      await page.getByRole('switch', { name: 'Blind coderen' }).check();
      await page.getByTestId('blind-banner').waitFor();
      const turn = await page.locator('[data-turn="3"] .turn__text').innerText();
      const words = turn.split(/\s+/).filter((w) => /^[\p{L}]{4,}$/u.test(w));
      await code(page, 3, words[0]!, 'Samen');
      await screenshot(page, 'merge-01-blind-coding');

      await page.getByTestId('open-merge').click();
      const dialog = page.getByRole('dialog', { name: 'Een andere kopie van dit project samenvoegen' });
      await dialog.getByTestId('merge-copy').setInputFiles(other);
      await dialog.getByTestId('merge-run').click();
      const report = dialog.getByTestId('merge-report');
      await report.waitFor();
      const text = await report.innerText();
      expect(text).toContain('bert.duiding is samengevoegd met dit project.');
      expect(text).toMatch(/\d+ coderingen binnengehaald, \d+ waren er al\./);
      expect(text).toContain('Bert (nieuw)');
      // Both made a label "Samen": proposed for a merge.
      await dialog.getByTestId('merge-proposals').waitFor();
      await screenshot(page, 'merge-02-report');
      // The speaker's role both copies hold differently: taken from Bert's copy by speakers/set.
      const role = dialog.getByTestId('merge-conflict-speakers').filter({ hasText: 'rol' });
      expect(await role.innerText()).toMatch(/spreker “Hanne Claeys”\s+rol\s+interviewer\s+other/);
      await role.getByRole('button', { name: 'Die van hen nemen' }).click();
      await role.getByTestId('merge-taken').waitFor();
      await screenshot(page, 'merge-02b-taken');
      const roles = await api<Array<{ speakers: Array<{ name: string; role: string }> }>>(page, 'speakers/list');
      expect(roles[0]!.speakers.find((s) => s.name === 'Hanne Claeys')?.role).toBe('other');
      const bertCodings = Number(/(\d+) coderingen binnengehaald/.exec(text)![1]);
      expect(bertCodings).toBeGreaterThan(0);
      await dialog.getByRole('button', { name: 'Samenvoegen met het label van deze kopie' }).click();
      await dialog.getByText('Samengevoegd', { exact: true }).waitFor();
      await page.keyboard.press('Escape');

      // Still blind: Bert's codings stay hidden; the banner counts them.
      await expect.poll(async () => page.getByTestId('blind-banner').innerText()).toMatch(/[1-9]\d* segmenten van andere codeerders zijn verborgen/);
      const blindChips = await page.locator('.chip').count();
      await screenshot(page, 'merge-03-blind-after-merge');
      await page.getByRole('switch', { name: 'Blind coderen' }).uncheck();
      await expect.poll(() => page.locator('.chip').count()).toBeGreaterThan(blindChips);
      await screenshot(page, 'merge-04-everyone');
      const coders = await api<Array<{ name: string; codings: number }>>(page, 'coders/list');
      expect(coders.map((c) => c.name).sort()).toEqual(['Bert', 'e2e', 'hanne']);
      // Merging the same copy again changes nothing.
      await page.getByTestId('open-merge').click();
      const again = page.getByRole('dialog', { name: 'Een andere kopie van dit project samenvoegen' });
      await again.getByTestId('merge-copy').setInputFiles(other);
      await again.getByTestId('merge-run').click();
      await again.getByText('Niets nieuws in bert.duiding: dit project is niet veranderd.').waitFor();
    } finally {
      await opened.close();
    }
  }, 180_000);
});
