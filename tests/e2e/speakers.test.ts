import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from '../../src/shared/analysis.ts';
import type { DocumentDetail, DocumentSpeakers } from '../../src/shared/model.ts';
import { FIXTURES } from '../support/temp.ts';
import { screenshot } from './browser.ts';
import { api, duiding, openProject, type Opened } from './project.ts';

/**
 * Speaker roles in the browser. The six fixture interviews come in without the participants table
 * and without pseudonyms, so three of them have two unknown names ("Hanne Claeys" and the
 * counsellor): their roles are unconfirmed. The researcher makes Hanne Claeys the interviewer once,
 * for every transcript, and the matrix stops counting her questions — unless switched on.
 */
const WORD = /(?<![\p{L}\p{N}])directie(?![\p{L}\p{N}])/giu;

/** Hits of the word per document, in the interviewer's turns and in the others', from the transcripts themselves. */
async function independentCounts(page: Page, interviewers: Set<string>) {
  const list = await api<Array<{ id: string; name: string }>>(page, 'documents/list');
  const out = new Map<string, { interviewer: number; others: number }>();
  for (const { id } of list) {
    const document = await api<DocumentDetail>(page, 'documents/get', { id });
    const count = { interviewer: 0, others: 0 };
    for (const turn of document.turns) count[interviewers.has(turn.speaker ?? '') ? 'interviewer' : 'others'] += (turn.text.match(WORD) ?? []).length;
    out.set(id, count);
  }
  return out;
}

describe('speaker roles in the browser', () => {
  let opened: Opened;
  let page: Page;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-speakers-'));
    const file = join(dir, 'studie.duiding');
    duiding(['new', file, '--title', 'Wie zegt wat']);
    duiding(['import', file, join(FIXTURES, 'transcripts')]);
    // Every hit, as auto-code did before roles: the matrix then holds the interviewer's questions too.
    duiding(['autocode', file, '--label', 'directie', '--text', 'directie', '--scope', 'match', '--speakers', 'all']);
    opened = await openProject({ dir, file });
    page = opened.page;
    await page.getByRole('heading', { name: 'Transcripten' }).waitFor();
  }, 150_000);

  afterAll(async () => {
    await opened?.close();
  });

  it('marks the transcripts whose roles no rule could tell, and corrects one name in all of them at once', async () => {
    const unconfirmed = page.locator('tbody tr', { has: page.locator('.badge--warning', { hasText: 'rollen niet bevestigd' }) });
    await expect.poll(() => unconfirmed.count()).toBe(3);
    const before = await api<DocumentSpeakers[]>(page, 'speakers/list');
    expect(before.filter((d) => d.unconfirmed).map((d) => d.documentName)).toEqual(['interview-02-aso', 'interview-04-kso', 'interview-05-bso']);
    await screenshot(page, 'sp-01-roles-unconfirmed');

    await page.getByRole('button', { name: 'Sprekers en rollen van interview-02-aso' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sprekers van “interview-02-aso”' });
    await dialog.getByText('rollen niet bevestigd').waitFor();
    expect(await dialog.getByLabel('Een wijziging aan deze naam in elk transcript toepassen').isChecked()).toBe(true);
    await dialog.getByLabel('Rol: Hanne Claeys').selectOption('interviewer');
    await dialog.getByText('Gewijzigd in 3 transcripten.').waitFor();
    await expect.poll(() => dialog.getByText('rollen niet bevestigd').count()).toBe(0);
    expect(await dialog.getByLabel('Rol: Sofie Peeters').inputValue()).toBe('participant');
    await screenshot(page, 'sp-02-role-editor');
    await dialog.getByRole('button', { name: 'Sluiten' }).last().click();

    await expect.poll(() => unconfirmed.count()).toBe(0);
    const after = await api<DocumentSpeakers[]>(page, 'speakers/list');
    for (const document of after) {
      expect(document.unconfirmed, document.documentName).toBe(false);
      const hanne = document.speakers.find((s) => s.name === 'Hanne Claeys');
      if (hanne) expect(hanne.role).toBe('interviewer');
    }
    expect(after.filter((d) => d.speakers.some((s) => s.name === 'Hanne Claeys'))).toHaveLength(3);
    await screenshot(page, 'sp-03-roles-confirmed');
  });

  it('counts participants only in the matrix, and the interviewer too with the switch', async () => {
    const counts = await independentCounts(page, new Set(['Interviewer', 'Hanne Claeys']));
    const participantsOnly = [...counts.values()].reduce((n, c) => n + c.others, 0);
    const everyone = [...counts.values()].reduce((n, c) => n + c.others + c.interviewer, 0);
    expect(everyone).toBeGreaterThan(participantsOnly);

    await page.goto(`${opened.served.url.split('#')[0]}#/matrix?rows=labels&by=document`);
    const table = page.locator('table.heat');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr').first();
    const shown = async () => (await row.locator('td.heat__cell').allInnerTexts()).map(Number);
    const matrix = await api<Matrix>(page, 'matrix/get', { rows: 'labels', by: 'document' });
    // Each document's cell: the hits in that transcript's participants' turns, counted from the text.
    await expect.poll(shown).toEqual(matrix.columns.map((c) => counts.get(c.id!)!.others));
    expect(Number(await row.locator('.heat__sum--total').innerText())).toBe(participantsOnly);
    await screenshot(page, 'sp-04-matrix-participants');

    const toggle = page.getByLabel('Ook wat de interviewer zegt tellen');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(shown).toEqual(matrix.columns.map((c) => counts.get(c.id!)!.others + counts.get(c.id!)!.interviewer));
    expect(Number(await row.locator('.heat__sum--total').innerText())).toBe(everyone);
    expect(page.url()).toContain('speakers=all');
    await screenshot(page, 'sp-05-matrix-with-interviewer');
    // A cell opens the interviewer's passages too, credited to the interviewer.
    const column = matrix.columns.findIndex((c) => counts.get(c.id!)!.interviewer > 0);
    await row.locator('td.heat__cell').nth(column).getByRole('button').click();
    const panel = page.getByRole('complementary', { name: 'Citaten van de gekozen cel' });
    const expected = counts.get(matrix.columns[column]!.id!)!;
    await expect.poll(() => panel.locator('.quote').count()).toBe(expected.others + expected.interviewer);
    await screenshot(page, 'sp-06-matrix-cell-with-interviewer');
    await toggle.uncheck();
    await expect.poll(() => panel.locator('.quote').count()).toBe(expected.others);
  });

  it('the codebook and retrieval count as the matrix does, each with its switch', async () => {
    const counts = await independentCounts(page, new Set(['Interviewer', 'Hanne Claeys']));
    const participantsOnly = [...counts.values()].reduce((n, c) => n + c.others, 0);
    const everyone = [...counts.values()].reduce((n, c) => n + c.others + c.interviewer, 0);
    const inDocuments = (pick: (c: { interviewer: number; others: number }) => number) => [...counts.values()].filter((c) => pick(c) > 0).length;

    await page.goto(`${opened.served.url.split('#')[0]}#/codebook`);
    const row = page.locator('.codebook-row', { hasText: 'directie' });
    const shown = async () => (await row.locator('.num').allInnerTexts()).map(Number);
    await expect.poll(shown).toEqual([participantsOnly, inDocuments((c) => c.others)]);
    await page.locator('.codebook-detail__usage', { hasText: `${participantsOnly} fragmenten` }).waitFor();
    await screenshot(page, 'sp-07-codebook-participants');
    const toggle = page.getByLabel('Ook wat de interviewer zegt tellen');
    await toggle.check();
    await expect.poll(shown).toEqual([everyone, inDocuments((c) => c.others + c.interviewer)]);
    await screenshot(page, 'sp-08-codebook-with-interviewer');
    await toggle.uncheck();
    await expect.poll(shown).toEqual([participantsOnly, inDocuments((c) => c.others)]);

    // Retrieval: the passages, the label's count and the spread follow the switch (kept in the address).
    await page.getByRole('button', { name: /Toon fragmenten/ }).click();
    const status = page.locator('.retrieval__count strong');
    await expect.poll(() => status.innerText()).toContain(`${participantsOnly} segmenten`);
    await expect.poll(() => page.locator('.quote').count()).toBe(participantsOnly);
    await screenshot(page, 'sp-09-retrieval-participants');
    const retrievalToggle = page.getByRole('group', { name: 'Filters' }).getByLabel('Ook wat de interviewer zegt tellen');
    expect(await retrievalToggle.isChecked()).toBe(false);
    await retrievalToggle.check();
    await expect.poll(() => status.innerText()).toContain(`${everyone} segmenten`);
    await expect.poll(() => page.locator('.quote').count()).toBe(everyone);
    expect(page.url()).toContain('speakers=all');
    // The interviewer's passages are credited to the interviewer's turn.
    expect(await page.locator('.quote__speaker', { hasText: 'Hanne Claeys' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'sp-10-retrieval-with-interviewer');
    await retrievalToggle.uncheck();
    await expect.poll(() => page.locator('.quote').count()).toBe(participantsOnly);

    // A concept of the label: its counts and quotes follow the same switch as the codebook's.
    const labels = await api<Array<{ id: string; name: string }>>(page, 'labels/list');
    const concept = await api<{ id: string }>(page, 'concepts/create', { name: 'Directie', labelIds: [labels.find((l) => l.name === 'directie')!.id] });
    await page.evaluate((id) => (location.hash = `#/concepts/${id}`), concept.id);
    const support = page.locator('.concept-page__title p.muted');
    await expect.poll(() => support.innerText()).toContain(`${participantsOnly} passages`);
    const conceptToggle = page.locator('.concept-page').getByLabel('Ook wat de interviewer zegt tellen');
    await conceptToggle.check();
    await expect.poll(() => support.innerText()).toContain(`${everyone} passages`);
    await screenshot(page, 'sp-11-concept-with-interviewer');
    await conceptToggle.uncheck();
    await expect.poll(() => support.innerText()).toContain(`${participantsOnly} passages`);
  });
});
