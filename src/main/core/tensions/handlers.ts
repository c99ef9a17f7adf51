import type { FeatureHandlers } from '../handlers.ts';
import { changeTension, createTension, listTensions, moveTension, removeTension } from './service.ts';

/** Round 3's tensions: two poles, the quotes on each side, findings and implications for the report. */
export const tensionsHandlers = {
  'tensions/list': (session) => listTensions(session.project.db),
  'tensions/create': (session, fields) => createTension(session.project, fields),
  'tensions/update': (session, { id, ...patch }) => changeTension(session.project, id, patch),
  'tensions/move': (session, { id, index }) => moveTension(session.project, id, index),
  'tensions/delete': (session, { id }) => removeTension(session.project, id),
} satisfies FeatureHandlers;
