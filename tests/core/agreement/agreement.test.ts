import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AgreementResult, DifferencesResult } from '../../../src/shared/agreement.ts';
import { CONSENSUS_CODER, coderDisplayName, resolveCoders } from '../../../src/main/core/agreement/coders.ts';
import { runCli } from '../../../src/main/hosts/cli/main.ts';
import { caller } from '../analysis-fixture.ts';
import { newSession } from '../../support/temp.ts';

/**
 * Two coders, one interview, counted on paper. The participant's six sentences (the interviewer's
 * two left out):
 *   S1 "We overleggen elke week."   Overleg: hanne, jonas
 *   S2 "De planning is strak."      –
 *   S3 "Soms is er geen tijd."      Tijd: hanne, jonas
 *   S4 "Het team helpt."            Overleg: jonas
 *   S5 "Ouders bellen vaak."        –
 *   S6 "Dat kost tijd."             Tijd: hanne
 * and jonas codes the interviewer's "En de ouders?" with Tijd (counted only with speakers = all).
 * Per label: both 1, one coder only 1, neither 4: agreement 5/6; κ = (30/36 − 22/36) / (14/36) = 4/7;
 * α = 1 − 11·2 / (2·3·9) = 16/27. Overall (pooled): 10/12; κ 4/7; α = 1 − 23·4 / (2·6·18) = 31/54.
 */
const TEXT = 'Interviewer: Hoe verloopt het overleg?\nLies: We overleggen elke week. De planning is strak. Soms is er geen tijd. Het team helpt.\nInterviewer: En de ouders?\nLies: Ouders bellen vaak. Dat kost tijd.\n';

async function study() {
  const { session, project, dir, path } = newSession('hanne');
  const call = caller(session);
  const file = join(dir, 'lies.txt');
  writeFileSync(file, TEXT);
  await call('documents/import', { files: [{ path: file }], participant: 'Lies' });
  const [document] = await call('documents/list', {});
  const { text } = await call('documents/get', { id: document!.id });
  const overleg = await call('labels/create', { name: 'Overleg' });
  const tijd = await call('labels/create', { name: 'Tijd' });
  const code = async (coder: string, words: string, labelId: string) => {
    session.setCoder(coder);
    const start = text.indexOf(words);
    expect(start).toBeGreaterThanOrEqual(0);
    await call('codings/apply', { documentId: document!.id, start, end: start + words.length, labelId });
  };
  await code('hanne', 'We overleggen elke week.', overleg.id);
  await code('jonas', 'We overleggen elke week.', overleg.id);
  await code('hanne', 'Soms is er geen tijd.', tijd.id);
  await code('jonas', 'Soms is er geen tijd.', tijd.id);
  await code('jonas', 'Het team helpt.', overleg.id);
  await code('hanne', 'Dat kost tijd.', tijd.id);
  await code('jonas', 'En de ouders?', tijd.id);
  session.setCoder('hanne');
  return { session, project, call, path, text, documentId: document!.id, labels: { overleg: overleg.id, tijd: tijd.id } };
}

describe('agreement between coders over a project', () => {
  it('counts the participants’ sentences: percent, κ and α per label and pooled, as worked out on paper', async () => {
    const { call } = await study();
    const result = await call('agreement/compute', {});
    expect(result).toMatchObject({ unit: 'sentence', speakers: 'participants', settled: 0 });
    expect(result.coders.map((c) => [c.name, c.codings, c.documents])).toEqual([
      ['hanne', 3, 1],
      ['jonas', 4, 1],
    ]);
    for (const row of result.labels) {
      expect(row.units).toBe(6);
      expect(row.differences).toBe(1);
      expect(row.percent).toBeCloseTo(5 / 6, 12);
      expect(row.kappa).toBeCloseTo(4 / 7, 12);
      expect(row.alpha).toBeCloseTo(16 / 27, 12);
    }
    expect(result.overall.percent).toBeCloseTo(10 / 12, 12);
    expect(result.overall.kappa).toBeCloseTo(4 / 7, 12);
    expect(result.overall.alpha).toBeCloseTo(31 / 54, 12);
    expect(result.overall.differences).toBe(2);

    // Everyone's speech: the interviewer's two sentences count, and jonas's "En de ouders?" differs.
    const all = await call('agreement/compute', { speakers: 'all' });
    expect(all.labels.map((l) => [l.label, l.units, l.differences])).toEqual([
      ['Overleg', 8, 1],
      ['Tijd', 8, 2],
    ]);
    // By turn: Overleg in turn 2 by both, in turn 4 by nobody; Tijd in turn 4 by hanne only.
    const turns = await call('agreement/compute', { unit: 'turn' });
    expect(turns.labels.map((l) => [l.label, l.units, l.percent])).toEqual([
      ['Overleg', 2, 1],
      ['Tijd', 2, 0.5],
    ]);
  });

  it('at character level: uα over the speech, the differing sentences reviewed; identical coding is 1', async () => {
    const { call } = await study();
    const result = await call('agreement/compute', { unit: 'character' });
    const speech = 'We overleggen elke week. De planning is strak. Soms is er geen tijd. Het team helpt.'.length + 'Ouders bellen vaak. Dat kost tijd.'.length;
    expect(result.labels[0]!.units).toBe(speech);
    expect(result.labels.map((l) => l.differences)).toEqual([1, 1]);
    for (const row of result.labels) {
      expect(row.alpha).toBeGreaterThan(0);
      expect(row.alpha).toBeLessThan(1);
    }
    const only = await call('agreement/compute', { unit: 'character', labelIds: [(await call('labels/list', {})).find((l) => l.name === 'Overleg')!.id] });
    expect(only.labels).toHaveLength(1);
  });

  it('lists each difference with both versions in context; one decision per write, undoable; the agreement after', async () => {
    const { call, project, labels, text } = await study();
    const differences: DifferencesResult = await call('agreement/differences', {});
    expect(differences.total).toBe(2);
    const [team, tijd] = differences.differences;
    expect(text.slice(team!.start, team!.end)).toBe('Het team helpt.');
    expect(team!.label).toBe('Overleg');
    expect(team!.context.speaker).toBe('Lies');
    expect(team!.context.text).toContain('We overleggen elke week.');
    expect(team!.versions.map((v) => [coderDisplayName(project.db, v.coder), v.spans.length])).toEqual([
      ['hanne', 0],
      ['jonas', 1],
    ]);
    expect(text.slice(tijd!.start, tijd!.end)).toBe('Dat kost tijd.');

    // Decision 1: hanne's version of "Het team helpt." (no Overleg) — nothing to code, the decision kept.
    const first = await call('agreement/decide', { documentId: team!.documentId, labelId: labels.overleg, start: team!.start, end: team!.end, coders: ['hanne', 'jonas'], choice: { kind: 'coder', coder: 'hanne' } });
    expect(first).toMatchObject({ added: 0, removed: 0 });
    // Decision 2: hanne's "Dat kost tijd." as Tijd — the consensus codes hanne's segment.
    const second = await call('agreement/decide', { documentId: tijd!.documentId, labelId: labels.tijd, start: tijd!.start, end: tijd!.end, coders: ['hanne', 'jonas'], choice: { kind: 'coder', coder: 'hanne' } });
    expect(second).toMatchObject({ added: 1, removed: 0 });
    const consensus = () => project.db.prepare('SELECT COUNT(*) FROM codings WHERE coder = ?').pluck().get(CONSENSUS_CODER);
    expect(consensus()).toBe(1);

    const after: AgreementResult = await call('agreement/compute', {});
    expect(after.settled).toBe(2);
    // Before stays as coded; after, both differences settled: full agreement on both labels.
    expect(after.overall.percent).toBeCloseTo(10 / 12, 12);
    expect(after.after.overall.percent).toBe(1);
    expect(after.after.overall.kappa).toBe(1);
    expect(after.after.overall.alpha).toBe(1);
    expect(after.after.labels.map((l) => l.differences)).toEqual([0, 0]);
    // The consensus is not one of "all coders", and its decisions show on the differences.
    // Coders are keyed by their stable id (issue 25), shown by name.
    expect(after.coders.map((c) => c.key)).toEqual(resolveCoders(project.db, ['hanne', 'jonas']));
    expect(after.coders.map((c) => c.name)).toEqual(['hanne', 'jonas']);
    const listed = await call('agreement/differences', {});
    expect(listed.differences.map((d) => d.decision?.kind)).toEqual(['coder', 'coder']);

    // Changing one's mind: neither → the consensus coding goes again; both → it comes back.
    expect(await call('agreement/decide', { documentId: tijd!.documentId, labelId: labels.tijd, start: tijd!.start, end: tijd!.end, coders: ['hanne', 'jonas'], choice: { kind: 'neither' } })).toMatchObject({ added: 0, removed: 1 });
    expect(consensus()).toBe(0);
    await call('history/undo', {});
    expect(consensus()).toBe(1);
    expect((await call('agreement/differences', {})).differences[1]!.decision).toMatchObject({ kind: 'coder', coder: resolveCoders(project.db, ['hanne'])[0] });
    // Undo decision 2 as well: the consensus is empty, one difference settled.
    await call('history/undo', {});
    expect(consensus()).toBe(0);
    expect((await call('agreement/compute', {})).settled).toBe(1);

    // The consensus compared with a coder: resolved by its shown name.
    await call('history/redo', {});
    const versus = await call('agreement/compute', { coders: ['Consensus', 'hanne'] });
    expect(versus.coders.map((c) => c.name)).toEqual(['Consensus', 'hanne']);
  });

  it('refuses what cannot be compared, naming the problem; a coder who coded nothing has missing values', async () => {
    const { call, documentId, labels } = await study();
    await expect(call('agreement/compute', { coders: ['hanne', 'piet'] })).rejects.toThrow(/No coder is called "piet"; the coders are: hanne \(.+\), jonas \(.+\)\./);
    await expect(call('agreement/compute', { coders: ['hanne'] })).rejects.toThrow('Agreement needs at least two coders');
    await expect(call('agreement/decide', { documentId, labelId: labels.tijd, start: 5, end: 4000, coders: ['hanne', 'jonas'], choice: { kind: 'both' } })).rejects.toThrow('is not inside "lies"');
    await expect(call('agreement/decide', { documentId, labelId: labels.tijd, start: 5, end: 10, coders: ['hanne'], choice: { kind: 'coder', coder: 'jonas' } })).rejects.toThrow('jonas is not one of the coders compared here.');
    // The consensus before any decision coded nothing: no document to compare, no figure.
    const none = await call('agreement/compute', { coders: ['hanne', 'Consensus'] });
    expect(none.documents).toEqual([]);
    expect(none.overall).toMatchObject({ percent: null, kappa: null, alpha: null, units: 0 });
    expect(none.notes.join(' ')).toContain('Consensus has coded none of these documents');
  });

  it('the CLI prints the promised --json shape, refuses a wrong unit with 2, and writes the report', async () => {
    const { session, path } = await study();
    session.close();
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, { DUIDING_CODER: 'cli' });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const json = await run(['agreement', path, '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out);
    expect(Object.keys(parsed)).toEqual(['unit', 'coders', 'documents', 'overall', 'labels']);
    expect(parsed).toMatchObject({ unit: 'sentence', coders: ['hanne', 'jonas'], documents: ['lies'] });
    expect(parsed.overall.kappa).toBeCloseTo(4 / 7, 12);
    expect(parsed.labels.map((l: { label: string }) => l.label)).toEqual(['Overleg', 'Tijd']);
    expect(Object.keys(parsed.labels[0])).toEqual(['label', 'percent', 'kappa', 'alpha']);
    const tijd = await run(['agreement', path, '--labels', 'tijd', '--unit', 'turn', '--speakers', 'all', '--json']);
    expect(JSON.parse(tijd.out).labels).toHaveLength(1);
    const wrong = await run(['agreement', path, '--unit', 'word']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--unit must be one of: turn, sentence, character (got "word").');
    const nobody = await run(['agreement', path, '--coders', 'hanne,piet']);
    expect(nobody.code).toBe(2);
    expect(nobody.err).toContain('No coder is called "piet"');
    const table = await run(['agreement', path]);
    expect(table.out).toContain('Agreement at sentence level, participants\' speech only');
    expect(table.out).toMatch(/Overall\s+83\.3 %\s+0\.571\s+0\.574/);

    const xlsx = join(path, '..', 'agreement.xlsx');
    expect((await run(['agreement', path, '--out', xlsx])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const rows = (workbook.getWorksheet('Agreement')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 7));
    expect(rows[0]).toEqual(['Label', 'Agreement (%)', "Cohen's κ", "Krippendorff's α", 'Units', 'Differences']);
    expect(rows[3]).toEqual(['All labels together', 83.3, 0.571, 0.574, 6, 2]);
    const docx = join(path, '..', 'agreement.docx');
    expect((await run(['agreement', path, '--out', docx])).code).toBe(0);
    expect((await run(['agreement', path, '--out', join(path, '..', 'agreement.pdf')])).code).toBe(2);
  });
});
