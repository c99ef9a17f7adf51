import { isHandlerName } from '../../src/shared/api/names.ts';
import { dispatch, handlers } from '../../src/main/core/handlers.ts';
import type { Session } from '../../src/main/core/session.ts';

/**
 * Whether a handler of another area exists yet: named in the contract and wired in the handler map.
 * The suite measures what exists and says "not available yet" for the rest, so it never crashes for
 * a missing one.
 */
export function available(name: string): boolean {
  return isHandlerName(name) && typeof (handlers as Record<string, unknown>)[name] === 'function';
}

export const NOT_AVAILABLE = 'not available yet';

/** Calls a handler by name; the name is checked at run time, so areas still being written type-check. */
export function call<T>(session: Session, name: string, args: unknown): Promise<T> {
  return dispatch(session, name, args) as Promise<T>;
}
