import type { Segment } from '../../src/shared/model.ts';
import type { Session } from '../../src/main/core/session.ts';
import { available, call } from '../measure/available.ts';
import type { Populated } from './populate.ts';
import { createRng } from './prng.ts';
import type { CorpusSize } from './sizes.ts';
import { LABEL_THEMES } from './vocabulary.ts';

/** Quotes the theme report must carry (issue 5: a 2,000-quote report). */
export const REPORT_QUOTES = 2000;

export interface AnalysisCounts {
  concepts: number | string;
  learningQuestions: number | string;
  tensions: number | string;
  outlineQuotes: number | string;
}

const NOT_YET = 'not available yet';

async function segmentIds(session: Session, documentIds: string[], wanted: number): Promise<string[]> {
  const out: string[] = [];
  for (const id of documentIds) {
    if (out.length >= wanted) break;
    const segments = await call<Segment[]>(session, 'segments/list', { documentId: id });
    out.push(...segments.map((s) => s.id));
  }
  return out.slice(0, wanted);
}

/**
 * Rounds 2 and 3 through their handlers, where they exist: concepts grouping labels, learning
 * questions and tensions with supporting segments (2,000 between them, so the theme report quotes
 * 2,000 times), and an outline generated from them.
 */
export async function populateAnalysis(session: Session, size: CorpusSize, populated: Populated): Promise<AnalysisCounts> {
  const counts: AnalysisCounts = { concepts: NOT_YET, learningQuestions: NOT_YET, tensions: NOT_YET, outlineQuotes: NOT_YET };
  if (!available('concepts/create')) return counts;
  const rng = createRng(0xa7a);
  const conceptIds: string[] = [];
  const perConcept = Math.max(1, Math.floor(populated.labelIds.length / size.concepts));
  for (let i = 0; i < size.concepts; i++) {
    const labelIds = populated.labelIds.slice(i * perConcept, (i + 1) * perConcept);
    const concept = await call<{ id: string }>(session, 'concepts/create', { name: `concept ${i + 1}: ${LABEL_THEMES[i % LABEL_THEMES.length]}`, labelIds });
    conceptIds.push(concept.id);
  }
  counts.concepts = conceptIds.length;

  const supports = await segmentIds(session, [populated.long.documentId, ...populated.documentIds], REPORT_QUOTES);
  const holders = size.learningQuestions + size.tensions;
  const share = (i: number) => supports.slice(Math.floor((i * supports.length) / holders), Math.floor(((i + 1) * supports.length) / holders));
  const someConcepts = () => [conceptIds[rng.int(conceptIds.length)]!, conceptIds[rng.int(conceptIds.length)]!].filter((c, i, all) => all.indexOf(c) === i);
  if (available('learningQuestions/create')) {
    for (let i = 0; i < size.learningQuestions; i++) {
      await call(session, 'learningQuestions/create', {
        question: `Hoe kan de school de leerlingenbegeleider ondersteunen bij ${LABEL_THEMES[(i * 3) % LABEL_THEMES.length]}?`,
        kind: i % 3 === 0 ? 'explicit' : 'implicit',
        conceptIds: someConcepts(),
        segmentIds: share(i),
      });
    }
    counts.learningQuestions = size.learningQuestions;
  }
  if (available('tensions/create')) {
    for (let i = 0; i < size.tensions; i++) {
      await call(session, 'tensions/create', {
        title: `${LABEL_THEMES[(i * 7) % LABEL_THEMES.length]} tegenover ${LABEL_THEMES[(i * 7 + 3) % LABEL_THEMES.length]}`,
        poleA: 'nabijheid bij leerlingen',
        poleB: 'afstand en beleid',
        findings: ['De begeleider voelt zich vaak alleen.'],
        implications: ['Maak tijd vrij voor overleg.'],
        quotes: share(size.learningQuestions + i).map((segmentId, k) => ({ segmentId, pole: k % 2 === 0 ? 1 : 2 })),
        conceptIds: someConcepts(),
      });
    }
    counts.tensions = size.tensions;
  }
  if (available('outline/generate')) {
    const outline = await call<unknown>(session, 'outline/generate', { replace: true });
    counts.outlineQuotes = countQuotes(outline);
  }
  return counts;
}

/** Quote items anywhere in an outline, whatever its nesting. */
function countQuotes(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, child) => n + countQuotes(child), 0);
  if (node === null || typeof node !== 'object') return 0;
  const record = node as Record<string, unknown>;
  let n = record.kind === 'quote' ? 1 : 0;
  for (const value of Object.values(record)) if (typeof value === 'object') n += countQuotes(value);
  return n;
}
