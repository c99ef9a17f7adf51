import type { TranscriptHandlerName } from '../../../shared/api/names-transcripts.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { HandlerMap } from '../handlers.ts';
import { confirmSegmentText, editTurn, joinTurnWithNext, splitTurn } from './edit.ts';
import { deleteSegment, segmentToRemove } from './store.ts';

/** Correcting a transcript after coding; registered into the handler map (handlers.ts). */
export const transcriptHandlers: HandlerMap<TranscriptHandlerName> = {
  'transcript/edit-turn': (session, args) => editTurn(session.project, args),
  'transcript/split-turn': (session, args) => splitTurn(session.project, args),
  'transcript/join-turns': (session, args) => joinTurnWithNext(session.project, args),
  'segments/confirm-text': (session, { segmentIds }) => confirmSegmentText(session.project, segmentIds),
  'segments/remove': (session, { segmentId }) => {
    const project = session.project;
    const row = segmentToRemove(project.db, segmentId);
    if (!row) throw new DuidingError(`There is no segment with id ${segmentId}.`);
    return project.write('segments/remove', () => {
      deleteSegment(project.db, segmentId);
      const words = (row.text || row.previous || '').slice(0, 40);
      return { result: { removed: true }, summary: `Removed the coded passage “${words}” in "${row.name}" with its labels` };
    });
  },
};
