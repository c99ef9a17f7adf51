import type { Concept, ConceptLink, LearningQuestion, MapPosition, RelationType, Tension } from '../../../shared/analysis.ts';
import type { ArgsOf, HandlerName, ResultOf } from '../../../shared/api/contract.ts';
import { seed, write } from '../../data/index.ts';
import type { SliceCreator } from '../slice.ts';

/**
 * The writes of rounds 2 and 3: concepts, relation types and links, the map layout, learning
 * questions and tensions. Their lists are reads of the data layer, fetched again when a write
 * changes their tables; a new concept goes straight into the concept list.
 */
export interface AnalysisSlice {
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

export const createAnalysisSlice: SliceCreator<AnalysisSlice> = (_set, get) => {
  /** A write whose refusal shows in the banner; null then. */
  const run = async <K extends HandlerName>(name: K, args: ArgsOf<K>, seeds?: (result: ResultOf<K>) => Array<string | null>): Promise<ResultOf<K> | null> => {
    try {
      return await write(name, args, seeds);
    } catch (error) {
      get().showError(error);
      return null;
    }
  };
  const quietly =
    <K extends HandlerName, A extends unknown[]>(name: K, args: (...a: A) => ArgsOf<K>) =>
    async (...a: A) => {
      await run(name, args(...a));
    };

  return {
    // A new concept comes last in the list (the core appends it), with the counts it answered.
    createConcept: (fields) =>
      run('concepts/create', fields, (concept) => [seed('concepts/list', {}, (list) => (list && !list.some((c) => c.id === concept.id) ? [...list, concept] : undefined))]),
    updateConcept: quietly('concepts/update', (fields: ArgsOf<'concepts/update'>) => fields),
    moveConcept: quietly('concepts/move', (id: string, index: number) => ({ id, index })),
    deleteConcept: quietly('concepts/delete', (id: string) => ({ id })),
    addConceptLabels: quietly('concepts/addLabels', (id: string, labelIds: string[]) => ({ id, labelIds })),
    removeConceptLabel: quietly('concepts/removeLabel', (id: string, labelId: string) => ({ id, labelId })),
    addConceptSegments: quietly('concepts/addSegments', (id: string, segmentIds: string[]) => ({ id, segmentIds })),
    removeConceptSegment: quietly('concepts/removeSegment', (id: string, segmentId: string) => ({ id, segmentId })),
    createRelation: (name, directed) => run('relations/create', { name, directed }),
    createLink: (fields) => run('links/create', fields),
    updateLink: quietly('links/update', (fields: ArgsOf<'links/update'>) => fields),
    deleteLink: quietly('links/delete', (id: string) => ({ id })),
    saveLayout: async (positions) => {
      // Shown at once: the map must not jump back while the save runs; the write spares the layout's fetch.
      const moved = new Map(positions.map((p) => [p.conceptId, p]));
      const layout = (list: MapPosition[] | undefined) => (list ? [...list.filter((p) => !moved.has(p.conceptId)), ...positions] : undefined);
      seed('map/layout', {}, layout);
      await run('map/saveLayout', { positions }, () => [seed('map/layout', {}, layout)]);
    },
    createLearningQuestion: (fields) => run('learningQuestions/create', fields),
    learningQuestionFromSegment: (segmentId, question) => run('learningQuestions/fromSegment', question ? { segmentId, question } : { segmentId }),
    updateLearningQuestion: quietly('learningQuestions/update', (fields: ArgsOf<'learningQuestions/update'>) => fields),
    moveLearningQuestion: quietly('learningQuestions/move', (id: string, index: number) => ({ id, index })),
    deleteLearningQuestion: quietly('learningQuestions/delete', (id: string) => ({ id })),
    createTension: (fields) => run('tensions/create', fields),
    updateTension: quietly('tensions/update', (fields: ArgsOf<'tensions/update'>) => fields),
    moveTension: quietly('tensions/move', (id: string, index: number) => ({ id, index })),
    deleteTension: quietly('tensions/delete', (id: string) => ({ id })),
  };
};
