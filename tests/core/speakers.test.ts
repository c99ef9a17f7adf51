import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument, listDocuments } from '../../src/main/core/documents/store.ts';
import { inferRoles, speakerKey } from '../../src/shared/speaker-roles.ts';
import { sentenceSpans } from '../../src/shared/text/sentences.ts';
import { newSession } from '../support/temp.ts';
import { caller, checkUndoRedo } from './analysis-fixture.ts';

const HERE = join(import.meta.dirname, 'focus-group');

/** The focus group: a moderator (Els Wouters) and three participants of the participants table; a fourth never speaks. */
async function focusGroup() {
  const { session, project, dir } = newSession('hanne');
  const call = caller(session);
  const report = await call('documents/import', { files: [{ path: join(HERE, 'participants.csv') }, { path: join(HERE, 'focus-group.vtt') }] });
  const { participants } = await call('participants/list', {});
  const id = (name: string) => participants.find((p) => p.name === name)!.id;
  const document = getDocument(project.db, listDocuments(project.db)[0]!.id)!;
  return { session, project, dir, call, report, document, ids: { anna: id('Anna Peeters'), bram: id('Bram Claes'), chloe: id('Chloë Maes'), dirk: id('Dirk Janssens') } };
}

/** Independently of the core: the speaker of the turn each segment of a label lies in, straight from SQL. */
function speakersOfLabel(project: ReturnType<typeof newSession>['project'], labelId: string): Array<{ speaker: string | null; text: string; start: number; end: number; turnStart: number; turnEnd: number }> {
  return project.db
    .prepare(
      `SELECT t.speaker, s.text, s.start, s.end, t.start AS turnStart, t.end AS turnEnd
       FROM codings c JOIN segments s ON s.id = c.segment_id JOIN documents d ON d.id = s.document_id
       JOIN turns t ON t.document_seq = d.seq AND t.start <= s.start AND s.end <= t.end
       WHERE c.label_id = ? ORDER BY s.start`,
    )
    .all(labelId) as Array<{ speaker: string | null; text: string; start: number; end: number; turnStart: number; turnEnd: number }>;
}

/** Sentences by hand: the hits of `word` in the turns of each speaker, as the test's author reads the transcript. */
const WERKDRUK = {
  // Anna: "De werkdruk is hoog, bv. …" and "En ook de administratie, enz. Ik merk dat de werkdruk …, werkdruk die blijft." (two hits, one sentence)
  'Anna Peeters': ['De werkdruk is hoog, bv. in juni met de klassenraden.', 'En ook de administratie, enz. Ik merk dat de werkdruk dan "ondraaglijk" wordt, werkdruk die blijft.'],
  'Bram Claes': ['Maar in mei voel ik de werkdruk ook!'],
  'Chloe Maes': [],
  'Els Wouters': ['Vandaag praten we over werkdruk.', 'Wat betekent werkdruk voor jullie?', 'Herken je die werkdruk?'],
};

describe('a focus group (WebVTT, a moderator and three participants of the participants table)', () => {
  it('infers every role without help: participants by name (accents ignored), the other speaker the interviewer', async () => {
    const { call, report, document, ids } = await focusGroup();
    expect(document.speakers).toEqual(['Els Wouters', 'Anna Peeters', 'Bram Claes', 'Chloe Maes']);
    expect(report.files[0]!.rolesUnconfirmed).toBe(false);
    const [roles] = await call('speakers/list', { documentId: document.id });
    expect(roles!.speakers.map((s) => [s.name, s.role, s.participantId, s.rule])).toEqual([
      ['Els Wouters', 'interviewer', null, 'c'],
      ['Anna Peeters', 'participant', ids.anna, 'a'],
      ['Bram Claes', 'participant', ids.bram, 'a'],
      ['Chloe Maes', 'participant', ids.chloe, 'a'],
    ]);
    expect(roles!.unconfirmed).toBe(false);
    expect((await call('documents/list', {}))[0]!.rolesUnconfirmed).toBe(false);
  });

  it('auto-codes a word in the participants\u2019 whole sentences only; hits in one sentence make one segment', async () => {
    const { project, call } = await focusGroup();
    const run = await call('codings/autocode', { labelName: 'werkdruk', query: { text: 'werkdruk' } });
    const coded = speakersOfLabel(project, run.label.id);
    const expected = Object.entries(WERKDRUK).filter(([who]) => who !== 'Els Wouters').flatMap(([who, sentences]) => sentences.map((text) => ({ speaker: who, text })));
    expect(coded.map(({ speaker, text }) => ({ speaker, text }))).toEqual(expected);
    expect(run.coded).toBe(3);
    // The preview lists the same segments, each with a key; an unticked one is left out of the run.
    const preview = await call('codings/autocodePreview', { query: { text: 'werkdruk' } });
    expect(preview.hits.map((h) => [h.match, h.speaker, h.matches])).toEqual([
      [expected[0]!.text, 'Anna Peeters', 1],
      [expected[1]!.text, 'Anna Peeters', 2],
      [expected[2]!.text, 'Bram Claes', 1],
    ]);
    const unticked = await call('codings/autocode', { labelName: 'werkdruk (gekozen)', query: { text: 'werkdruk' }, exclude: [preview.hits[1]!.key] });
    expect(speakersOfLabel(project, unticked.label.id).map((s) => s.text)).toEqual([expected[0]!.text, expected[2]!.text]);
    // With everyone's speech the moderator's three sentences come too.
    const all = await call('codings/autocode', { labelName: 'werkdruk (allen)', query: { text: 'werkdruk' }, speakers: 'all' });
    expect(speakersOfLabel(project, all.label.id).filter((s) => s.speaker === 'Els Wouters').map((s) => s.text)).toEqual(WERKDRUK['Els Wouters']);
  });

  it('the matrix by participant gives each person their own count, a 0 column for one who never says it, and switches the moderator in', async () => {
    const { project, call, ids } = await focusGroup();
    const run = await call('codings/autocode', { labelName: 'werkdruk', query: { text: 'werkdruk' }, speakers: 'all' });
    // Independent count: segments of the label per speaker of the turn they lie in (SQL, not the core's index).
    const bySpeaker = new Map<string, number>();
    for (const s of speakersOfLabel(project, run.label.id)) bySpeaker.set(s.speaker!, (bySpeaker.get(s.speaker!) ?? 0) + 1);
    expect(Object.fromEntries(bySpeaker)).toEqual({ 'Els Wouters': 3, 'Anna Peeters': 2, 'Bram Claes': 1 });

    const matrix = await call('matrix/get', { rows: 'labels', by: 'participant' });
    const row = matrix.items.find((r) => r.id === run.label.id)!;
    const cell = (id: string | null) => row.cells[matrix.columns.findIndex((c) => c.id === id)];
    expect(matrix.columns.map((c) => c.name)).toEqual(['Anna Peeters', 'Bram Claes', 'Chloë Maes', 'unassigned']);
    expect([cell(ids.anna), cell(ids.bram), cell(ids.chloe), cell(null)]).toEqual([bySpeaker.get('Anna Peeters'), bySpeaker.get('Bram Claes'), 0, 0]);
    expect(row.total).toBe(3);
    expect(matrix.columns.some((c) => c.id === ids.dirk)).toBe(false);
    // The switch: the moderator's questions count for the document's participant (none here: unassigned).
    const withInterviewer = await call('matrix/get', { rows: 'labels', by: 'participant', speakers: 'all' });
    const all = withInterviewer.items.find((r) => r.id === run.label.id)!;
    expect(all.cells).toEqual([2, 1, 0, bySpeaker.get('Els Wouters')]);
    expect(all.total).toBe(6);
    // A cell opens exactly its quotes, each credited to the person who said it.
    const anna = await call('matrix/cell', { rows: 'labels', rowId: run.label.id, by: 'participant', columnId: ids.anna });
    expect(anna.map((q) => [q.participant?.name, q.speaker])).toEqual([
      ['Anna Peeters', 'Anna Peeters'],
      ['Anna Peeters', 'Anna Peeters'],
    ]);
    const spread = (await call('progress/labels', {})).find((l) => l.labelId === run.label.id)!;
    expect(spread.participants.map((p) => [p.name, p.segments])).toEqual([
      ['Anna Peeters', 2],
      ['Bram Claes', 1],
    ]);
    expect(spread.withoutParticipant).toBe(0);
  });

  it('a segment across two participants\u2019 turns counts for each, once in the total', async () => {
    const { call, document, ids } = await focusGroup();
    const anna = document.turns.find((t) => t.speaker === 'Anna Peeters')!;
    const bram = document.turns.find((t) => t.speaker === 'Bram Claes')!;
    const label = await call('labels/create', { name: 'planning' });
    await call('codings/apply', { documentId: document.id, start: anna.end - 10, end: bram.start + 10, labelId: label.id });
    const matrix = await call('matrix/get', { rows: 'labels', by: 'participant' });
    const row = matrix.items.find((r) => r.id === label.id)!;
    expect(row.cells).toEqual([1, 1, 0, 0]);
    expect(row.total).toBe(1);
    expect(matrix.columns[0]!.id).toBe(ids.anna);
    // Filtered to one of the two, the total is still that one segment.
    const concept = await call('concepts/create', { name: 'Planning', labelIds: [label.id] });
    const listed = (await call('concepts/list', {})).find((c) => c.id === concept.id)!;
    expect([listed.segmentCount, listed.participantCount, listed.documentCount]).toEqual([1, 2, 1]);
  });

  it('the theme report credits each quote to its speaker; an interviewer\u2019s quote to the interviewer', async () => {
    const { project, call, dir } = await focusGroup();
    await call('codings/autocode', { labelName: 'werkdruk', query: { text: 'werkdruk' } });
    const out = join(dir, 'themes.md');
    await call('export/file', { report: 'themes', format: 'md', out });
    const quotes = readFileSync(out, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('>'));
    expect(quotes).toHaveLength(3);
    // Each quote's attribution is the speaker of the turn its text lies in (read from the transcript, not the core).
    const turns = getDocument(project.db, listDocuments(project.db)[0]!.id)!.turns;
    for (const line of quotes) {
      const [, said, who] = /^> (.*) \((.*)\)$/.exec(line)!;
      const turn = turns.find((t) => t.text.includes(said!.replace(/\\/g, '')))!;
      expect(who).toBe(turn.speaker === 'Chloe Maes' ? 'Chloë Maes' : turn.speaker);
    }
    // With everyone's speech, the moderator's sentences are credited to the interviewer.
    await call('export/file', { report: 'themes', format: 'md', out, options: { speakers: 'all' } });
    const allQuotes = readFileSync(out, 'utf8').split('\n').filter((line) => line.startsWith('>'));
    expect(allQuotes).toHaveLength(3);
    await call('codings/autocode', { labelName: 'werkdruk', query: { text: 'werkdruk' }, speakers: 'all' });
    await call('export/file', { report: 'themes', format: 'md', out, options: { speakers: 'all', language: 'en' } });
    const withModerator = readFileSync(out, 'utf8').split('\n').filter((line) => line.startsWith('>'));
    expect(withModerator.filter((l) => l.endsWith('(interviewer)'))).toHaveLength(3);
    // The segments export names the speaker's participant beside the speaker.
    const csv = join(dir, 'segments.csv');
    await call('export/file', { report: 'segments', format: 'csv', out: csv, options: { language: 'en' } });
    const [header, ...rows] = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const columns = header!.split(';');
    const speaker = columns.indexOf('Speaker');
    expect(columns[speaker + 1]).toBe('Speaker participant');
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const cells = row.split(';');
      expect(cells[speaker + 1]).toBe(cells[speaker] === 'Chloe Maes' ? 'Chloë Maes' : cells[speaker]);
    }
  });
});

describe('correcting roles', () => {
  it('sets one name\u2019s role across documents as one undo step, and by document', async () => {
    const { session, project, dir } = newSession('hanne');
    const call = caller(session);
    const one = join(dir, 'gesprek-1.txt');
    const two = join(dir, 'gesprek-2.txt');
    writeFileSync(one, 'Hanne: Hoe gaat het?\nJonas: Goed, de werkdruk valt mee.\n');
    writeFileSync(two, 'Hanne: En bij jou?\nMira: De werkdruk is hoog.\n');
    const report = await call('documents/import', { files: [{ path: one }, { path: two }] });
    // Two unknown names: every speaker a participant, the documents unconfirmed (rule e).
    expect(report.files.map((f) => f.rolesUnconfirmed)).toEqual([true, true]);
    expect((await call('documents/list', {})).map((d) => d.rolesUnconfirmed)).toEqual([true, true]);
    const label = await call('codings/autocode', { labelName: 'werkdruk', query: { text: 'werkdruk' } });
    expect(label.coded).toBe(2);
    const before = await call('matrix/get', { rows: 'labels', by: 'document' });
    expect(before.items[0]!.total).toBe(2);

    await checkUndoRedo(project, () => call('speakers/set', { name: 'hanne', role: 'interviewer' }));
    const lists = await call('speakers/list', {});
    expect(lists.map((d) => d.speakers.map((s) => [s.name, s.role, s.confirmed]))).toEqual([
      [
        ['Hanne', 'interviewer', true],
        ['Jonas', 'participant', true],
      ],
      [
        ['Hanne', 'interviewer', true],
        ['Mira', 'participant', true],
      ],
    ]);
    expect((await call('documents/list', {})).map((d) => d.rolesUnconfirmed)).toEqual([false, false]);
    // A new transcript with Hanne in it: she is on the project's list of interviewers now (rule b), Ruben the participant (rule d).
    const three = join(dir, 'gesprek-3.txt');
    writeFileSync(three, 'Hanne: Nog iets?\nRuben: Nee hoor.\n');
    await call('documents/import', { files: [{ path: three }] });
    const third = (await call('speakers/list', {})).find((d) => d.documentName === 'gesprek-3')!;
    expect(third.speakers.map((s) => [s.name, s.role, s.rule])).toEqual([
      ['Hanne', 'interviewer', 'b'],
      ['Ruben', 'participant', 'd'],
    ]);
    // In one document only.
    const second = lists[1]!;
    await call('speakers/set', { name: 'Mira', role: 'other', documentId: second.documentId });
    expect((await call('speakers/list', { documentId: second.documentId }))[0]!.speakers[1]!.role).toBe('other');
    expect((await call('matrix/get', { rows: 'labels', by: 'document' })).items[0]!.total).toBe(1);
    await expect(call('speakers/set', { name: 'Niemand', role: 'interviewer' })).rejects.toThrow(/No speaker called "Niemand" speaks in any document/);
    await expect(call('speakers/set', { name: 'Hanne', role: 'interviewer', participantId: 'x' })).rejects.toThrow(/Only a participant/);
  });
});

describe('a transcript that names no speakers', () => {
  it('counts as its participant\u2019s speech, as before roles', async () => {
    const { session, dir } = newSession('hanne');
    const call = caller(session);
    const path = join(dir, 'dagboek.txt');
    writeFileSync(path, 'Vandaag was de werkdruk hoog.\n\nMorgen wordt het beter, denk ik.\n');
    await call('documents/import', { files: [{ path }], participant: 'Lies' });
    const [roles] = await call('speakers/list', {});
    expect([roles!.speakers, roles!.unconfirmed]).toEqual([[], false]);
    const run = await call('codings/autocode', { labelName: 'werkdruk', query: { text: 'werkdruk' } });
    expect(run.coded).toBe(1);
    const matrix = await call('matrix/get', { rows: 'labels', by: 'participant' });
    expect(matrix.columns.map((c) => c.name)).toEqual(['Lies']);
    expect(matrix.items[0]!.cells).toEqual([1]);
    const [quote] = await call('matrix/cell', { rows: 'labels', rowId: run.label.id, by: 'participant', columnId: matrix.columns[0]!.id });
    expect([quote!.text, quote!.participant?.name, quote!.speakerRole]).toEqual(['Vandaag was de werkdruk hoog.', 'Lies', 'participant']);
  });
});

describe('the import rules', () => {
  const context = { participants: [{ id: 'p1', name: 'Sofie Peeters' }], interviewers: new Set<string>(), documentParticipantId: null };
  const sizes = (...names: string[]) => names.map((name, i) => ({ name, size: 100 - i }));
  it('compares names without case, accents or a trailing number', () => {
    expect(speakerKey('Interviewér 1')).toBe('interviewer');
    expect(inferRoles(sizes('INTERVIEWER 2', 'sofie peeters'), context).map((s) => [s.role, s.rule])).toEqual([
      ['interviewer', 'b'],
      ['participant', 'a'],
    ]);
  });
  it('knows I / R, Respondent, Moderator and Onderzoeker; the other main speaker of a one-to-one interview is the participant', () => {
    expect(inferRoles(sizes('I', 'R'), context).map((s) => s.role)).toEqual(['interviewer', 'participant']);
    expect(inferRoles(sizes('Onderzoeker', 'Jonas'), { ...context, documentParticipantId: 'p9' }).map((s) => [s.role, s.participantId, s.rule])).toEqual([
      ['interviewer', null, 'b'],
      ['participant', 'p9', 'd'],
    ]);
    const unknown = inferRoles(sizes('Jonas', 'Mira'), context);
    expect(unknown.map((s) => [s.role, s.confirmed, s.rule])).toEqual([
      ['participant', false, 'e'],
      ['participant', false, 'e'],
    ]);
    expect(inferRoles(sizes('Jonas', 'Mira'), { ...context, interviewers: new Set(['mira']) }).map((s) => s.role)).toEqual(['participant', 'interviewer']);
  });
});

describe('sentences', () => {
  const sentences = (text: string) => sentenceSpans(text).map((r) => text.slice(r.start, r.end));
  it('end at an end mark and a closing quote; Dutch abbreviations and initials do not end one', () => {
    expect(sentences('Ik zei: "Dat klopt." Daarna niets meer.')).toEqual(['Ik zei: "Dat klopt."', 'Daarna niets meer.']);
    expect(sentences('Bv. de leerlingen, o.a. in het zesde. Dhr. Peeters en K.L. kwamen ook, enz. Klaar!')).toEqual([
      'Bv. de leerlingen, o.a. in het zesde.',
      'Dhr. Peeters en K.L. kwamen ook, enz. Klaar!',
    ]);
    expect(sentences('Euh... ik weet het niet. Nl. de directie? Ja.')).toEqual(['Euh... ik weet het niet.', 'Nl. de directie?', 'Ja.']);
    expect(sentences('Eerste regel\nTweede regel')).toEqual(['Eerste regel', 'Tweede regel']);
  });
});
