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

export async function call<K extends HandlerName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const reply = await bridge.call(name, args);
  if (!reply.ok) throw new ApiError(reply.error.message, reply.error.kind, reply.error.code, reply.error.params);
  return reply.result as ResultOf<K>;
}

export function onChange(listener: (event: ChangeEvent) => void): () => void {
  return bridge.on('change', listener);
}

/** File contents for upload, base64-encoded in chunks (a long transcript overflows one String.fromCharCode). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
