import type { AnalysisHandlerName } from '../../shared/api/names-analysis.ts';
import type { HandlerMap } from './handlers.ts';
import { conceptLinks, mapPositions, relationTypes } from './concept-map/store.ts';
import {
  addConceptLabels,
  addConceptSegments,
  conceptQuotes,
  createConcept,
  deleteConcept,
  listConcepts,
  moveConcept,
  removeConceptLabel,
  removeConceptSegment,
  updateConcept,
} from './concepts/service.ts';
import { changeLink, createLink, createRelationType, removeLink, removeRelationType, saveLayout } from './concept-map/service.ts';
import { computeMatrix, matrixCell } from './matrix/service.ts';
import { addItem, addSection, changeItem, changeSection, editQuote, moveItem, moveSection, readOutline, removeItem, removeSection } from './outline/service.ts';
import { generateOutline, planOutline } from './outline/generate.ts';
import { quotesOf } from './rounds/quotes.ts';
import {
  changeLearningQuestion,
  changeTension,
  createLearningQuestion,
  createTension,
  learningQuestionFromSegment,
  listLearningQuestions,
  listTensions,
  moveLearningQuestion,
  moveTension,
  removeLearningQuestion,
  removeTension,
} from './tensions/service.ts';
import { roundStatus } from './rounds/status.ts';

/** Rounds 2 and 3: concepts, matrix, links, learning questions, tensions, outline. */
export const analysisHandlers: HandlerMap<AnalysisHandlerName> = {
  'concepts/list': (session, { speakers }) => listConcepts(session.project.db, speakers),
  'concepts/create': (session, fields) => createConcept(session.project, fields),
  'concepts/update': (session, { id, ...patch }) => updateConcept(session.project, id, patch),
  'concepts/move': (session, { id, index }) => moveConcept(session.project, id, index),
  'concepts/delete': (session, { id }) => deleteConcept(session.project, id),
  'concepts/addLabels': (session, { id, labelIds }) => addConceptLabels(session.project, id, labelIds),
  'concepts/removeLabel': (session, { id, labelId }) => removeConceptLabel(session.project, id, labelId),
  'concepts/addSegments': (session, { id, segmentIds }) => addConceptSegments(session.project, id, segmentIds),
  'concepts/removeSegment': (session, { id, segmentId }) => removeConceptSegment(session.project, id, segmentId),
  'concepts/quotes': (session, { id, speakers }) => conceptQuotes(session.project.db, id, speakers),
  'quotes/get': (session, { segmentIds }) => quotesOf(session.project.db, segmentIds),
  'matrix/get': (session, args) => computeMatrix(session.project.db, args),
  'matrix/cell': (session, args) => matrixCell(session.project.db, args),
  'relations/list': (session) => relationTypes(session.project.db),
  'relations/create': (session, args) => createRelationType(session.project, args),
  'relations/delete': (session, { id }) => removeRelationType(session.project, id),
  'links/list': (session) => conceptLinks(session.project.db),
  'links/create': (session, args) => createLink(session.project, args),
  'links/update': (session, { id, ...patch }) => changeLink(session.project, id, patch),
  'links/delete': (session, { id }) => removeLink(session.project, id),
  'map/layout': (session) => mapPositions(session.project.db),
  'map/saveLayout': (session, { positions }) => saveLayout(session.project, positions),
  'learningQuestions/list': (session) => listLearningQuestions(session.project.db),
  'learningQuestions/create': (session, fields) => createLearningQuestion(session.project, fields),
  'learningQuestions/fromSegment': (session, args) => learningQuestionFromSegment(session.project, args),
  'learningQuestions/update': (session, { id, ...patch }) => changeLearningQuestion(session.project, id, patch),
  'learningQuestions/move': (session, { id, index }) => moveLearningQuestion(session.project, id, index),
  'learningQuestions/delete': (session, { id }) => removeLearningQuestion(session.project, id),
  'tensions/list': (session) => listTensions(session.project.db),
  'tensions/create': (session, fields) => createTension(session.project, fields),
  'tensions/update': (session, { id, ...patch }) => changeTension(session.project, id, patch),
  'tensions/move': (session, { id, index }) => moveTension(session.project, id, index),
  'tensions/delete': (session, { id }) => removeTension(session.project, id),
  'outline/get': (session) => readOutline(session.project.db),
  'outline/generate': (session, args) => generateOutline(session.project, args),
  'outline/generatePlan': (session, args) => planOutline(session.project.db, args),
  'outline/editQuote': (session, args) => editQuote(session.project, args),
  'outline/addSection': (session, args) => addSection(session.project, args),
  'outline/updateSection': (session, args) => changeSection(session.project, args),
  'outline/moveSection': (session, args) => moveSection(session.project, args),
  'outline/deleteSection': (session, { id }) => removeSection(session.project, id),
  'outline/addItem': (session, args) => addItem(session.project, args),
  'outline/updateItem': (session, args) => changeItem(session.project, args),
  'outline/moveItem': (session, args) => moveItem(session.project, args),
  'outline/deleteItem': (session, { id }) => removeItem(session.project, id),
  'rounds/status': (session) => roundStatus(session.project.db),
};
