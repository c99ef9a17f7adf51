import type { FeatureHandlers } from '../handlers.ts';
import { listLabels } from './label-counts.ts';
import { createLabel, deleteLabel, mergeLabels, updateLabel } from './labels.ts';
import { applyTemplate, importCodebookCsv, moveLabel, usageOfLabel } from './service.ts';

/** Round 1's codebook: labels in a tree, their counts, templates and CSV import. */
export const codebookHandlers = {
  'labels/list': (session, { speakers }) => listLabels(session.project.db, speakers),
  'labels/create': (session, fields) => createLabel(session.project, fields),
  'labels/update': (session, { id, ...patch }) => updateLabel(session.project, id, patch),
  'labels/merge': (session, { sourceId, targetId }) => mergeLabels(session.project, sourceId, targetId),
  'labels/delete': (session, { id }) => deleteLabel(session.project, id),
  'labels/importCsv': (session, { file }) => importCodebookCsv(session.project, file),
  'labels/move': (session, { id, parentId, index }) => moveLabel(session.project, id, parentId, index),
  'labels/usage': (session, { id, targetId }) => usageOfLabel(session.project, id, targetId),
  'codebook/applyTemplate': (session, { template, includeEmergent }) => applyTemplate(session.project, template, { includeEmergent }),
} satisfies FeatureHandlers;
