import type { DuidingError } from '../../shared/errors.ts';

/** What a call answers the page, over IPC, the WebSocket or HTTP: its result, or Duiding's error with its details. */
export type CallReply = { ok: true; result: unknown } | { ok: false; error: { kind: string; message: string } & Record<string, unknown> };

export function errorReply(error: DuidingError): CallReply {
  return { ok: false, error: { kind: error.kind, message: error.message, ...error.detail } };
}
