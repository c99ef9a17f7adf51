import type { FeatureHandlers } from '../handlers.ts';
import type { Session } from '../session.ts';
import { listChanges } from './changes.ts';

/** What undo and redo can do now (the summary of the last step is the page's own). */
export const historyState = (session: Session) => ({ ...session.project.history, summary: null });

/** Undo, redo and the change log. */
export const historyHandlers = {
  'history/state': (session) => historyState(session),
  'history/undo': (session) => {
    const event = session.project.undo();
    return { ...session.project.history, summary: event?.summary ?? null };
  },
  'history/redo': (session) => {
    const event = session.project.redo();
    return { ...session.project.history, summary: event?.summary ?? null };
  },
  'changes/list': (session, { limit }) => listChanges(session.project.db, limit ?? 100),
} satisfies FeatureHandlers;
