import type { HandlerName, ParsedArgsOf, ResultOf } from '../../shared/api/contract.ts';
import type { ChangeNotice, HandlerKind } from '../../shared/api/changes.ts';
import { DECLARATIONS, LONG_CALLS, type Declaration } from '../../shared/api/declarations.ts';
import { HANDLER_NAMES } from '../../shared/api/names.ts';
import { assertHandlerName, parseArgs } from '../../shared/api/validate.ts';
import { DuidingError } from '../../shared/errors.ts';
import type { ProjectInfo } from '../../shared/model.ts';
import type { Project } from './project.ts';
import { listChanges } from './history/changes.ts';
import { countRows, getDocument, listDocuments, setDocumentCitation, totalWords } from './documents/store.ts';
import { readGuide, replaceGuide } from './guide/store.ts';
import { ensureAttribute, getParticipant, listAttributes, listParticipants, renameParticipant, setNamedAttribute } from './participants/store.ts';
import { listLabels } from './codebook/label-counts.ts';
import { searchTurns } from './search/store.ts';
import { explainStorageError } from './db/storage-errors.ts';
import { listSegments } from './coding/store.ts';
import { codersHandlers } from './coders/handlers.ts';
import { mergeHandlers } from './merge/handlers.ts';
import { applyLabel, autocode, createLabel, deleteLabel, mergeLabels, previewAutocode, removeCoding, resizeSegment, updateLabel } from './coding/service.ts';
import { applyTemplate, importCodebookCsv, moveLabel, usageOfLabel } from './codebook/service.ts';
import { importFiles } from './documents/import.ts';
import { confirmSpeakers, listSpeakers, setSpeakerRole, unconfirmedDocuments } from './speakers/service.ts';
import { deleteMemo, listMemos, saveMemo } from './memos/service.ts';
import { assertGuideReplaceable, guideSpansOf, markGuideSpan, unmarkGuideSpan } from './guide/spans.ts';
import { documentProgress, labelProgress, listCoders, retrieveSegments } from './retrieval/service.ts';
import type { Session } from './session.ts';
import { cancelTask, runTask } from './tasks.ts';
import { analysisHandlers } from './handlers-analysis.ts';
import { interchangeHandlers } from './refi-qda/handlers.ts';
import { reportsHandlers } from './reports/handlers.ts';
import { pseudonymiseHandlers } from './pseudonymise/handlers.ts';
import { withdrawHandlers } from './withdraw/handlers.ts';
import { backupsHandlers } from './backups/handlers.ts';
import { auditHandlers } from './audit/handlers.ts';
import { copyHandlers } from './copy/handlers.ts';
import { surveysHandlers } from './surveys/handlers.ts';
import { transcriptHandlers } from './transcripts/handlers.ts';
import { agreementHandlers } from './agreement/handlers.ts';

export type Handler<K extends HandlerName> = (session: Session, args: ParsedArgsOf<K>) => ResultOf<K> | Promise<ResultOf<K>>;
type Handlers = { [K in HandlerName]: Handler<K> };
/** An area's part of the map, kept in its own module (handlers-<area>.ts). */
export type HandlerMap<N extends HandlerName> = { [K in N]: Handler<K> };

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

/** What undo and redo can do now (the summary of the last step is the page's own). */
const historyState = (session: Session) => ({ ...session.project.history, summary: null });

/**
 * Checks the map against the declarations before anything runs: every handler has a declared kind,
 * and a declaration names a handler that exists. A write kind is enforced on every call (`run`).
 */
export function buildHandlerMap(map: Handlers): Handlers {
  const kinds: ReadonlySet<HandlerKind> = new Set(['read', 'undoable', 'baseline', 'purging', 'session', 'history']);
  for (const name of HANDLER_NAMES) {
    if (typeof map[name] !== 'function') throw new Error(`Handler ${name} is in the contract but not registered.`);
    const declaration = (DECLARATIONS as Record<string, Declaration | undefined>)[name];
    if (!declaration || !kinds.has(declaration.kind)) throw new Error(`Handler ${name} has no declared kind (src/shared/api/declarations.ts).`);
  }
  for (const name of Object.keys(map)) {
    if (!(HANDLER_NAMES as readonly string[]).includes(name)) throw new Error(`Handler ${name} is registered but not in the contract.`);
  }
  return map;
}

/** Everything a user can do, once, for every transport. */
export const handlers: Handlers = buildHandlerMap({
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
  'documents/import': (session, args) => importFiles(session.project, args),
  'documents/list': (session) => {
    const unconfirmed = unconfirmedDocuments(session.project.db);
    return listDocuments(session.project.db).map((d) => ({ ...d, rolesUnconfirmed: unconfirmed.has(d.id) }));
  },
  'documents/get': (session, { id }) => {
    const document = getDocument(session.project.db, id);
    if (!document) throw new DuidingError(`There is no document with id ${id}.`);
    return { ...document, rolesUnconfirmed: unconfirmedDocuments(session.project.db).has(id) };
  },
  'documents/setCitation': (session, { id, citation }) => {
    const project = session.project;
    const before = getDocument(project.db, id);
    if (!before) throw new DuidingError(`There is no document with id ${id}.`);
    const value = citation === null ? null : citation.normalize('NFC').replace(/\s+/g, ' ').trim() || null;
    return project.write('documents/setCitation', () => {
      setDocumentCitation(project.db, id, value);
      const after = listDocuments(project.db).find((d) => d.id === id)!;
      const summary = value === null ? `Removed the citation of "${before.name}"` : `Set the citation of "${before.name}" to "${value}"`;
      return { result: { ...after, rolesUnconfirmed: unconfirmedDocuments(project.db).has(id) }, summary, detail: { id, before: before.citation, after: value } };
    });
  },
  'participants/list': (session) => ({
    participants: listParticipants(session.project.db),
    attributes: listAttributes(session.project.db),
  }),
  'participants/update': (session, { id, name, attributes }) => {
    const project = session.project;
    const before = getParticipant(project.db, id);
    if (!before) throw new DuidingError(`There is no participant with id ${id}.`);
    return project.write('participants/update', () => {
      if (name !== undefined && name !== before.name) renameParticipant(project.db, id, name);
      for (const [key, value] of Object.entries(attributes ?? {})) setNamedAttribute(project.db, id, key, value);
      const after = getParticipant(project.db, id)!;
      return { result: after, summary: `Updated participant "${after.name}"`, detail: { id, before, after } };
    });
  },
  'attributes/create': (session, { name, type }) => {
    const project = session.project;
    if (listAttributes(project.db).some((a) => a.name.toLowerCase() === name.toLowerCase())) {
      throw new DuidingError(`There is already an attribute "${name}".`);
    }
    return project.write('attributes/create', () => ({ result: ensureAttribute(project.db, name, type), summary: `Added attribute "${name}" (${type})` }));
  },
  'search/query': (session, { query, limit }) => searchTurns(session.project.db, query, limit ?? 50),
  'guide/get': (session) => readGuide(session.project.db),
  'guide/set': (session, { sections }) => {
    const project = session.project;
    assertGuideReplaceable(project);
    return project.write('guide/set', () => {
      replaceGuide(project.db, sections);
      return { result: readGuide(project.db), summary: `Set the interview guide (${sections.length} sections)` };
    });
  },
  'changes/list': (session, { limit }) => listChanges(session.project.db, limit ?? 100),
  'labels/list': (session, { speakers }) => listLabels(session.project.db, speakers),
  'tasks/cancel': (_session, { task }) => ({ cancelled: cancelTask(task) }),
  'labels/create': (session, fields) => createLabel(session.project, fields),
  'labels/update': (session, { id, ...patch }) => updateLabel(session.project, id, patch),
  'labels/merge': (session, { sourceId, targetId }) => mergeLabels(session.project, sourceId, targetId),
  'labels/delete': (session, { id }) => deleteLabel(session.project, id),
  'labels/importCsv': (session, { file }) => importCodebookCsv(session.project, file),
  'labels/move': (session, { id, parentId, index }) => moveLabel(session.project, id, parentId, index),
  'labels/usage': (session, { id, targetId }) => usageOfLabel(session.project, id, targetId),
  'codebook/applyTemplate': (session, { template, includeEmergent }) => applyTemplate(session.project, template, { includeEmergent }),
  'segments/list': (session, { documentId }) => listSegments(session.project.db, documentId),
  'codings/apply': (session, args) => ({ ...applyLabel(session.project, args), history: historyState(session) }),
  'codings/remove': (session, args) => removeCoding(session.project, args),
  'codings/autocode': (session, args) => autocode(session.project, args),
  'codings/autocodePreview': (session, { query, limit, ...options }) => previewAutocode(session.project, query, limit, options),
  'speakers/list': (session, { documentId }) => listSpeakers(session.project.db, documentId),
  'speakers/set': (session, args) => setSpeakerRole(session.project, args),
  'speakers/confirm': (session, { documentId }) => confirmSpeakers(session.project, documentId),
  'segments/resize': (session, args) => resizeSegment(session.project, args),
  'history/state': (session) => historyState(session),
  'history/undo': (session) => {
    const event = session.project.undo();
    return { ...session.project.history, summary: event?.summary ?? null };
  },
  'history/redo': (session) => {
    const event = session.project.redo();
    return { ...session.project.history, summary: event?.summary ?? null };
  },
  'memos/list': (session, { target }) => listMemos(session.project, target),
  'memos/save': (session, args) => saveMemo(session.project, args),
  'memos/delete': (session, { id }) => deleteMemo(session.project, id),
  'guide/markSpan': (session, args) => markGuideSpan(session.project, args),
  'guide/unmarkSpan': (session, { id }) => unmarkGuideSpan(session.project, id),
  'guide/spans': (session, { documentId }) => guideSpansOf(session.project, documentId),
  'retrieval/segments': (session, args) => retrieveSegments(session.project, args),
  'retrieval/coders': (session) => listCoders(session.project),
  'progress/documents': (session) => documentProgress(session.project),
  'progress/labels': (session, { speakers }) => labelProgress(session.project, speakers),
  ...codersHandlers,
  ...mergeHandlers,
  ...analysisHandlers,
  ...reportsHandlers,
  ...interchangeHandlers,
  ...pseudonymiseHandlers,
  ...withdrawHandlers,
  ...backupsHandlers,
  ...auditHandlers,
  ...copyHandlers,
  ...surveysHandlers,
  ...transcriptHandlers,
  ...agreementHandlers,
});

/**
 * The single entry point of every transport: validates the name and arguments, then runs the handler
 * under its declared kind. The answer carries the notice of what a write changed (null for a read).
 */
export async function call(session: Session, name: string, rawArgs: unknown, options: { task?: string } = {}): Promise<{ result: unknown; change: ChangeNotice | null }> {
  const handlerName = assertHandlerName(name);
  const args = parseArgs(handlerName, rawArgs);
  const handler = handlers[handlerName] as Handler<typeof handlerName>;
  const declaration = DECLARATIONS[handlerName];
  try {
    return await runTask(options.task ?? null, handlerName, async () => {
      // Opening, closing and choosing change which project is open: they run outside any project.
      if (declaration.kind === 'session' || !session.hasProject) return { result: await handler(session, args as never), change: null };
      const declared = declaration.kind === 'baseline' ? declaration.writes : [];
      return await session.project.run(handlerName, declaration.kind, declared, () => handler(session, args as never), { long: LONG_CALLS.has(handlerName) });
    });
  } catch (error) {
    // A full disk, a read-only place or a damaged file is the user's to act on, not a bug.
    throw explainStorageError(error, session.hasProject ? session.project.path : null) ?? error;
  }
}

/** `call` for the CLI and tests, which need the result only. */
export async function dispatch(session: Session, name: string, rawArgs: unknown, options: { task?: string } = {}): Promise<unknown> {
  return (await call(session, name, rawArgs, options)).result;
}
