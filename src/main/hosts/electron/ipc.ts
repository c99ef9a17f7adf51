/**
 * The IPC surface shared by main and preload. No Node imports: the preload runs sandboxed.
 */
import { HANDLER_NAMES, isHandlerName, type HandlerName } from '../../../shared/api/names.ts';

/** The one IPC channel for calls, and the one for change events. */
export const CALL_CHANNEL = 'duiding:call';
export const EVENT_CHANNEL = 'duiding:event';
/** Progress of a long call the page named with a task id. */
export const PROGRESS_CHANNEL = 'duiding:progress';

/** A page's task id: short and printable, or none. */
export function taskIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w.:-]{1,100}$/.test(value) ? value : undefined;
}

/** Handlers the page may call over IPC: the contract's, nothing else (no raw ipcRenderer). */
export const IPC_ALLOW_LIST: ReadonlySet<HandlerName> = new Set(HANDLER_NAMES);

export function assertAllowedCall(name: unknown): HandlerName {
  if (typeof name !== 'string' || !isHandlerName(name) || !IPC_ALLOW_LIST.has(name)) {
    throw new Error(`Refused IPC call "${String(name)}": not in the allow-list.`);
  }
  return name;
}

/**
 * IPC calls are answered only for the app's own page: the window's main frame, showing a page of the
 * app's scheme (an iframe, or a page navigated elsewhere, is refused). The origin is passed in, since
 * this module is shared with the sandboxed preload, which may not import the shell's config.
 */
export function isTrustedSender(sender: { url: string | undefined; isMainFrame: boolean }, appOrigin: string): boolean {
  if (!sender.isMainFrame || !sender.url) return false;
  try {
    // Not `URL.origin`: for a scheme other than http(s) it is "null".
    const url = new URL(sender.url);
    return `${url.protocol}//${url.host}` === appOrigin;
  } catch {
    return false;
  }
}
