/**
 * The IPC surface shared by main and preload. No Node imports: the preload runs sandboxed.
 */
import { HANDLER_NAMES, isHandlerName, type HandlerName } from '../../../shared/api/names.ts';

/** The one IPC channel for calls, and the one for change events. */
export const CALL_CHANNEL = 'duiding:call';
export const EVENT_CHANNEL = 'duiding:event';

/** Handlers the page may call over IPC: the contract's, nothing else (no raw ipcRenderer). */
export const IPC_ALLOW_LIST: ReadonlySet<HandlerName> = new Set(HANDLER_NAMES);

export function assertAllowedCall(name: unknown): HandlerName {
  if (typeof name !== 'string' || !isHandlerName(name) || !IPC_ALLOW_LIST.has(name)) {
    throw new Error(`Refused IPC call "${String(name)}": not in the allow-list.`);
  }
  return name;
}
