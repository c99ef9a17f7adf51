import { DuidingError } from '../../shared/errors.ts';
import type { ProjectInfo } from '../../shared/model.ts';
import { countRows, totalWords } from './documents/store.ts';
import type { FeatureHandlers } from './handlers.ts';
import type { Project } from './project.ts';
import { cancelTask } from './tasks.ts';

function info(project: Project): ProjectInfo {
  const meta = project.meta();
  const db = project.db;
  return {
    path: project.path,
    title: meta.title,
    formatVersion: db.pragma('user_version', { simple: true }) as number,
    createdAt: meta.createdAt,
    readOnly: project.readOnly,
    documents: countRows(db, 'documents'),
    participants: countRows(db, 'participants'),
    words: totalWords(db),
    turns: countRows(db, 'turns'),
    labels: countRows(db, 'labels'),
    segments: countRows(db, 'segments'),
    codings: countRows(db, 'codings'),
    concepts: countRows(db, 'concepts'),
    learningQuestions: countRows(db, 'learning_questions'),
    tensions: countRows(db, 'tensions'),
  };
}

/** The session: which project is open (create, open, close, choose), what it holds, and cancelling a long call. */
export const sessionHandlers = {
  'project/create': (session, { path, title }) => info(session.create(path, title)),
  'project/open': (session, { path, readOnly }) => info(session.open(path, readOnly)),
  'project/close': (session) => {
    session.close();
    return null;
  },
  'project/info': (session) => info(session.project),
  'project/current': (session) => (session.hasProject ? info(session.project) : null),
  'projects/list': (session) => session.listProjects(),
  'project/choose': () => {
    throw new DuidingError('Choosing a project file in another folder needs the desktop app.', 'usage');
  },
  'tasks/cancel': (_session, { task }) => ({ cancelled: cancelTask(task) }),
} satisfies FeatureHandlers;
