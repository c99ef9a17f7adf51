import type { Concept, ConceptLink, ConceptQuotes, LearningQuestion, MapPosition, Quote, RelationType, RoundStatus, Tension } from '../../../shared/analysis.ts';
import type { ArgsOf } from '../../../shared/api/contract.ts';
import { call } from '../../api/client.ts';
import type { State } from '../index.ts';
import type { SliceCreator } from '../slice.ts';

/**
 * Rounds 2 and 3: concepts, relation types and links, the map layout, learning questions, tensions,
 * what is left to do per round, and the quotes these screens show.
 *
 * Any write (here or in round 1: a label merged, a segment resized, an undo) may change them, so the
 * lists remember the `dataVersion` and project they were fetched for; the project frame loads them
 * in an effect on `dataVersion`, and a load asked for what is already there does nothing.
 */
export interface AnalysisSlice {
  concepts: Concept[];
  relations: RelationType[];
  links: ConceptLink[];
  mapLayout: MapPosition[];
  learningQuestions: LearningQuestion[];
  tensions: Tension[];
  roundStatus: RoundStatus | null;
  /** What the lists above were fetched for, or null before the first fetch. */
  analysisKey: string | null;
  /** Quotes by segment id, for the data version in `quotesKey`. */
  quoteCache: Record<string, Quote>;
  quotesKey: string | null;
  conceptQuotes: ConceptQuotes | null;
  conceptQuotesKey: string | null;
  /** The quotes offered by the quote picker: a concept's or a label's segments. */
  pickQuotes: { key: string | null; quotes: Quote[] | null };
  loadPickQuotes(source: QuoteSource): Promise<void>;
  loadAnalysis(force?: boolean): Promise<void>;
  loadQuotes(segmentIds: string[]): Promise<void>;
  loadConceptQuotes(id: string): Promise<void>;
  createConcept(fields: ArgsOf<'concepts/create'>): Promise<Concept | null>;
  updateConcept(fields: ArgsOf<'concepts/update'>): Promise<void>;
  moveConcept(id: string, index: number): Promise<void>;
  deleteConcept(id: string): Promise<void>;
  addConceptLabels(id: string, labelIds: string[]): Promise<void>;
  removeConceptLabel(id: string, labelId: string): Promise<void>;
  addConceptSegments(id: string, segmentIds: string[]): Promise<void>;
  removeConceptSegment(id: string, segmentId: string): Promise<void>;
  createRelation(name: string, directed: boolean): Promise<RelationType | null>;
  createLink(fields: ArgsOf<'links/create'>): Promise<ConceptLink | null>;
  updateLink(fields: ArgsOf<'links/update'>): Promise<void>;
  deleteLink(id: string): Promise<void>;
  saveLayout(positions: MapPosition[]): Promise<void>;
  createLearningQuestion(fields: ArgsOf<'learningQuestions/create'>): Promise<LearningQuestion | null>;
  learningQuestionFromSegment(segmentId: string, question?: string): Promise<LearningQuestion | null>;
  updateLearningQuestion(fields: ArgsOf<'learningQuestions/update'>): Promise<void>;
  moveLearningQuestion(id: string, index: number): Promise<void>;
  deleteLearningQuestion(id: string): Promise<void>;
  createTension(fields: ArgsOf<'tensions/create'>): Promise<Tension | null>;
  updateTension(fields: ArgsOf<'tensions/update'>): Promise<void>;
  moveTension(id: string, index: number): Promise<void>;
  deleteTension(id: string): Promise<void>;
}

// An import brings a new document list without a write of the coding slice: each list object gets a number.
const listSerials = new WeakMap<object, number>();
let nextSerial = 0;
function serialOf(list: object): number {
  let serial = listSerials.get(list);
  if (serial === undefined) listSerials.set(list, (serial = ++nextSerial));
  return serial;
}

export interface QuoteSource {
  kind: 'concept' | 'label';
  id: string;
}

/** The data a fetch answers: the project file, the data version and the document list. */
export const dataKey = (s: State): string => `${s.project?.path ?? ''}#${s.dataVersion}#${serialOf(s.documents)}`;

export const createAnalysisSlice: SliceCreator<AnalysisSlice> = (set, get, guarded) => {
  // Fetches of the lists in the order they were asked for, and the latest one shown.
  let requested = 0;
  let applied = 0;
  /** A write, then everything that depends on it fetched again. */
  const write = async <T>(run: () => Promise<T>): Promise<T | null> => {
    try {
      const result = await run();
      await get().afterWrite();
      await get().loadAnalysis();
      return result;
    } catch (error) {
      get().showError(error);
      return null;
    }
  };
  const quietly =
    <A extends unknown[]>(run: (...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      await write(() => run(...args));
    };

  return {
    concepts: [],
    relations: [],
    links: [],
    mapLayout: [],
    learningQuestions: [],
    tensions: [],
    roundStatus: null,
    analysisKey: null,
    quoteCache: {},
    quotesKey: null,
    conceptQuotes: null,
    conceptQuotesKey: null,
    pickQuotes: { key: null, quotes: null },
    loadPickQuotes: guarded(async (source) => {
      const key = `${dataKey(get())}:${source.kind}:${source.id}`;
      if (get().pickQuotes.key === key) return;
      set({ pickQuotes: { key, quotes: null } });
      let quotes: Quote[];
      if (source.kind === 'concept') {
        quotes = (await call('concepts/quotes', { id: source.id })).groups.flatMap((g) => g.quotes);
      } else {
        const { items } = await call('retrieval/segments', { labelId: source.id });
        quotes = items.length > 0 ? await call('quotes/get', { segmentIds: items.map((i) => i.segment.id) }) : [];
      }
      if (get().pickQuotes.key === key) set({ pickQuotes: { key, quotes } });
    }),
    loadAnalysis: guarded(async (force = false) => {
      const key = dataKey(get());
      if (!get().project || (!force && get().analysisKey === key)) return;
      const request = ++requested;
      const [concepts, relations, links, mapLayout, learningQuestions, tensions, roundStatus] = await Promise.all([
        call('concepts/list', {}),
        call('relations/list', {}),
        call('links/list', {}),
        call('map/layout', {}),
        call('learningQuestions/list', {}),
        call('tensions/list', {}),
        call('rounds/status', {}),
      ]);
      // Shown even when the data version moved on meanwhile (a change event echoing our own write
      // does that): a write waits for these lists. Only an answer older than one shown is dropped.
      if (request < applied) return;
      applied = request;
      set({ concepts, relations, links, mapLayout, learningQuestions, tensions, roundStatus, analysisKey: key });
    }),
    loadQuotes: guarded(async (segmentIds) => {
      const key = dataKey(get());
      const cache = get().quotesKey === key ? get().quoteCache : {};
      const missing = [...new Set(segmentIds)].filter((id) => !cache[id]);
      if (missing.length === 0 && get().quotesKey === key) return;
      const quotes = missing.length > 0 ? await call('quotes/get', { segmentIds: missing }) : [];
      if (dataKey(get()) !== key) return;
      const next = { ...(get().quotesKey === key ? get().quoteCache : {}) };
      for (const quote of quotes) next[quote.segmentId] = quote;
      set({ quoteCache: next, quotesKey: key });
    }),
    loadConceptQuotes: guarded(async (id) => {
      const key = `${dataKey(get())}:${id}`;
      if (get().conceptQuotesKey === key) return;
      const result = await call('concepts/quotes', { id });
      if (`${dataKey(get())}:${id}` === key) set({ conceptQuotes: result, conceptQuotesKey: key });
    }),
    createConcept: (fields) => write(() => call('concepts/create', fields)),
    updateConcept: quietly((fields: ArgsOf<'concepts/update'>) => call('concepts/update', fields)),
    moveConcept: quietly((id: string, index: number) => call('concepts/move', { id, index })),
    deleteConcept: quietly((id: string) => call('concepts/delete', { id })),
    addConceptLabels: quietly((id: string, labelIds: string[]) => call('concepts/addLabels', { id, labelIds })),
    removeConceptLabel: quietly((id: string, labelId: string) => call('concepts/removeLabel', { id, labelId })),
    addConceptSegments: quietly((id: string, segmentIds: string[]) => call('concepts/addSegments', { id, segmentIds })),
    removeConceptSegment: quietly((id: string, segmentId: string) => call('concepts/removeSegment', { id, segmentId })),
    createRelation: (name, directed) => write(() => call('relations/create', { name, directed })),
    createLink: (fields) => write(() => call('links/create', fields)),
    updateLink: quietly((fields: ArgsOf<'links/update'>) => call('links/update', fields)),
    deleteLink: quietly((id: string) => call('links/delete', { id })),
    saveLayout: async (positions) => {
      // Shown at once: the map must not jump back while the save runs.
      const moved = new Map(positions.map((p) => [p.conceptId, p]));
      set((s) => ({ mapLayout: [...s.mapLayout.filter((p) => !moved.has(p.conceptId)), ...positions] }));
      await write(() => call('map/saveLayout', { positions }));
    },
    createLearningQuestion: (fields) => write(() => call('learningQuestions/create', fields)),
    learningQuestionFromSegment: (segmentId, question) => write(() => call('learningQuestions/fromSegment', question ? { segmentId, question } : { segmentId })),
    updateLearningQuestion: quietly((fields: ArgsOf<'learningQuestions/update'>) => call('learningQuestions/update', fields)),
    moveLearningQuestion: quietly((id: string, index: number) => call('learningQuestions/move', { id, index })),
    deleteLearningQuestion: quietly((id: string) => call('learningQuestions/delete', { id })),
    createTension: (fields) => write(() => call('tensions/create', fields)),
    updateTension: quietly((fields: ArgsOf<'tensions/update'>) => call('tensions/update', fields)),
    moveTension: quietly((id: string, index: number) => call('tensions/move', { id, index })),
    deleteTension: quietly((id: string) => call('tensions/delete', { id })),
  };
};
