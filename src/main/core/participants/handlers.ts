import type { FeatureHandlers } from '../handlers.ts';
import { createAttribute, updateParticipant } from './service.ts';
import { listAttributes, listParticipants } from './store.ts';

/** Participants and their attributes (the matrix's and the report's columns). */
export const participantsHandlers = {
  'participants/list': (session) => ({
    participants: listParticipants(session.project.db),
    attributes: listAttributes(session.project.db),
  }),
  'participants/update': (session, { id, name, attributes }) => updateParticipant(session.project, id, name, attributes),
  'attributes/create': (session, { name, type }) => createAttribute(session.project, name, type),
} satisfies FeatureHandlers;
