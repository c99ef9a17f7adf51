import type { RoundStatus } from '../../../shared/analysis.ts';
import type { Route } from '../../store/route.ts';

export type RoundId = 1 | 2 | 3 | 'report';

interface Screen {
  /** i18n key of the sub-tab. */
  key: string;
  route: Route;
  match: Route['name'][];
}

interface Round {
  id: RoundId;
  /** i18n key of the round's name. */
  key: string;
  /** Where the round tab leads. */
  route: Route;
  screens: Screen[];
}

/**
 * The rounds are the spine of the screens: each owns its sub-screens. Round 1's are the screens of
 * labelling (they keep their names and addresses); rounds 1–3 open on an overview of what is left.
 */
export const ROUNDS: Round[] = [
  {
    id: 1,
    key: 'rounds.r1',
    route: { name: 'documents' },
    screens: [
      { key: 'rounds.overview', route: { name: 'round', round: 1 }, match: [] },
      { key: 'nav.documents', route: { name: 'documents' }, match: ['documents', 'document'] },
      { key: 'nav.codebook', route: { name: 'codebook', labelId: null }, match: ['codebook'] },
      { key: 'nav.retrieval', route: { name: 'retrieval', labelId: null, params: {} }, match: ['retrieval'] },
      { key: 'nav.memos', route: { name: 'memos' }, match: ['memos'] },
      { key: 'nav.participants', route: { name: 'participants' }, match: ['participants'] },
      { key: 'nav.search', route: { name: 'search', query: '' }, match: ['search'] },
      { key: 'agreement.title', route: { name: 'agreement', params: {} }, match: ['agreement'] },
    ],
  },
  {
    id: 2,
    key: 'rounds.r2',
    route: { name: 'round', round: 2 },
    screens: [
      { key: 'rounds.overview', route: { name: 'round', round: 2 }, match: [] },
      { key: 'rounds.concepts', route: { name: 'concepts', conceptId: null }, match: ['concepts'] },
      { key: 'rounds.matrix', route: { name: 'matrix', params: {} }, match: ['matrix'] },
      { key: 'surveys.title', route: { name: 'scales', params: {} }, match: ['scales'] },
    ],
  },
  {
    id: 3,
    key: 'rounds.r3',
    route: { name: 'round', round: 3 },
    screens: [
      { key: 'rounds.overview', route: { name: 'round', round: 3 }, match: [] },
      { key: 'rounds.map', route: { name: 'concept-map' }, match: ['concept-map'] },
      { key: 'rounds.learningQuestions', route: { name: 'learning-questions', id: null }, match: ['learning-questions'] },
      { key: 'rounds.tensions', route: { name: 'tensions', id: null }, match: ['tensions'] },
    ],
  },
  { id: 'report', key: 'rounds.report', route: { name: 'report' }, screens: [] },
];

export function roundOf(route: Route): RoundId {
  if (route.name === 'round') return route.round;
  if (route.name === 'report') return 'report';
  return ROUNDS.find((r) => r.screens.some((s) => s.match.includes(route.name)))?.id ?? 1;
}

export function isScreen(screen: Screen, route: Route): boolean {
  if (screen.route.name === 'round') return route.name === 'round' && route.round === screen.route.round;
  return screen.match.includes(route.name);
}

/** How many things are left to do in a round (the number on its tab). */
export function openCount(status: RoundStatus | null, round: RoundId): number {
  if (!status) return 0;
  switch (round) {
    case 1:
      return status.round1.uncodedDocuments;
    case 2:
      return status.round2.labelsInNoConcept.length + status.round2.conceptsWithoutQuotes.length;
    case 3:
      return status.round3.questionsWithoutSupport.length + status.round3.tensionsWithoutImplications.length;
    case 'report':
      return 0;
  }
}
