/**
 * A study shaped like the appendix (seed 001): two interviews of pupil counsellors, two learning
 * questions with quotes, and tensions in two groups with findings, quotes and implications, each
 * tension with its own order of those. Words from the seed, with accents, curly apostrophes and an
 * emoji, so that the edited-quote check meets them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSession } from '../support/temp.ts';
import { caller } from './analysis-fixture.ts';

export const TEXTS = {
  one:
    'Interviewer: Wat zou je willen leren?\n' +
    'LB1: Mocht ik starten, zou ik een opleiding leerlingenbegeleiding willen volgen, omdat het heel veel zoeken was: wat is de basiszorg, het zorgcontinuüm, wat wordt er verwacht? 🙂 Vaardigheden leer je vooral door het te doen.\n' +
    'Interviewer: En de leerkrachten?\n' +
    'LB1: Bijvoorbeeld mijn collega doet dat niet, gewoon omdat ze zich er niet sterk genoeg in voelt. Maar er ligt daar nog iets te veel initiatief bij mij en mijn collega’s.\n',
  two:
    'Interviewer: Hoe zie je je rol?\n' +
    'LB2: We mogen niet de pretentie hebben om te denken dat we het allemaal zelf maar eens zullen oplossen.\n' +
    'Interviewer: En het beleid?\n' +
    'LB2: Vormgeving van het beleid. Dit zou beter bij een coördinator komen, met onze inspraak dan wel.\n' +
    'Interviewer: Hoe stemmen jullie af?\n' +
    'LB2: Meer in plannetje gieten kan nog, dat zou een kruisbestuiving kunnen geven onder leerkrachten.\n',
};

/** The passages coded and quoted, each a whole sentence (or two) of the interviews above. */
export const PASSAGES = {
  opleiding: 'Mocht ik starten, zou ik een opleiding leerlingenbegeleiding willen volgen, omdat het heel veel zoeken was: wat is de basiszorg, het zorgcontinuüm, wat wordt er verwacht? 🙂 Vaardigheden leer je vooral door het te doen.',
  collega: 'Bijvoorbeeld mijn collega doet dat niet, gewoon omdat ze zich er niet sterk genoeg in voelt. Maar er ligt daar nog iets te veel initiatief bij mij en mijn collega’s.',
  pretentie: 'We mogen niet de pretentie hebben om te denken dat we het allemaal zelf maar eens zullen oplossen.',
  vormgeving: 'Vormgeving van het beleid. Dit zou beter bij een coördinator komen, met onze inspraak dan wel.',
  plannetje: 'Meer in plannetje gieten kan nog, dat zou een kruisbestuiving kunnen geven onder leerkrachten.',
} as const;
export type PassageName = keyof typeof PASSAGES;

export const FINDINGS = {
  verantwoordelijk: 'Leerlingenbegeleiders voelen zich voor heel veel zaken ter ondersteuning van leerlingen verantwoordelijk.',
  begeleider: 'Leerlingenbegeleiders zien zich vooral als begeleider van leerlingen (1-op-1).',
  courant: 'Afstemming onder collega’s is courant.',
  uren: 'Uren voor leerlingenbegeleiding worden per school anders verdeeld.',
};
export const IMPLICATIONS = {
  administratief: 'Het uitschrijven van het schoolbeleid wordt soms als administratieve taak opgevat.',
  specialisatie: 'Vaak werd een verlangen in specialisatie in 1 domein uitgedrukt.',
  overleg: 'Maak van het overleg met leraren een vast moment.',
  coordinator: 'Leg de coördinatie van het beleid bij een coördinator.',
};

export async function quoteStudy() {
  const { session, project, dir } = newSession('hanne');
  const call = caller(session);
  const docs: Record<'one' | 'two', { id: string; text: string }> = {} as never;
  for (const [key, participant] of [['one', 'LB1'], ['two', 'LB2']] as const) {
    const path = join(dir, `interview-${key}.txt`);
    writeFileSync(path, TEXTS[key]);
    await call('documents/import', { files: [{ path }], participant });
  }
  for (const doc of await call('documents/list', {})) {
    const key = doc.name.endsWith('one') ? 'one' : 'two';
    docs[key] = { id: doc.id, text: (await call('documents/get', { id: doc.id })).text };
  }
  const label = await call('labels/create', { name: 'Professionalisering' });
  const segments = {} as Record<PassageName, string>;
  for (const [name, passage] of Object.entries(PASSAGES) as Array<[PassageName, string]>) {
    const doc = docs.one.text.includes(passage) ? docs.one : docs.two;
    const start = doc.text.indexOf(passage);
    segments[name] = (await call('codings/apply', { documentId: doc.id, start, end: start + passage.length, labelId: label.id })).segment.id;
  }
  const q1 = await call('learningQuestions/create', { question: 'Wat wordt er van de leerlingenbegeleiding verwacht?', kind: 'explicit', segmentIds: [segments.opleiding] });
  const q2 = await call('learningQuestions/create', { question: 'Hoe ondersteun en coach ik leerkrachten?', kind: 'implicit', segmentIds: [segments.collega, segments.plannetje] });
  // The appendix's order for "Doelpubliek": findings, then implications, then the quotes.
  const doelpubliek = await call('tensions/create', {
    title: 'Doelpubliek', poleA: 'leerlingen', poleB: 'schoolteam', group: 'Zelfopvatting leerlingenbegeleiding',
    findings: [FINDINGS.verantwoordelijk, FINDINGS.begeleider], implications: [IMPLICATIONS.administratief, IMPLICATIONS.specialisatie],
    quotes: [{ segmentId: segments.pretentie }, { segmentId: segments.vormgeving }], reportOrder: ['finding', 'implication', 'quote'],
  });
  const afstemming = await call('tensions/create', {
    title: 'Afstemming', poleA: 'informeel', poleB: 'institutioneel', group: 'Zelfopvatting leerlingenbegeleiding',
    findings: [FINDINGS.courant], implications: [IMPLICATIONS.overleg], quotes: [{ segmentId: segments.plannetje }],
  });
  const taken = await call('tensions/create', {
    title: 'Taakverdeling', poleA: 'uren', poleB: 'taken', group: 'Personeelsbeleid',
    findings: [FINDINGS.uren], implications: [IMPLICATIONS.coordinator], quotes: [{ segmentId: segments.vormgeving }], reportOrder: ['quote', 'finding', 'implication'],
  });
  return { session, project, call, dir, docs, label, segments, q1, q2, tensions: { doelpubliek, afstemming, taken } };
}
