import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, dispatch } from '../../../src/main/core/handlers.ts';
import { cancelledAtFirstStep } from '../../support/tasks.ts';
import { surveyCsv } from '../../../bench/measure/surveys.ts';
import { triggersCurrent, withoutHistoryTriggers } from '../../../src/main/core/history/triggers.ts';
import { getDocument, listDocuments } from '../../../src/main/core/documents/store.ts';
import { listParticipants } from '../../../src/main/core/participants/store.ts';
import { retrieveSegments } from '../../../src/main/core/retrieval/service.ts';
import { applyLabel } from '../../../src/main/core/coding/service.ts';
import type { ScalesResult, SurveyImportResult, SurveyItem, SurveyPlan } from '../../../src/shared/surveys/model.ts';
import { FIXTURES, fingerprint, newSession, snapshot } from '../../support/temp.ts';

const CSV = { path: join(FIXTURES, 'surveys/zelfevaluatie.csv') };
const XLSX = { path: join(FIXTURES, 'surveys/intervisie-jaar2.xlsx') };
const PSEUDONYMS = { path: join(FIXTURES, 'surveys/pseudonyms.csv') };

async function run<T>(session: Parameters<typeof call>[0], name: string, args: unknown): Promise<T> {
  return (await call(session, name, args)).result as T;
}

/**
 * Expected values of the seed-004-like self-assessment, from a Python one-off that reads the CSV
 * itself (its own word list, its own means): `python3 tests/core/surveys/scales-check.py
 * fixtures/surveys/zelfevaluatie.csv` (Python 3.11, `statistics.mean/median/stdev`). A1 by hand:
 * S01 (5 + volledig eens 6)/2 = 5.5, S02 (eens 5 + 4)/2 = 4.5, S03 4, S04 (3 + eerder oneens 2)/2 = 2.5,
 * S05 (eerder eens 4 + 5)/2 = 4.5, S06 2, S07 3, S08 (oneens 1 + 2)/2 = 1.5: sum 27.5, mean 3.4375,
 * median (3 + 4)/2 = 3.5.
 */
const PYTHON = {
  A1: { all: [8, 3.4375, 3.5, 1.399936223037117], leerkracht: [3, 2.1666666666666665, 2.0, 0.7637626158259734], ondersteuner: [3, 3.6666666666666665, 4.0, 1.0408329997330663], schoolleider: [2, 5.0, 5.0, 0.7071067811865476] },
  A2: { all: [8, 2.0, 1.75, 1.2535663410560174], leerkracht: [3, 0.8333333333333334, 0.5, 0.5773502691896257], ondersteuner: [3, 2.1666666666666665, 2.0, 0.7637626158259734], schoolleider: [2, 3.5, 3.5, 0.7071067811865476] },
  B: { all: [8, 3.625, 3.5, 1.3296078906418776], leerkracht: [3, 2.3333333333333335, 2.5, 0.28867513459481287], ondersteuner: [3, 3.6666666666666665, 3.5, 0.28867513459481287], schoolleider: [2, 5.5, 5.5, 0.0] },
  'D.1': { all: [8, 2.4375, 2.25, 1.050085030570654], leerkracht: [3, 1.6666666666666667, 1.5, 0.28867513459481287], ondersteuner: [3, 2.6666666666666665, 2.5, 1.2583057392117916], schoolleider: [2, 3.25, 3.25, 1.0606601717798212] },
  'E.1 Ouders worden betrokken': { all: [7, 2.4285714285714284, 2.0, 0.9759000729485332], leerkracht: [2, 1.5, 1.5, 0.7071067811865476], ondersteuner: [3, 2.6666666666666665, 3.0, 0.5773502691896257], schoolleider: [2, 3.0, 3.0, 1.4142135623730951] },
} as const;

function expectSummary(actual: { n: number; mean: number | null; median: number | null; sd: number | null }, [n, mean, median, sd]: readonly number[]) {
  expect(actual.n).toBe(n);
  expect(actual.mean).toBeCloseTo(mean!, 12);
  expect(actual.median).toBeCloseTo(median!, 12);
  expect(actual.sd).toBeCloseTo(sd!, 12);
}

describe('a seed-004-like self-assessment (.csv: `;`, BOM, CRLF, numbers and words mixed on 0–6)', () => {
  it('infers the plan: id, attributes, scale items in dimensions by their shared code, open questions', async () => {
    const { session } = newSession();
    const plan = await run<SurveyPlan>(session, 'surveys/plan', { file: CSV });
    expect(plan.respondents).toBe(8);
    expect(plan.columns.map((c) => [c.header.split(' ')[0], c.kind, c.dimension ?? null])).toEqual([
      ['Respondent', 'id', null],
      ['Rol', 'attribute', null],
      ['School', 'attribute', null],
      ['A1.1', 'scale', 'A1'],
      ['A1.2', 'scale', 'A1'],
      ['A2.1', 'scale', 'A2'],
      ['A2.2', 'scale', 'A2'],
      ['B.1', 'scale', 'B'],
      ['B.2', 'scale', 'B'],
      ['D.1.1', 'scale', 'D.1'],
      ['D.1.2', 'scale', 'D.1'],
      // The only item with its code is a dimension of its own, named by its header.
      ['E.1', 'scale', 'E.1 Ouders worden betrokken'],
      ['Wat', 'open', null],
      ['Wat', 'open', null],
    ]);
    // Words take the numbers the file answers in: a 0 is answered (A2.1), so 0–6, the 7-point Dutch scale.
    for (const c of plan.columns.filter((c) => c.kind === 'scale')) expect([c.scale!.min, c.scale!.max]).toEqual([0, 6]);
    expect(plan.columns[3]!.scale!.words).toEqual(['volledig oneens', 'oneens', 'eerder oneens', 'neutraal', 'eerder eens', 'eens', 'volledig eens']);
  });

  it('imports and compares the dimensions by role: n, mean, median and sd as an independent count has them', async () => {
    const { session, project } = newSession();
    const result = await run<SurveyImportResult>(session, 'surveys/import', { file: CSV, pseudonyms: { path: join(FIXTURES, 'pseudonyms.csv') } });
    expect(result).toMatchObject({ participants: { created: 8, updated: 0 }, documents: 8, openAnswers: 14, items: 9, dimensions: ['A1', 'A2', 'B', 'D.1', 'E.1 Ouders worden betrokken'] });
    // 9 items × 8 respondents, minus S08's empty E.1.
    expect(result.answers).toBe(71);
    const scales = await run<ScalesResult>(session, 'surveys/scales', { by: 'rol' });
    expect(scales.by).toBe('Rol');
    expect(scales.groupValues).toEqual(['leerkracht', 'ondersteuner', 'schoolleider']);
    expect(scales.items.map((i) => i.name)).toEqual(Object.keys(PYTHON));
    for (const row of scales.items) {
      const want = PYTHON[row.name as keyof typeof PYTHON];
      expectSummary(row, want.all);
      for (const group of scales.groupValues) expectSummary(row.groups[group]!, want[group as 'leerkracht']);
    }
    // A1's answers counted by hand: 1 ×1 (oneens), 2 ×4, 3 ×3, 4 ×4, 5 ×3, 6 ×1 = 16 answers.
    expect(scales.items[0]!.distribution).toEqual({ 1: 1, 2: 4, 3: 3, 4: 4, 5: 3, 6: 1 });
    expect(scales.items[0]!.groups.schoolleider!.distribution).toEqual({ 4: 1, 5: 2, 6: 1 });
    // Pseudonyms apply to open answers as to transcripts.
    const s03 = listDocuments(project.db).find((d) => d.name.startsWith('S03'))!;
    expect(getDocument(project.db, s03.id)!.text).toContain('Onze zorgcoördinator K.L. maakt');
    expect(result.replacements).toEqual([{ name: 'Katrien', pseudonym: 'K.L.', count: 1 }]);
  });

  it('open answers: one questionnaire document per respondent, a turn per answer under its question, the question never in the text', async () => {
    const { session, project } = newSession();
    await run(session, 'surveys/import', { file: CSV });
    const documents = listDocuments(project.db);
    expect(documents.map((d) => [d.name, d.kind])).toEqual(['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08'].map((s) => [`${s} – zelfevaluatie`, 'questionnaire']));
    const participants = new Map(listParticipants(project.db).map((p) => [p.id, p]));
    const s04 = getDocument(project.db, documents[3]!.id)!;
    // S04 left the strengths empty: only the priority is there, as the participant's own words.
    expect(s04.turns.map((t) => t.text)).toEqual(['Duidelijke procedures voor verhoogde zorg uitschrijven.']);
    expect(participants.get(s04.participantId!)!).toMatchObject({ name: 'S04', attributes: { Rol: 'ondersteuner', School: 'De Linde' } });
    for (const d of documents) expect(getDocument(project.db, d.id)!.text).not.toMatch(/Wat zijn/);
    const guide = await run<Array<{ id: string; title: string }>>(session, 'guide/get', {});
    expect(guide.map((s) => s.title)).toEqual(['Wat zijn concrete sterktes?', 'Wat zijn prioritaire werkpunten?']);
    // "All answers to question 2": code every answer turn, then retrieve by its guide section.
    const label = await run<{ id: string }>(session, 'labels/create', { name: 'Werkpunt' });
    for (const d of documents) {
      for (const turn of getDocument(project.db, d.id)!.turns) applyLabel(project, { documentId: d.id, start: turn.start, end: turn.end, labelId: label.id });
    }
    const retrieved = retrieveSegments(project, { labelId: label.id, filters: { guideSectionId: guide[1]!.id } });
    // 8 respondents, S05 left the priorities empty: 7 answers to question 2.
    expect(retrieved.total).toBe(7);
  });

  it('a reversed item and an item regrouped by hand: one undo step each', async () => {
    const { session } = newSession();
    await run(session, 'surveys/import', { file: CSV });
    const items = await run<SurveyItem[]>(session, 'surveys/items', {});
    const a12 = items.find((i) => i.header.startsWith('A1.2'))!;
    await run(session, 'surveys/updateItem', { id: a12.id, reversed: true });
    // By hand: A1.2 reversed is 6 − answer: 0, 2, 2, 4, 1, 4, 3, 4; with A1.1 (5, 5, 4, 3, 4, 2, 3, 1) the
    // respondents' means are 2.5, 3.5, 3, 3.5, 2.5, 3, 3, 2.5: sum 23.5, mean 2.9375, median 3.
    let a1 = (await run<ScalesResult>(session, 'surveys/scales', {})).items[0]!;
    expect([a1.n, a1.mean, a1.median]).toEqual([8, 2.9375, 3]);
    await run(session, 'history/undo', {});
    a1 = (await run<ScalesResult>(session, 'surveys/scales', {})).items[0]!;
    expect([a1.mean, a1.median]).toEqual([3.4375, 3.5]);
    const e1 = items.find((i) => i.header.startsWith('E.1'))!;
    await run(session, 'surveys/updateItem', { id: e1.id, dimension: 'D.1' });
    const scales = await run<ScalesResult>(session, 'surveys/scales', {});
    expect(scales.items.map((i) => [i.name, i.items.length])).toEqual([['A1', 2], ['A2', 2], ['B', 2], ['D.1', 3]]);
  });

  it('a plan of the researcher: a column ignored, a scale of their own with its order, an unknown column refused', async () => {
    const { session, project, dir } = newSession();
    const path = join(dir, 'eigen.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, 'Naam,Hoe vaak overleg je?,Opmerking\nAn,soms,x\nBert,nooit,y\nCas,altijd,z\nDirk,vaak,x\n');
    const plan = await run<SurveyPlan>(session, 'surveys/plan', { file: { path } });
    expect(plan.columns.map((c) => c.kind)).toEqual(['id', 'attribute', 'attribute']);
    const before = fingerprint(project);
    await expect(call(session, 'surveys/import', { file: { path }, plan: [{ header: 'Bestaat niet', kind: 'ignore' }] })).rejects.toThrow(
      'The plan names a column "Bestaat niet" that eigen.csv does not have; its columns are: Naam, Hoe vaak overleg je?, Opmerking.',
    );
    expect(fingerprint(project)).toEqual(before);
    const dry = await run<SurveyImportResult>(session, 'surveys/import', {
      file: { path },
      dryRun: true,
      plan: [
        { header: 'Hoe vaak overleg je?', kind: 'scale', scale: { min: 1, words: ['nooit', 'soms', 'vaak', 'altijd'] } },
        { header: 'Opmerking', kind: 'ignore' },
      ],
    });
    expect(dry).toMatchObject({ dryRun: true, answers: 4, items: 1, participants: { created: 4 } });
    expect(fingerprint(project)).toEqual(before);
    await run(session, 'surveys/import', {
      file: { path },
      plan: [
        { header: 'Hoe vaak overleg je?', kind: 'scale', scale: { min: 1, words: ['nooit', 'soms', 'vaak', 'altijd'] } },
        { header: 'Opmerking', kind: 'ignore' },
      ],
    });
    const row = (await run<ScalesResult>(session, 'surveys/scales', {})).items[0]!;
    // soms 2, nooit 1, altijd 4, vaak 3: mean 2.5, median 2.5.
    expect([row.name, row.n, row.mean, row.median]).toEqual(['Hoe vaak overleg je?', 4, 2.5, 2.5]);
    expect(project.db.prepare("SELECT COUNT(*) FROM attributes WHERE name = 'Opmerking'").pluck().get()).toBe(0);
  });

  it('a Windows-1252 .csv with commas, English 5- and 7-point words, and no id column: respondents numbered R01…', async () => {
    const { session, project, dir } = newSession();
    const { writeFileSync } = await import('node:fs');
    const path = join(dir, 'english.csv');
    const rows = [
      'Team,Q1 The vision is clear,Q2 I feel supported,Remarks about the coördination',
      'A,Strongly agree,somewhat agree,"The coördinator is great, we talk weekly about pupils."',
      'A,agree,Neither agree nor disagree,Too little time for the differentiëring we want in class.',
      'B,Disagree,strongly disagree,',
      'B,Neutral,Somewhat disagree,"Clear procedures, but nobody follows them in practice."',
    ];
    writeFileSync(path, Buffer.from(rows.join('\r\n'), 'latin1'));
    const result = await run<SurveyImportResult>(session, 'surveys/import', { file: { path } });
    expect(result.plan.columns.map((c) => [c.kind, c.scale?.name ?? null, c.scale ? `${c.scale.min}–${c.scale.max}` : null])).toEqual([
      ['attribute', null, null],
      // Q1's words fit both English scales: a file's items share its largest (Q2's "somewhat" is 7-point only).
      ['scale', 'en-7', '1–7'],
      ['scale', 'en-7', '1–7'],
      ['open', null, null],
    ]);
    expect(listParticipants(project.db).map((p) => p.name)).toEqual(['R01', 'R02', 'R03', 'R04']);
    expect(result.plan.columns[3]!.header).toBe('Remarks about the coördination');
    const scales = await run<ScalesResult>(session, 'surveys/scales', { by: 'Team' });
    // By hand on 1–7: Q1 strongly agree 7, agree 6, disagree 2, neutral 4 (mean 19/4, median 5; A 6.5, B 3);
    // Q2 somewhat agree 5, neither 4, strongly disagree 1, somewhat disagree 3. Each item is its own dimension.
    expect(scales.items.map((i) => [i.name, i.n, i.mean, i.median, i.groups.A!.mean, i.groups.B!.mean])).toEqual([
      ['Q1 The vision is clear', 4, 4.75, 5, 6.5, 3],
      ['Q2 I feel supported', 4, 3.25, 3.5, 4.5, 2],
    ]);
    // A second survey without ids numbers its respondents after the first's.
    writeFileSync(join(dir, 'second.csv'), 'Team,Q1 The vision is clear\nC,agree\n');
    const second = await run<SurveyImportResult>(session, 'surveys/import', { file: { path: join(dir, 'second.csv') } });
    // Alone, "agree" is on the smallest English scale: 5 points, 1–5.
    expect(second.plan.columns[1]!.scale).toMatchObject({ name: 'en-5', min: 1, max: 5 });
    expect(listParticipants(project.db).map((p) => p.name)).toEqual(['R01', 'R02', 'R03', 'R04', 'R05']);
  });

  it('the same file twice is refused', async () => {
    const { session } = newSession();
    await run(session, 'surveys/import', { file: CSV });
    await expect(call(session, 'surveys/import', { file: CSV })).rejects.toThrow('zelfevaluatie.csv was already imported as the survey "zelfevaluatie" (same content).');
  });
});

describe('a year-2-like questionnaire (.xlsx: a group column, a date, days per domain, seven open questions)', () => {
  it('reads numbers and dates as Excel stores them, compares the days per domain by group', async () => {
    const { session, project } = newSession();
    const result = await run<SurveyImportResult>(session, 'surveys/import', { file: XLSX, pseudonyms: PSEUDONYMS });
    expect(result.plan.sheet).toBe('Antwoorden');
    expect(result.plan.columns.map((c) => c.kind)).toEqual(['id', 'attribute', 'attribute', 'open', 'open', 'numeric', 'numeric', 'numeric', 'numeric', 'open', 'open', 'open', 'open', 'open']);
    expect(result.plan.columns[2]).toMatchObject({ header: 'Ingevuld op', attributeType: 'date', samples: ['2021-03-04', '2021-03-11', '2021-03-18'] });
    // 6 respondents × 7 open questions, 3 left empty.
    expect(result).toMatchObject({ documents: 6, openAnswers: 39, answers: 24, items: 4, dimensions: [] });
    // The name column passes through the pseudonym list: no real name enters the project.
    expect(listParticipants(project.db).map((p) => p.name).sort()).toEqual(['R-GVD', 'R-JDS', 'R-KL', 'R-LM', 'R-PC', 'R-SP']);
    const scales = await run<ScalesResult>(session, 'surveys/scales', { by: 'Groep' });
    expect(scales.groupValues).toEqual(['Groep 1', 'Groep 2', 'Groep 3']);
    const byName = new Map(scales.items.map((i) => [i.name, i]));
    // By hand from the sheet (scripts/make-survey-fixtures.ts): Onderwijsloopbaan 1, 0.5, 1, 0.5, 2, 1:
    // sum 6, mean 1, median of 0.5 0.5 1 1 1 2 = 1; Groep 3 (2, 1): mean 1.5.
    expect(byName.get('Onderwijsloopbaan: /5')).toMatchObject({ kind: 'numeric', n: 6, mean: 1, median: 1, groups: { 'Groep 1': { n: 2, mean: 0.75, median: 0.75 }, 'Groep 3': { n: 2, mean: 1.5, median: 1.5 } } });
    // Leren en studeren 2.5, 3, 1, 1.5, 1, 1: sum 10, mean 10/6, median of 1 1 1 1.5 2.5 3 = 1.25; Groep 1 (2.5, 3) 2.75.
    const leren = byName.get('Leren en studeren: /5')!;
    expect(leren.mean).toBeCloseTo(10 / 6, 14);
    expect([leren.n, leren.median, leren.groups['Groep 1']!.mean, leren.groups['Groep 2']!.mean]).toEqual([6, 1.25, 2.75, 1.25]);
    // Psychisch en sociaal 1, 1, 2.5, 2, 1.5, 1: mean 9/6 = 1.5, median 1.25; Groep 2 (2.5, 2) 2.25.
    expect(byName.get('Psychisch en sociaal functioneren: /5')).toMatchObject({ n: 6, mean: 1.5, median: 1.25, groups: { 'Groep 2': { mean: 2.25 } } });
    // Preventieve gezondheidszorg 0.5, 0.5, 0.5, 1, 0.5, 2: mean 5/6, median 0.5; Groep 3 (0.5, 2) 1.25.
    const preventie = byName.get('Preventieve gezondheidszorg: /5')!;
    expect(preventie.mean).toBeCloseTo(5 / 6, 14);
    expect([preventie.median, preventie.groups['Groep 3']!.mean]).toEqual([0.5, 1.25]);
  });

  it('puts the coded open answers of each group beside its numbers', async () => {
    const { session, project } = newSession();
    await run(session, 'surveys/import', { file: XLSX, pseudonyms: PSEUDONYMS });
    const label = await run<{ id: string }>(session, 'labels/create', { name: 'Tijdgebrek' });
    // Code every answer that speaks of time ("tijd"). Counted by hand from the sheet: Groep 1 has 3, all
    // R-KL's ("te weinig tijd", "Meer tijd voor overleg", "Tijd en kleine groepjes"); Groep 2 has 2, one
    // each (R-SP, R-GVD: "Meer tijd voor overleg"); Groep 3 has 2, both R-LM's ("te veel tijd", "Meer tijd").
    let coded = 0;
    for (const d of listDocuments(project.db)) {
      for (const turn of getDocument(project.db, d.id)!.turns) {
        if (/\btijd\b/i.test(turn.text)) {
          applyLabel(project, { documentId: d.id, start: turn.start, end: turn.end, labelId: label.id });
          coded++;
        }
      }
    }
    expect(coded).toBe(7);
    const joint = await run<{ groups: Array<{ value: string; respondents: number; labels: Array<{ name: string; segments: number; respondents: number; quotes: Array<{ participant: string; question: string }> }> }> }>(
      session,
      'surveys/codedAnswers',
      { by: 'Groep' },
    );
    expect(joint.groups.map((g) => [g.value, g.respondents, g.labels.map((l) => [l.name, l.segments, l.respondents])])).toEqual([
      ['Groep 1', 2, [['Tijdgebrek', 3, 1]]],
      ['Groep 2', 2, [['Tijdgebrek', 2, 2]]],
      ['Groep 3', 2, [['Tijdgebrek', 2, 1]]],
    ]);
    expect(joint.groups[0]!.labels[0]!.quotes[0]).toMatchObject({ participant: 'R-KL', question: '2. Wat loopt er minder goed in de leerlingenbegeleiding?' });
  });
});

describe('a survey import sets the answers history triggers aside only while it writes them', () => {
  it('puts them back before it commits, and refuses to set them aside outside a baseline write', async () => {
    const { session, project } = newSession();
    await run(session, 'surveys/import', { file: CSV });
    expect(triggersCurrent(project.db)).toBe(true);
    const names = project.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'survey_answers' ORDER BY name").pluck().all();
    expect(names).toEqual(['history_survey_answers_delete', 'history_survey_answers_insert', 'history_survey_answers_update']);
    expect(() => withoutHistoryTriggers(project.db, 'survey_answers', () => 0)).toThrow(/only inside a baseline write/);
  });
});

describe('a large questionnaire is a long call (issue 16)', () => {
  it('reports its progress in chunks, answers other callers between them, and Cancel leaves the project exactly as before', async () => {
    const { session, project, dir } = newSession();
    const file = join(dir, 'groot.csv');
    // 3,000 respondents × 24 items: 72,000 answers, four chunks, then 3,000 open answers' documents.
    writeFileSync(file, surveyCsv(3000, 24));
    await dispatch(session, 'labels/create', { name: 'werkdruk' });
    const before = snapshot(project);
    let readDuring: unknown = null;
    const notices = await cancelledAtFirstStep(session, 'surveys/import', { file: { path: file } }, 'survey-1', (cancel) => {
      // Answered between two chunks: the import's own connection then holds some answers, not all.
      // (`project.db` is the committed state's connection for a read; the import's is the writer.)
      const writer = (project as unknown as { writer: typeof project.db }).writer;
      void dispatch(session, 'labels/list', {}).then((labels) => {
        readDuring = { labels, answersWritten: writer.prepare('SELECT COUNT(*) FROM survey_answers').pluck().get() };
        cancel();
      });
    });
    expect(notices[0]).toMatchObject({ action: 'surveys/import', done: 20_000 });
    expect(notices.at(-1)!.done).toBeLessThan(notices[0]!.total);
    expect(readDuring).toEqual({ labels: [expect.objectContaining({ name: 'werkdruk' })], answersWritten: expect.any(Number) });
    // Between two chunks of answers, not after all of them.
    expect((readDuring as unknown as { answersWritten: number }).answersWritten).toBeGreaterThan(0);
    expect((readDuring as unknown as { answersWritten: number }).answersWritten).toBeLessThan(72_000);
    expect(snapshot(project)).toEqual(before);
    expect(triggersCurrent(project.db)).toBe(true);
    // Not cancelled, it runs to its end: every answer in, one write.
    const result = (await dispatch(session, 'surveys/import', { file: { path: file } })) as SurveyImportResult;
    expect(result.answers).toBe(72_000);
    expect(project.db.prepare('SELECT COUNT(*) FROM survey_answers').pluck().get()).toBe(72_000);
  });
});
