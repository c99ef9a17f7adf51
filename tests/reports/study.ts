/**
 * The fixture study worked through all three rounds with the real handlers: labels on whole
 * respondent turns, concepts, learning questions, tensions in groups, and a generated outline
 * rearranged by hand into the appendix's mixed order.
 */
import { join } from 'node:path';
import type { Outline } from '../../src/shared/analysis.ts';
import type { ArgsOf, HandlerName, ResultOf } from '../../src/shared/api/contract.ts';
import { dispatch } from '../../src/main/core/handlers.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import { FIXTURES, newSession } from '../support/temp.ts';

export async function fixtureStudy() {
  const { session, project, dir, path } = newSession('hanne');
  const call = <K extends HandlerName>(name: K, args: ArgsOf<K>) => dispatch(session, name, args) as Promise<ResultOf<K>>;
  await importFiles(project, {
    files: [{ path: join(FIXTURES, 'participants.csv') }, { path: join(FIXTURES, 'transcripts') }],
    pseudonyms: { path: join(FIXTURES, 'pseudonyms.csv') },
  });
  const documents = await call('documents/list', {});
  const details = await Promise.all(documents.map((d) => call('documents/get', { id: d.id })));

  /** Codes up to `limit` respondent turns containing `phrase` (one per document first) with the label. */
  const codeTurns = async (labelName: string, phrase: RegExp, limit: number) => {
    const segments: string[] = [];
    for (const doc of details) {
      for (const turn of doc.turns) {
        if (segments.length >= limit) break;
        // The interviewer is "Hanne Claeys" in some transcripts and "Interviewer" in others.
        if (turn.speaker === 'Hanne Claeys' || turn.speaker === 'Interviewer' || !phrase.test(turn.text)) continue;
        const { segment } = await call('codings/apply', { documentId: doc.id, start: turn.start, end: turn.end, labelName });
        segments.push(segment.id);
        break;
      }
    }
    return segments;
  };

  const clb = await codeTurns('samenwerking met CLB', /\bCLB\b/, 4);
  const basiszorg = await codeTurns('brede basiszorg', /brede basiszorg/i, 3);
  const continuum = await codeTurns('toestand zorgcontinuüm', /zorgcontinuüm/i, 3);
  const nascholing = await codeTurns('nuttige opleiding', /nascholing|opleiding/i, 4);
  const netwerk = await codeTurns('netwerken', /netwerk/i, 3);
  const labels = await call('labels/list', {});
  const labelId = (name: string) => labels.find((l) => l.name === name)!.id;
  await call('labels/update', { id: labelId('brede basiszorg'), definition: 'Zorg die de school voor alle leerlingen voorziet.', inclusion: 'Maatregelen voor iedereen', example: 'voldoende tijd geven' });
  await call('labels/update', { id: labelId('toestand zorgcontinuüm'), parentId: labelId('brede basiszorg') });

  const zorg = await call('concepts/create', { name: 'Zorgcontinuüm in de school', definition: 'Hoe de school brede basiszorg en verhoogde zorg organiseert.', labelIds: [labelId('brede basiszorg')] });
  await call('concepts/create', { name: 'Externe partners', labelIds: [labelId('samenwerking met CLB')] });

  const lq1 = await call('learningQuestions/create', { question: 'Wat kunnen de verschillende externe partners voor me betekenen?', kind: 'explicit', segmentIds: clb.slice(0, 2) });
  await call('learningQuestions/create', { question: 'Hoe realiseer ik brede basiszorg en verhoogde zorg in de klas?', kind: 'implicit', segmentIds: basiszorg.slice(0, 2), conceptIds: [zorg.id] });
  await call('tensions/create', {
    title: 'Doelpubliek',
    poleA: 'begeleider van leerlingen',
    poleB: 'coördinator van beleid',
    group: 'Zelfopvatting leerlingenbegeleiding',
    findings: ['Leerlingenbegeleiders voelen zich voor heel veel zaken verantwoordelijk.', 'Ze zien zich vooral als begeleider van leerlingen (1-op-1).'],
    implications: ['Het uitschrijven van het schoolbeleid wordt soms als administratieve taak opgevat.'],
    quotes: [{ segmentId: continuum[0]! }, { segmentId: clb[2] ?? clb[0]! }],
  });
  await call('tensions/create', {
    title: 'Afstemming',
    poleA: 'focus op leerlingen',
    poleB: 'focus op leerkrachten',
    group: 'Zelfopvatting leerlingenbegeleiding',
    findings: ['Afstemming onder collega’s is courant.'],
    implications: ['Afstemming met leerkrachten een vaste plaats geven.'],
    quotes: [{ segmentId: netwerk[0]! }],
  });
  await call('tensions/create', {
    title: 'Professionalisering',
    poleA: 'nascholing volgen',
    poleB: 'tijd in de job',
    group: 'Personeelsbeleid',
    findings: ['Nascholing valt vaak in vakanties.'],
    implications: ['Scholen kunnen nascholing buiten de vakanties plannen.'],
    quotes: [{ segmentId: nascholing[0]! }, { segmentId: nascholing[1] ?? nascholing[0]! }],
  });

  let outline = await call('outline/generate', {});
  // The researcher's own order: an implication before the quotes, a paragraph between them.
  const doelpubliek = outline.sections.find((s) => s.title === 'Doelpubliek')!;
  const implication = doelpubliek.items.find((i) => i.kind === 'implication')!;
  await call('outline/moveItem', { id: implication.id, sectionId: doelpubliek.id, index: 2 });
  outline = await call('outline/addItem', {
    sectionId: doelpubliek.id,
    index: 3,
    kind: 'paragraph',
    text: 'We stelden wel vast dat sommige leerlingenbegeleiders een bredere kijk ontwikkelden:',
  });
  const lqSection = outline.sections.find((s) => s.tie?.id === lq1.id)!;
  outline = await call('outline/updateSection', { id: lqSection.id, text: 'Vragen over het CLB en andere diensten.' });
  return { session, project, dir, path, call, details, outline: outline as Outline };
}
