import type { CallReply } from '../../shared/api/changes.ts';
import type { DuidingError } from '../../shared/errors.ts';

export type { CallReply } from '../../shared/api/changes.ts';

/** A refusal as every transport answers it: Duiding's error with its details. */
export function errorReply(error: DuidingError): CallReply {
  return { ok: false, error: { kind: error.kind, message: error.message, ...error.detail } };
}

/** A fault of Duiding itself, answered to that call alone. */
export function internalReply(error: unknown): CallReply {
  return { ok: false, error: { kind: 'internal', message: `Internal error: ${error instanceof Error ? error.message : String(error)}` } };
}
