/**
 * The undo test over every write handler of the contract (issue "Declared writes"): for each one, on a
 * copy of one study that has something in every table, a first coding is made, then the write; a
 * snapshot of every table (every column, with its storage class) is taken around it. Undo must give
 * back the snapshot from before the write — not from before the coding: Ctrl+Z never reaches past a
 * write to an older one — and redo the snapshot from after it. The write's notice must name exactly
 * the tables whose rows changed. After a baseline write nothing is left to undo.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../src/shared/api/changes.ts';
import { DECLARATIONS } from '../../src/shared/api/declarations.ts';
import type { ArgsOf, HandlerName } from '../../src/shared/api/contract.ts';
import { call } from '../../src/main/core/handlers.ts';
import { Session } from '../../src/main/core/session.ts';
import { smallStudy } from './analysis-fixture.ts';
import { allRows } from '../support/rows.ts';
import { EXTERNAL, FIXTURES, tempDir } from '../support/temp.ts';

const tables = allRows;

function changedTables(a: Record<string, string[]>, b: Record<string, string[]>): string[] {
  return Object.keys({ ...a, ...b })
    .filter((t) => JSON.stringify(a[t]) !== JSON.stringify(b[t]))
    .sort();
}

type Study = Awaited<ReturnType<typeof buildStudy>>;
type Scenario<K extends HandlerName = HandlerName> = (study: Study, dir: string) => ArgsOf<K>;

const rich = (text: string) => JSON.stringify({ root: { children: [{ children: [{ text, type: 'text', version: 1 }], type: 'paragraph', version: 1 }], type: 'root', version: 1 } });

/** The small study plus something in every table of rounds 2 and 3, the guide, memos and the outline. */
async function buildStudy() {
  const study = await smallStudy();
  const { call: c, segments, labels, documents } = study;
  const guide = await c('guide/set', { sections: [{ title: 'Achtergrond', questions: [{ text: 'Wat doe je?', type: 'opening' }] }, { title: 'Leren', questions: [] }] });
  const span = await c('guide/markSpan', { documentId: documents.A, start: 0, end: 10, sectionId: guide[0]!.id });
  const memo = await c('memos/save', { target: { kind: 'label', id: labels.L1 }, bodyRich: rich('Een memo.'), bodyText: 'Een memo.' });
  const concept = await c('concepts/create', { name: 'Planning', labelIds: [labels.L1] });
  const concept2 = await c('concepts/create', { name: 'Samenwerking', labelIds: [labels.L2] });
  await c('concepts/addSegments', { id: concept.id, segmentIds: [segments.s1] });
  const relation = await c('relations/create', { name: 'voedt', directed: true });
  const link = await c('links/create', { sourceId: concept.id, targetId: concept2.id, relationTypeId: relation.id, memo: 'waarom' });
  await c('map/saveLayout', { positions: [{ conceptId: concept.id, x: 10.5, y: 20 }] });
  const question = await c('learningQuestions/create', { question: 'Hoe plannen?', kind: 'explicit', conceptIds: [concept.id], segmentIds: [segments.s1] });
  const question2 = await c('learningQuestions/create', { question: 'Wie beslist?', kind: 'implicit' });
  const tension = await c('tensions/create', { title: 'Tijd', poleA: 'zorg', poleB: 'les', group: 'Tijd', findings: ['Een bevinding.'], implications: ['Een implicatie.'], quotes: [{ segmentId: segments.s2, pole: 1 }] });
  const tension2 = await c('tensions/create', { title: 'Rol', poleA: 'a', poleB: 'b' });
  // A survey's items and answers (its open questions left out: their guide marks would stop guide/set).
  const open = ['Wat zijn concrete sterktes?', 'Wat zijn prioritaire werkpunten?'].map((header) => ({ header, kind: 'ignore' as const }));
  await c('surveys/import', { file: { path: join(FIXTURES, 'surveys/zelfevaluatie.csv') }, plan: open });
  const surveyItems = await c('surveys/items', {});
  const generated = await c('outline/generate', { language: 'nl' });
  // An edited quote (issue 29): the edits table holds a row too.
  const quoteItem = generated.sections.flatMap((s) => s.items).find((i) => i.kind === 'quote' && i.segmentId === segments.s1)!;
  const outline = await c('outline/editQuote', { id: quoteItem.id, text: '[de] planning' });
  await c('report/updateSettings', { titleLines: [{ kind: 'title', text: 'Rapport' }, { kind: 'author', text: 'Hanne' }], attribution: 'source' });
  const section = outline.sections[0]!;
  const items = outline.sections.flatMap((s) => s.items.map((item) => ({ ...item, sectionId: s.id })));
  const item = items.find((i) => i.kind !== 'quote')!;
  const otherSection = outline.sections.find((s) => s.id !== item.sectionId)!;
  // A scales chart in the report (issue 27): its own item kind, written by outline/addItem and updateItem.
  const charted = await c('outline/addItem', { sectionId: otherSection.id, kind: 'chart', chart: { rows: ['A1', 'B'], by: 'Rol' } });
  const chartItem = charted.sections.flatMap((s) => s.items).find((i) => i.kind === 'chart')!;
  return { ...study, surveyItems, guide, span, memo, concept, concept2, relation, link, question, question2, tension, tension2, section, item, otherSection, chartItem, quoteItem, sections: outline.sections };
}

const scenarios: { [K in HandlerName]?: Scenario<K> } = {
  'participants/update': (s) => ({ id: s.participants.katrien, name: 'Katrien V.' }),
  'documents/setCitation': (s) => ({ id: s.documents.A, citation: 'Peeters & Claes, 2019' }),
  'attributes/create': () => ({ name: 'netwerk', type: 'text' }),
  'guide/set': () => ({ sections: [{ title: 'Nieuw', questions: [{ text: 'Nieuwe vraag?', type: null }] }] }),
  'labels/create': () => ({ name: 'Nieuw label', definition: 'Iets.' }),
  'labels/update': (s) => ({ id: s.labels.L2, name: 'L2 hernoemd', definitionRich: rich('Rijk.'), definition: 'Rijk.' }),
  'labels/merge': (s) => ({ sourceId: s.labels.L2, targetId: s.labels.L1 }),
  'labels/delete': (s) => ({ id: s.labels.L1a }),
  'labels/importCsv': (_s, dir) => {
    const path = join(dir, 'codebook.csv');
    writeFileSync(path, 'name,parent,definition\nUit CSV,,Een label uit een bestand\nKind,Uit CSV,\n');
    return { file: { path } };
  },
  'labels/move': (s) => ({ id: s.labels.L2, parentId: s.labels.L1, index: 0 }),
  'codebook/applyTemplate': () => ({ template: 'llb-study' }),
  'codings/apply': (s) => ({ documentId: s.documents.B2, start: 0, end: 11, labelName: 'Nieuw via codering' }),
  'codings/remove': (s) => ({ segmentId: s.segments.s1, labelId: s.labels.L1 }),
  'codings/autocode': () => ({ labelName: 'Auto', query: { text: 'de' } }),
  // Doc C's "Anoniem" is inferred a participant (rule d); the researcher makes them "other" in every document.
  'speakers/set': () => ({ name: 'Anoniem', role: 'other' }),
  'speakers/confirm': (s) => ({ documentId: s.documents.A }),
  'segments/resize': (s) => ({ segmentId: s.segments.s3, start: 0, end: 20 }),
  // Doc A's turn 1 is "Ik doe de planning. Daarna de zorg. En het team." (s1 = "planning").
  'transcript/edit-turn': (s) => ({ documentId: s.documents.A, position: 1, text: 'Ik doe de plannen. Daarna de zorg. En het team.', speaker: 'Katrien V.' }),
  'transcript/split-turn': (s) => ({ documentId: s.documents.A, position: 1, at: 'Ik doe de planning.'.length }),
  'transcript/join-turns': (s) => ({ documentId: s.documents.A, position: 0 }),
  'segments/confirm-text': (s) => ({ segmentIds: [s.segments.s1] }),
  'segments/remove': (s) => ({ segmentId: s.segments.s3 }),
  'memos/save': (s) => ({ id: s.memo.id, target: { kind: 'label', id: s.labels.L1 }, bodyRich: rich('Gewijzigd.'), bodyText: 'Gewijzigd.' }),
  'memos/delete': (s) => ({ id: s.memo.id }),
  'guide/markSpan': (s) => ({ documentId: s.documents.B, start: 0, end: 8, sectionId: s.guide[1]!.id }),
  'guide/unmarkSpan': (s) => ({ id: s.span.id }),
  'concepts/create': (s) => ({ name: 'Nieuw concept', labelIds: [s.labels.L2], definition: 'Def.' }),
  'concepts/update': (s) => ({ id: s.concept.id, name: 'Plannen', colour: '#0072B2' }),
  'concepts/move': (s) => ({ id: s.concept2.id, index: 0 }),
  'concepts/delete': (s) => ({ id: s.concept.id }),
  'concepts/addLabels': (s) => ({ id: s.concept2.id, labelIds: [s.labels.L1a] }),
  'concepts/removeLabel': (s) => ({ id: s.concept.id, labelId: s.labels.L1 }),
  'concepts/addSegments': (s) => ({ id: s.concept2.id, segmentIds: [s.segments.s4] }),
  'concepts/removeSegment': (s) => ({ id: s.concept.id, segmentId: s.segments.s1 }),
  'relations/create': () => ({ name: 'botst met', directed: false }),
  'relations/delete': (s) => ({ id: s.relation.id }),
  'links/create': (s) => ({ sourceId: s.concept2.id, targetId: s.concept.id, relationTypeId: s.relation.id }),
  'links/update': (s) => ({ id: s.link.id, memo: 'anders' }),
  'links/delete': (s) => ({ id: s.link.id }),
  'map/saveLayout': (s) => ({ positions: [{ conceptId: s.concept.id, x: 0.1 + 0.2, y: -3 }, { conceptId: s.concept2.id, x: 1e-7, y: 44 }] }),
  'learningQuestions/create': (s) => ({ question: 'Nieuwe vraag?', kind: 'implicit', segmentIds: [s.segments.s5] }),
  'learningQuestions/fromSegment': (s) => ({ segmentId: s.segments.s3 }),
  'learningQuestions/update': (s) => ({ id: s.question.id, question: 'Hoe plannen we?', conceptIds: [s.concept2.id] }),
  'learningQuestions/move': (s) => ({ id: s.question2.id, index: 0 }),
  'learningQuestions/delete': (s) => ({ id: s.question.id }),
  'tensions/create': (s) => ({ title: 'Nieuw', poleA: 'x', poleB: 'y', quotes: [{ segmentId: s.segments.s4, pole: 2 }] }),
  'tensions/update': (s) => ({ id: s.tension.id, title: 'Tijd en zorg', findings: ['Anders.', 'Nog een.'], reportOrder: ['implication', 'quote', 'finding'] }),
  'tensions/move': (s) => ({ id: s.tension2.id, index: 0 }),
  'tensions/delete': (s) => ({ id: s.tension.id }),
  'outline/generate': () => ({ replace: true, language: 'en' }),
  'outline/editQuote': (s) => ({ id: s.quoteItem.id, text: 'planning [door de zorgcoördinator]' }),
  'outline/addSection': () => ({ parentId: null, title: 'Nieuwe sectie' }),
  'outline/updateSection': (s) => ({ id: s.section.id, title: 'Andere titel', text: 'Intro.', numbering: 'A.', itemNumbering: 'a.' }),
  'outline/moveSection': (s) => ({ id: s.sections[s.sections.length - 1]!.id, parentId: null, index: 0 }),
  'outline/deleteSection': (s) => ({ id: s.section.id }),
  'outline/addItem': (s) => ({ sectionId: s.section.id, kind: 'paragraph', text: 'Een alinea.' }),
  'outline/updateItem': (s) => ({ id: s.item.id, text: 'Gewijzigd.', ...(s.item.kind === 'finding' ? { title: 'Een titel' } : {}) }),
  'report/updateSettings': () => ({
    titleLines: [{ kind: 'title', text: 'Overzicht' }, { kind: 'author', text: 'Hanne' }, { kind: 'subtitle', text: 'Eén' }, { kind: 'subtitle', text: 'Twee' }],
    quoteStyle: 'plain',
    attribution: 'attrs:schooltype',
    levelNumbering: [null, 'A.'],
  }),
  'outline/moveItem': (s) => ({ id: s.item.id, sectionId: s.otherSection.id, index: 0 }),
  'outline/deleteItem': (s) => ({ id: s.item.id }),
  'interchange/importQdc': () => ({ file: { path: join(EXTERNAL, 'refi-qda/codebooks/taguette-codebook-from-tests.qdc') } }),
  // Katrien's name is in a document's text, a speaker, a participant and a segment's doc: every place moves, undo puts each back.
  'pseudonyms/apply': () => ({ entries: [{ name: 'Katrien', pseudonym: 'Deelnemer K' }, { name: 'planning', pseudonym: 'planwerk' }] }),
  'names/dismiss': () => ({ name: 'Katrien Lemmens' }),
  // Doc A (Katrien's) is quoted in a concept, a learning question, a tension, the outline, a guide mark and memos.
  'withdraw/apply': (s) => ({ participantId: s.participants.katrien }),
  'backups/configure': () => ({ everyMinutes: 5, keepToday: 3, keepDays: 14 }),
  // Doc B's "overleg" is coded L1a by hanne and sofie; the consensus takes sofie's version of the turn.
  'agreement/decide': (s) => ({ documentId: s.documents.B, labelId: s.labels.L1a, start: 8, end: 35, coders: ['hanne', 'sofie'], choice: { kind: 'coder', coder: 'sofie' } }),
  'surveys/updateItem': (s) => ({ id: s.surveyItems[1]!.id, dimension: 'A2', reversed: true }),
  'surveys/import': (_s, dir) => {
    const path = join(dir, 'survey.csv');
    writeFileSync(path, 'Naam;Groep;A1.1 Visie;Toelichting\nLies;1;4;Een lang antwoord over de visie van de school.\nTom;2;eens;\n');
    return { file: { path } };
  },
  'documents/import': (_s, dir) => {
    const path = join(dir, 'extra.txt');
    writeFileSync(path, 'Interviewer: Nog een vraag?\nLies: Een nieuw antwoord.\n');
    return { files: [{ path }], participant: 'Lies' };
  },
  // Another laptop's copy with a coding, a label and a memo of its own (prepared below).
  'merge/apply': (_s, dir) => ({ file: { path: join(dir, 'other.duiding') } }),
  'coders/unite': () => ({ from: unite.from, into: unite.into }),
};

/** The coders/unite scenario's two coders, made by its preparation. */
const unite = { from: '', into: '' };

/** What must go first for a write to be allowed (a guide with marks cannot be replaced, a used relation type not deleted). */
const prepare: { [K in HandlerName]?: (study: Study, session: Session) => Promise<unknown> } = {
  'guide/set': (s, session) => call(session, 'guide/unmarkSpan', { id: s.span.id }),
  'relations/delete': (s, session) => call(session, 'links/delete', { id: s.link.id }),
  // A segment flagged by a correction of its words.
  'merge/apply': async (s, session) => {
    const other = join(dirname(session.project.path), 'other.duiding');
    await call(session, 'project/copy', { out: other });
    const bert = new Session('bert', { laptop: 'bert' });
    try {
      bert.open(other);
      const label = (await call(bert, 'labels/create', { name: 'Van Bert' })).result as { id: string };
      const { segment } = (await call(bert, 'codings/apply', { documentId: s.documents.C, start: 0, end: 11, labelId: label.id })).result as { segment: { id: string } };
      await call(bert, 'memos/save', { target: { kind: 'segment', id: segment.id }, bodyRich: rich('Bert'), bodyText: 'Bert' });
    } finally {
      bert.close();
    }
  },
  'coders/unite': async (s, session) => {
    session.setCoder('tweede');
    await call(session, 'codings/apply', { documentId: s.documents.C, start: 0, end: 11, labelId: s.labels.L1 });
    session.setCoder('hanne');
    await call(session, 'codings/apply', { documentId: s.documents.C, start: 0, end: 11, labelId: s.labels.L1 });
    const coders = (await call(session, 'coders/list', {})).result as Array<{ id: string; name: string }>;
    unite.from = coders.find((c) => c.name === 'tweede')!.id;
    unite.into = coders.find((c) => c.name === 'hanne')!.id;
  },
  'segments/confirm-text': (s, session) => call(session, 'transcript/edit-turn', { documentId: s.documents.A, position: 1, text: 'Ik doe de plannen. Daarna de zorg. En het team.' }),
};

/** More scenarios for a handler that writes different things by its arguments: a chart item of the outline. */
const variants: Array<[HandlerName, Scenario]> = [
  ['outline/addItem', (s) => ({ sectionId: s.section.id, index: 0, kind: 'chart', chart: { rows: ['A2', 'D.1'], by: null } })],
  ['outline/updateItem', (s) => ({ id: s.chartItem.id, chart: { rows: ['B'], by: 'School' } })],
];

/** Write handlers whose scenario needs a project of its own (an empty one). */
const ELSEWHERE = new Set<HandlerName>(['interchange/importQdpx']);

const writes = (Object.keys(DECLARATIONS) as HandlerName[]).filter((name) => ['undoable', 'purging', 'baseline'].includes(DECLARATIONS[name].kind));

describe('undo over every write handler', () => {
  it('has a scenario for every write handler of the contract', () => {
    expect(writes.filter((name) => !scenarios[name] && !ELSEWHERE.has(name))).toEqual([]);
  });

  it('undoes and redoes each write exactly, table by table, and never past it; a baseline leaves nothing to undo', async () => {
    const built = await buildStudy();
    const source = built.project.path;
    built.session.close();
    const failures: string[] = [];
    const runs: Array<[HandlerName, Scenario, string]> = [
      ...writes.filter((n) => scenarios[n]).map((n): [HandlerName, Scenario, string] => [n, scenarios[n] as Scenario, n]),
      ...variants.map(([n, scenario], k): [HandlerName, Scenario, string] => [n, scenario, `${n} (variant ${k + 1})`]),
    ];
    for (const [handler, scenario, name] of runs) {
      const dir = tempDir();
      const path = join(dir, 'copy.duiding');
      copyFileSync(source, path);
      const session = new Session('hanne');
      const project = session.open(path);
      try {
        await prepare[handler]?.(built, session);
        // An older write: undo of the write under test must not reach it.
        await call(session, 'codings/apply', { documentId: built.documents.C, start: 0, end: 11, labelId: built.labels.L2 });
        const before = tables(project);
        const args = scenario(built, dir);
        const { change } = await call(session, handler, args);
        const after = tables(project);
        const changed = changedTables(before, after);
        if (changed.length === 0) failures.push(`${name}: changed nothing`);
        const notice = change as ChangeNotice;
        const reported = notice.tables.filter((t) => t !== 'change_log' && t !== 'turns_fts');
        if (JSON.stringify(reported) !== JSON.stringify(changed) && DECLARATIONS[handler].kind !== 'baseline') {
          failures.push(`${name}: notice names ${reported.join(',')} but ${changed.join(',')} changed`);
        }
        if (DECLARATIONS[handler].kind === 'baseline') {
          // Every table it changed is among those it names.
          const missing = changed.filter((t) => !reported.includes(t as never));
          if (missing.length) failures.push(`${name}: baseline notice misses ${missing.join(',')}`);
          if (project.history.canUndo) failures.push(`${name}: something is left to undo after a baseline`);
          await call(session, 'history/undo', {});
          if (changedTables(after, tables(project)).length) failures.push(`${name}: undo after a baseline changed the project`);
          continue;
        }
        await call(session, 'history/undo', {});
        const undone = changedTables(before, tables(project));
        if (undone.length) failures.push(`${name}: after undo these tables differ from before: ${undone.join(',')}`);
        await call(session, 'history/redo', {});
        const redone = changedTables(after, tables(project));
        if (redone.length) failures.push(`${name}: after redo these tables differ from after: ${redone.join(',')}`);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      } finally {
        session.close();
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('a REFI-QDA project import into an empty project is a baseline: nothing to undo after it', async () => {
    const dir = tempDir();
    const session = new Session('hanne');
    const project = session.create(join(dir, 'empty.duiding'));
    try {
      await call(session, 'labels/create', { name: 'Voor de import' });
      await call(session, 'labels/delete', { id: (project.db.prepare('SELECT id FROM labels').pluck().get() as string) });
      expect(project.history.canUndo).toBe(true);
      const { change } = await call(session, 'interchange/importQdpx', { file: { path: join(EXTERNAL, 'refi-qda/samples/qc-demo.qdpx') } });
      expect(change).toMatchObject({ kind: 'baseline' });
      expect(project.history.canUndo).toBe(false);
    } finally {
      session.close();
    }
  });
});
