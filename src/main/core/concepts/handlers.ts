import type { FeatureHandlers } from '../handlers.ts';
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
} from './service.ts';

/** Round 2's concepts: what the interviews have in common, built from labels and passages. */
export const conceptsHandlers = {
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
} satisfies FeatureHandlers;
