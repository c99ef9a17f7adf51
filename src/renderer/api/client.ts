import type { ArgsOf, HandlerName, ResultOf } from '../../shared/api/contract.ts';
import type { ErrorKind } from '../../shared/errors.ts';

/**
 * The renderer's one way to the core. In the desktop app the preload exposes `window.duiding`;
 * in a browser, `duiding serve` answers over HTTP with the token it printed in the address.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind | 'forbidden' | 'unauthorized' | 'internal' | 'network',
    readonly code?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Reply =
  | { ok: true; result: unknown }
  | { ok: false; error: { kind: ApiError['kind']; message: string; code?: string; params?: Record<string, string | number> } };

export interface ChangeEvent {
  id: number;
  action: string;
  summary: string;
}

interface Bridge {
  call(name: string, args: unknown): Promise<Reply>;
  on(event: 'change', listener: (payload: ChangeEvent) => void): () => void;
}

declare global {
  interface Window {
    duiding?: Bridge;
  }
}

const TOKEN_KEY = 'duiding.token';

/** Takes the token from the address once, keeps it for reloads of this tab, and removes it from view. */
function httpToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpBridge(): Bridge {
  const token = httpToken();
  return {
    async call(name, args) {
      let response: Response;
      try {
        response = await fetch(`./api/call/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-duiding-token': token },
          body: JSON.stringify(args ?? {}),
        });
      } catch {
        return { ok: false, error: { kind: 'network', message: 'Duiding is not answering. Is `duiding serve` still running?' } };
      }
      return (await response.json()) as Reply;
    },
    on(_event, listener) {
      const source = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
      const handle = (event: MessageEvent<string>) => listener(JSON.parse(event.data) as ChangeEvent);
      source.addEventListener('change', handle);
      return () => source.close();
    },
  };
}

const bridge: Bridge = window.duiding ?? httpBridge();

/** The desktop app can open and save project files anywhere through native dialogs. */
export const hasNativeDialogs = window.duiding !== undefined;

/**
 * Calls of this window that may still announce a change. A write's change event names its action
 * (the handler's name) and may arrive before or after the reply, so every call is remembered from
 * its start until a while after it succeeded; a failed call wrote nothing. Reads stay unmatched:
 * no change event carries a read's name.
 */
interface Pending {
  action: string;
  settledAt: number | null;
}
const OWN_EVENT_WINDOW_MS = 10_000;
let pending: Pending[] = [];

function forget(entry: Pending): void {
  pending = pending.filter((p) => p !== entry);
}

function prune(now: number): void {
  pending = pending.filter((p) => p.settledAt === null || now - p.settledAt < OWN_EVENT_WINDOW_MS);
}

/** True (once per call) when this window's own call caused the change event. */
function claim(event: ChangeEvent): boolean {
  prune(Date.now());
  const mine = pending.find((p) => p.action === event.action);
  if (mine) forget(mine);
  return mine !== undefined;
}

export async function call<K extends HandlerName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const entry: Pending = { action: name, settledAt: null };
  pending.push(entry);
  let reply: Reply;
  try {
    reply = await bridge.call(name, args);
  } catch (error) {
    forget(entry);
    throw error;
  }
  if (!reply.ok) {
    forget(entry);
    throw new ApiError(reply.error.message, reply.error.kind, reply.error.code, reply.error.params);
  }
  entry.settledAt = Date.now();
  prune(entry.settledAt);
  return reply.result as ResultOf<K>;
}

/** Change events, each with whether this window's own call caused it (its store has then refreshed already). */
export function onChange(listener: (event: ChangeEvent, own: boolean) => void): () => void {
  return bridge.on('change', (event) => listener(event, claim(event)));
}

/** File contents for upload, base64-encoded in chunks (a long transcript overflows one String.fromCharCode). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
