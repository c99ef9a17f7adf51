import type { FeatureHandlers } from '../handlers.ts';
import { confirmSpeakers, listSpeakers, setSpeakerRole } from './service.ts';

/** Who says what: each document's speakers and their roles (participant, interviewer, …). */
export const speakersHandlers = {
  'speakers/list': (session, { documentId }) => listSpeakers(session.project.db, documentId),
  'speakers/set': (session, args) => setSpeakerRole(session.project, args),
  'speakers/confirm': (session, { documentId }) => confirmSpeakers(session.project, documentId),
} satisfies FeatureHandlers;
