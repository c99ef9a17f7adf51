import type { Concept, ConceptLink, LearningQuestion, MapPosition, RelationType, Tension } from '../../shared/analysis.ts';
import type { DocumentSummary, GuideSection, HistoryState, Label, Memo, Participant, AttributeDefinition } from '../../shared/model.ts';
import { useData } from './index.ts';

/**
 * The reads most views share, each with its empty value, so that a view reads one line. A fallback
 * is a constant: a view that has no data yet keeps the same empty list from render to render.
 */
export const NO_LABELS: Label[] = [];
const NO_DOCUMENTS: DocumentSummary[] = [];
const NO_PARTICIPANTS: { participants: Participant[]; attributes: AttributeDefinition[] } = { participants: [], attributes: [] };
const NO_MEMOS: Memo[] = [];
const NO_GUIDE: GuideSection[] = [];
export const NO_CONCEPTS: Concept[] = [];
const NO_RELATIONS: RelationType[] = [];
const NO_LINKS: ConceptLink[] = [];
const NO_LAYOUT: MapPosition[] = [];
const NO_QUESTIONS: LearningQuestion[] = [];
const NO_TENSIONS: Tension[] = [];
const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, summary: null };

export const useLabels = () => useData('labels/list', {}, NO_LABELS);
export const useDocuments = () => useData('documents/list', {}, NO_DOCUMENTS);
export const useParticipants = () => useData('participants/list', {}, NO_PARTICIPANTS);
export const useMemos = () => useData('memos/list', {}, NO_MEMOS);
export const useGuideSections = () => useData('guide/get', {}, NO_GUIDE);
export const useConcepts = () => useData('concepts/list', {}, NO_CONCEPTS);
export const useRelations = () => useData('relations/list', {}, NO_RELATIONS);
export const useLinks = () => useData('links/list', {}, NO_LINKS);
export const useMapLayout = () => useData('map/layout', {}, NO_LAYOUT);
export const useLearningQuestions = () => useData('learningQuestions/list', {}, NO_QUESTIONS);
export const useTensions = () => useData('tensions/list', {}, NO_TENSIONS);
export const useRoundStatus = () => useData('rounds/status', {}, null);
export const useHistory = () => useData('history/state', {}, NO_HISTORY);
