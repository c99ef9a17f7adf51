import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Project } from '../../src/main/core/project.ts';
import { getDocument, listDocuments } from '../../src/main/core/documents/store.ts';
import { dumpTable, rowTables } from '../../src/main/core/refi-qda/store.ts';
import { listLabels } from '../../src/main/core/codebook/label-counts.ts';
import { listMemos } from '../../src/main/core/memos/store.ts';
import { listAttributes, listParticipants } from '../../src/main/core/participants/store.ts';
import { listSegments } from '../../src/main/core/coding/store.ts';
import { allCoders as listCoders } from '../../src/main/core/coders/store.ts';
import { applyLabel } from '../../src/main/core/coding/service.ts';
import { createLabel, updateLabel } from '../../src/main/core/codebook/labels.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import { saveMemo } from '../../src/main/core/memos/service.ts';
import type { Session } from '../../src/main/core/session.ts';
import { tempDir } from '../support/temp.ts';

/** A small study built through the services, and a project described object by object for round-trip comparisons. */
const TRANSCRIPT = [
  'Interviewer: Hoe begon het schooljaar voor jou?',
  'Katrien: Eerlijk? Chaotisch 😅 maar de collega’s waren er. We hebben een zorgteam — dat helpt.',
  '',
  'Interviewer: En de leerlingen?',
  'Katrien: Die zijn geweldig 🎉. Soms té veel prikkels, dan neem ik ze apart.',
].join('\r\n');

export const rich = (text: string) =>
  JSON.stringify({ root: { children: [{ children: [{ detail: 0, format: 1, mode: 'normal', style: '', text, type: 'text', version: 1 }], direction: null, format: '', indent: 0, type: 'paragraph', version: 1 }], direction: null, format: '', indent: 0, type: 'root', version: 1 } });

/** A small study with everything round 1 has: participants with typed attributes, a label tree, two coders, memos on every kind of target. */
export async function buildStudy(session: Session, project: Project) {
  const dir = tempDir();
  writeFileSync(join(dir, 'katrien.txt'), TRANSCRIPT);
  writeFileSync(join(dir, 'jonas.txt'), 'Interviewer: Wat vind je van de brede basiszorg?\nJonas: Daar ben ik héél tevreden over.\n');
  writeFileSync(join(dir, 'participants.csv'), 'naam,schooltype,jaren ervaring,voltijds,start,score\nKatrien,ASO,12,ja,2023-09-01,7.5\nJonas,TSO,3,nee,2024-02-15,6\n');
  const report = await importFiles(project, { files: [{ path: join(dir, 'participants.csv') }, { path: join(dir, 'katrien.txt') }, { path: join(dir, 'jonas.txt') }] });
  expect(report.imported).toBe(2);
  const docs = listDocuments(project.db);
  const katrien = getDocument(project.db, docs.find((d) => d.name === 'katrien')!.id)!;
  const jonas = getDocument(project.db, docs.find((d) => d.name === 'jonas')!.id)!;

  const zorg = createLabel(project, { name: 'Zorg', colour: '#0072B2', definition: 'Alles over leerlingenbegeleiding', origin: 'a-priori' });
  const team = createLabel(project, { name: 'Zorgteam', parentId: zorg.id, colour: '#D55E00', origin: 'a-priori' });
  const gevoel = createLabel(project, { name: 'Gevoel', colour: '#009E73', origin: 'emergent' });
  updateLabel(project, gevoel.id, { definitionRich: rich('Hoe het voelt'), definition: 'Hoe het voelt', inclusion: 'uitgesproken emoties', exclusion: 'veronderstelde emoties', example: 'chaotisch' });
  createLabel(project, { name: 'Leeg label', parentId: zorg.id });
  const at = (doc: typeof katrien, phrase: string) => {
    const start = doc.text.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    return { start, end: start + phrase.length };
  };
  applyLabel(project, { documentId: katrien.id, ...at(katrien, 'Chaotisch 😅 maar de collega’s waren er'), labelId: gevoel.id });
  applyLabel(project, { documentId: katrien.id, ...at(katrien, 'We hebben een zorgteam — dat helpt.'), labelId: team.id });
  applyLabel(project, { documentId: katrien.id, ...at(katrien, 'Die zijn geweldig 🎉. Soms té veel prikkels'), labelId: gevoel.id });
  session.setCoder('Tweede codeur');
  applyLabel(project, { documentId: katrien.id, ...at(katrien, 'We hebben een zorgteam — dat helpt.'), labelId: team.id });
  const inVivo = applyLabel(project, { documentId: jonas.id, ...at(jonas, 'héél tevreden'), labelName: 'héél tevreden', origin: 'in-vivo' });
  applyLabel(project, { documentId: jonas.id, ...at(jonas, 'héél tevreden'), labelId: zorg.id });
  session.setCoder('tester');

  const katrienP = listParticipants(project.db).find((p) => p.name === 'Katrien')!;
  saveMemo(project, { target: { kind: 'project' }, title: 'Werkwijze', bodyRich: rich('Twee codeurs, één codeboek.'), bodyText: 'Twee codeurs, één codeboek.' });
  saveMemo(project, { target: { kind: 'document', id: katrien.id }, title: 'Context', bodyRich: rich('Afgenomen in maart.'), bodyText: 'Afgenomen in maart.' });
  saveMemo(project, { target: { kind: 'participant', id: katrienP.id }, title: '', bodyRich: rich('Zorgcoördinator 😊'), bodyText: 'Zorgcoördinator 😊' });
  saveMemo(project, { target: { kind: 'label', id: gevoel.id }, title: 'Afbakening', bodyRich: rich('Niet voor fysieke pijn.'), bodyText: 'Niet voor fysieke pijn.' });
  saveMemo(project, { target: { kind: 'segment', id: inVivo.segment.id }, title: 'Let op', bodyRich: rich('Nadruk in de stem <en> & "quotes".'), bodyText: 'Nadruk in de stem <en> & "quotes".' });
}

/** The project as plain data, with every object by its content and place (ids left out), for "the same project" comparisons. */
export function describeProject(project: Project) {
  const db = project.db;
  const labels = listLabels(db);
  const byId = new Map(labels.map((l) => [l.id, l]));
  const path = (id: string | null): string => (id ? `${path(byId.get(id)!.parentId)}/${byId.get(id)!.name}` : '');
  const docs = listDocuments(db).map((d) => getDocument(db, d.id)!);
  const docName = new Map(docs.map((d) => [d.id, d.name]));
  const segments = docs.flatMap((d) => listSegments(db, d.id));
  const segmentKey = new Map(segments.map((s) => [s.id, `${docName.get(s.documentId)}@${s.start}-${s.end}`]));
  const participants = listParticipants(db);
  const target = (m: ReturnType<typeof listMemos>[number]) =>
    m.target.kind === 'project' ? 'project'
    : m.target.kind === 'label' ? `label ${path(m.target.id)}`
    : m.target.kind === 'segment' ? `segment ${segmentKey.get(m.target.id!)}`
    : m.target.kind === 'document' ? `document ${docName.get(m.target.id!)}`
    : `participant ${participants.find((p) => p.id === m.target.id)!.name}`;
  return {
    documents: docs.map((d) => ({ name: d.name, kind: d.kind, text: d.text, turns: d.turns, participant: d.participantName, sourceName: d.sourceName, importer: d.importer, wordCount: d.wordCount })),
    participants: participants.map((p) => ({ name: p.name, attributes: p.attributes, documents: p.documentCount })),
    attributes: listAttributes(db).map((a) => ({ name: a.name, type: a.type })),
    labels: labels
      .map((l) => ({ path: path(l.id), position: l.position, colour: l.colour, definition: l.definition, definitionRich: l.definitionRich, inclusion: l.inclusion, exclusion: l.exclusion, example: l.example, origin: l.origin, round: l.round }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    segments: segments
      .map((s) => ({
        at: segmentKey.get(s.id),
        text: s.text,
        createdBy: s.createdBy,
        codings: s.codings.map((c) => `${path(c.labelId)} by ${c.coderName}`).sort(),
      }))
      .sort((a, b) => a.at!.localeCompare(b.at!)),
    memos: listMemos(db, '')
      .map((m) => ({ target: target(m), title: m.title, bodyText: m.bodyText, bodyRich: m.bodyRich, createdBy: m.createdBy }))
      .sort((a, b) => a.target.localeCompare(b.target)),
    coders: listCoders(db).map((c) => c.name).sort(),
    // The guide, rounds 2 and 3 and the outline: every row of every table, ids included.
    rows: Object.fromEntries(rowTables(db).map((t) => [t, dumpTable(db, t)])),
  };
}


/** Rounds 2 and 3 on top of `buildStudy`: concepts, a link, a learning question, a tension, the guide with a span, an outline. */
export async function buildAnalysis(session: Session, project: Project) {
  const { createConcept, addConceptSegments } = await import('../../src/main/core/concepts/service.ts');
  const { createLink, createRelationType } = await import('../../src/main/core/concept-map/service.ts');
  const { createLearningQuestion } = await import('../../src/main/core/learning-questions/service.ts');
  const { createTension } = await import('../../src/main/core/tensions/service.ts');
  const { addItem, addSection } = await import('../../src/main/core/outline/service.ts');
  const { dispatch } = await import('../../src/main/core/handlers.ts');
  const labels = listLabels(project.db);
  const id = (name: string) => labels.find((l) => l.name === name)!.id;
  const segments = listDocuments(project.db).flatMap((d) => listSegments(project.db, d.id));
  const zorg = createConcept(project, { name: 'Gedragen zorg', definition: 'Zorg die het team samen draagt', labelIds: [id('Zorg'), id('Zorgteam')] });
  const welzijn = createConcept(project, { name: 'Welbevinden', labelIds: [id('Gevoel')], definitionRich: rich('Hoe leraren zich voelen') });
  addConceptSegments(project, welzijn.id, [segments[0]!.id]);
  const type = createRelationType(project, { name: 'versterkt', directed: true });
  createLink(project, { sourceId: zorg.id, targetId: welzijn.id, relationTypeId: type.id, memo: 'Samen dragen geeft rust' });
  createLink(project, { sourceId: welzijn.id, targetId: zorg.id, relationTypeId: 'related-to' });
  createLearningQuestion(project, { question: 'Hoe blijft zorg gedragen als het team wisselt?', kind: 'implicit', level: 'school', conceptIds: [zorg.id], segmentIds: [segments[1]!.id], memo: 'Uit interview 1' });
  createTension(project, {
    title: 'Nabijheid en afstand',
    poleA: 'dicht bij de leerling',
    poleB: 'professionele afstand',
    group: 'zorgteam',
    findings: ['Leraren zoeken nabijheid 😊'],
    implications: ['Ruimte voor intervisie'],
    quotes: [{ segmentId: segments[2]!.id, pole: 1 }],
    conceptIds: [welzijn.id],
    reportOrder: ['implication', 'finding', 'quote'],
  });
  await dispatch(session, 'guide/set', { sections: [{ title: 'Begin', questions: [{ text: 'Hoe begon het?', type: 'opening' }] }] });
  const doc = listDocuments(project.db).find((d) => d.name === 'katrien')!;
  const guide = (await dispatch(session, 'guide/get', {})) as Array<{ id: string; questions: Array<{ id: string }> }>;
  await dispatch(session, 'guide/markSpan', { documentId: doc.id, start: 0, end: 20, sectionId: guide[0]!.id, questionId: guide[0]!.questions[0]!.id });
  const outline = addSection(project, { parentId: null, title: 'Bevindingen', tie: { kind: 'concept', id: zorg.id } });
  const section = outline.sections[0]!;
  addSection(project, { parentId: section.id, title: 'Het team' });
  const quoted = addItem(project, { sectionId: section.id, kind: 'quote', segmentId: segments[1]!.id });
  addItem(project, { sectionId: section.id, kind: 'finding', text: 'Het team draagt.' });
  // An edited quote (issue 29): its edited form travels beside the item.
  const quoteItem = quoted.sections[0]!.items.find((i) => i.kind === 'quote')!;
  await dispatch(session, 'outline/editQuote', { id: quoteItem.id, text: `[Zij:] ${segments[1]!.text.split(/\s+/)[0]} (…)` });
}
