import type { HandlerName, ParsedArgsOf, ResultOf } from '../../shared/api/contract.ts';
import type { ChangeNotice, HandlerKind } from '../../shared/api/changes.ts';
import { DECLARATIONS, LONG_CALLS, type Declaration } from '../../shared/api/declarations.ts';
import { HANDLER_NAMES } from '../../shared/api/names.ts';
import { assertHandlerName, parseArgs } from '../../shared/api/validate.ts';
import { explainStorageError } from './db/storage-errors.ts';
import type { Session } from './session.ts';
import { runTask } from './tasks.ts';
import { agreementHandlers } from './agreement/handlers.ts';
import { auditHandlers } from './audit/handlers.ts';
import { backupsHandlers } from './backups/handlers.ts';
import { codebookHandlers } from './codebook/handlers.ts';
import { codersHandlers } from './coders/handlers.ts';
import { codingHandlers } from './coding/handlers.ts';
import { conceptMapHandlers } from './concept-map/handlers.ts';
import { conceptsHandlers } from './concepts/handlers.ts';
import { copyHandlers } from './copy/handlers.ts';
import { documentsHandlers } from './documents/handlers.ts';
import { guideHandlers } from './guide/handlers.ts';
import { historyHandlers } from './history/handlers.ts';
import { learningQuestionsHandlers } from './learning-questions/handlers.ts';
import { matrixHandlers } from './matrix/handlers.ts';
import { memosHandlers } from './memos/handlers.ts';
import { mergeHandlers } from './merge/handlers.ts';
import { outlineHandlers } from './outline/handlers.ts';
import { participantsHandlers } from './participants/handlers.ts';
import { pseudonymiseHandlers } from './pseudonymise/handlers.ts';
import { refiQdaHandlers } from './refi-qda/handlers.ts';
import { reportsHandlers } from './reports/handlers.ts';
import { retrievalHandlers } from './retrieval/handlers.ts';
import { roundsHandlers } from './rounds/handlers.ts';
import { searchHandlers } from './search/handlers.ts';
import { sessionHandlers } from './session-handlers.ts';
import { speakersHandlers } from './speakers/handlers.ts';
import { surveysHandlers } from './surveys/handlers.ts';
import { tensionsHandlers } from './tensions/handlers.ts';
import { transcriptHandlers } from './transcripts/handlers.ts';
import { withdrawHandlers } from './withdraw/handlers.ts';

/**
 * The core's handler map: every feature folder registers its own handlers (its `handlers.ts`, beside
 * its service and store), and this module puts them together, checks them against the contract and
 * the declarations, and runs each call under its declared kind. Infrastructure shared by every
 * feature lies apart at this level: the project and its connection (project.ts, db/), the session,
 * long calls as tasks, undo (history/) and file utilities (files/).
 */

export type Handler<K extends HandlerName> = (session: Session, args: ParsedArgsOf<K>) => ResultOf<K> | Promise<ResultOf<K>>;
export type Handlers = { [K in HandlerName]: Handler<K> };
/** An area's part of the map, with its names spelled out (`satisfies FeatureHandlers` infers them). */
export type HandlerMap<N extends HandlerName> = { [K in N]: Handler<K> };
/** What a feature folder's `handlers.ts` exports: some handlers of the contract, typed by their names. */
export type FeatureHandlers = Partial<Handlers>;

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

/** Everything a user can do, once, for every transport: the features' maps together. */
export const handlers: Handlers = buildHandlerMap({
  ...sessionHandlers,
  ...documentsHandlers,
  ...participantsHandlers,
  ...speakersHandlers,
  ...guideHandlers,
  ...searchHandlers,
  ...codebookHandlers,
  ...codingHandlers,
  ...memosHandlers,
  ...retrievalHandlers,
  ...historyHandlers,
  ...codersHandlers,
  ...mergeHandlers,
  ...agreementHandlers,
  ...conceptsHandlers,
  ...conceptMapHandlers,
  ...matrixHandlers,
  ...roundsHandlers,
  ...learningQuestionsHandlers,
  ...tensionsHandlers,
  ...outlineHandlers,
  ...reportsHandlers,
  ...refiQdaHandlers,
  ...pseudonymiseHandlers,
  ...withdrawHandlers,
  ...backupsHandlers,
  ...auditHandlers,
  ...copyHandlers,
  ...surveysHandlers,
  ...transcriptHandlers,
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
