import type { ArgsOf, HandlerName, ResultOf } from '../../shared/api/contract.ts';
import type { CallReply, ChangeNotice, TaskProgress } from '../../shared/api/changes.ts';
import type { ErrorKind } from '../../shared/errors.ts';

/**
 * The renderer's one way to the core. In the desktop app the preload exposes `window.duiding`;
 * in a browser, `duiding serve` answers over HTTP and its WebSocket. The page never holds the
 * token: opening the printed address exchanged it for an HttpOnly cookie, which the browser sends
 * with every call, the event stream and the socket of this page.
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

/** The reply of every transport (the core's own type): a write's carries the notice of the tables it changed. */
type Reply = CallReply;

/** A write that happened, as the change event carries it: the same notice as a write's reply. */
export type ChangeEvent = ChangeNotice;

interface Bridge {
  /** `task` names a long call: its progress notices carry it, and `tasks/cancel` with it cancels the call. */
  call(name: string, args: unknown, task?: string): Promise<Reply>;
  on(event: 'change', listener: (payload: ChangeEvent) => void): () => void;
  on(event: 'progress', listener: (payload: TaskProgress) => void): () => void;
}

declare global {
  interface Window {
    duiding?: Bridge;
  }
}

const NOT_ANSWERING: Reply = { ok: false, error: { kind: 'network', message: 'Duiding is not answering. Is `duiding serve` still running?' } };

/** Bodies above this (uploads of transcripts and projects) go over HTTP, so that they hold up no other call. */
const SOCKET_MAX_BODY = 1024 * 1024;
const SOCKET_RETRY_MS = 2000;

/**
 * The browser host's socket for calls: an answer over it takes Chromium some 2 ms, a request over
 * HTTP some 10 (measured on a two-core laptop). Until it is open, or when it closed, calls go over
 * HTTP; it is opened again at the next call, at most every two seconds. A call whose socket closes
 * before its answer fails as one over HTTP would: whether it was carried out is not known.
 */
function socketChannel() {
  let socket: WebSocket | null = null;
  let open = false;
  let nextId = 1;
  let retryAt = 0;
  const waiting = new Map<number, (reply: Reply) => void>();
  const connect = () => {
    if (socket || Date.now() < retryAt || typeof WebSocket === 'undefined') return;
    const url = new URL('./api/socket', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    let ws: WebSocket;
    try {
      ws = new WebSocket(url.href);
    } catch {
      retryAt = Date.now() + SOCKET_RETRY_MS;
      return;
    }
    socket = ws;
    ws.onopen = () => {
      open = true;
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      const { id, reply } = JSON.parse(event.data) as { id: number; reply: Reply };
      waiting.get(id)?.(reply);
      waiting.delete(id);
    };
    ws.onclose = () => {
      open = false;
      socket = null;
      retryAt = Date.now() + SOCKET_RETRY_MS;
      for (const done of waiting.values()) done(NOT_ANSWERING);
      waiting.clear();
    };
  };
  connect();
  return {
    /** The answer over the socket, or null when this call must go over HTTP. */
    send(name: string, body: string, task?: string): Promise<Reply> | null {
      connect();
      if (!open || !socket || body.length > SOCKET_MAX_BODY) return null;
      const id = nextId++;
      const sent = socket;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        sent.send(`{"id":${id},"name":${JSON.stringify(name)},"args":${body}${task ? `,"task":${JSON.stringify(task)}` : ''}}`);
      });
    },
  };
}

/** One event stream of the page, shared by change events and progress (a browser allows few connections per host). */
function eventStream() {
  let source: EventSource | null = null;
  let users = 0;
  return (event: 'change' | 'progress', handle: (event: MessageEvent<string>) => void) => {
    source ??= new EventSource('./api/events');
    const opened = source;
    users++;
    opened.addEventListener(event, handle);
    return () => {
      opened.removeEventListener(event, handle);
      if (--users === 0) {
        opened.close();
        if (source === opened) source = null;
      }
    };
  };
}

function httpBridge(): Bridge {
  const channel = socketChannel();
  const listen = eventStream();
  return {
    async call(name, args, task) {
      const body = JSON.stringify(args ?? {});
      const overSocket = channel.send(name, body, task);
      if (overSocket) return overSocket;
      let response: Response;
      try {
        response = await fetch(`./api/call/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(task ? { 'x-duiding-task': task } : {}) },
          body,
        });
      } catch {
        return NOT_ANSWERING;
      }
      return (await response.json()) as Reply;
    },
    on(event: 'change' | 'progress', listener: (payload: never) => void) {
      return listen(event, (message) => listener(JSON.parse(message.data) as never));
    },
  } as Bridge;
}

const bridge: Bridge = window.duiding ?? httpBridge();

/** The desktop app can open and save project files anywhere through native dialogs. */
export const hasNativeDialogs = window.duiding !== undefined;

async function send(name: HandlerName, args: unknown, task?: string): Promise<Reply & { ok: true }> {
  const reply = await bridge.call(name, args, task);
  if (!reply.ok) {
    const { message, kind, code, params } = reply.error as { message: string; kind: ApiError['kind']; code?: string; params?: Record<string, string | number> };
    throw new ApiError(message, kind, code, params);
  }
  return reply;
}

export async function call<K extends HandlerName>(name: K, args: ArgsOf<K>, task?: string): Promise<ResultOf<K>> {
  return (await send(name, args, task)).result as ResultOf<K>;
}

/** A call and the notice of what it changed (null when the reply names none). */
export async function callWithChange<K extends HandlerName>(name: K, args: ArgsOf<K>, task?: string): Promise<{ result: ResultOf<K>; change: ChangeEvent | null }> {
  const reply = await send(name, args, task);
  return { result: reply.result as ResultOf<K>, change: reply.change ?? null };
}

/** Change events: every write, this window's own included (the data layer takes each notice once). */
export function onChange(listener: (event: ChangeEvent) => void): () => void {
  return bridge.on('change', listener);
}

/** Progress of the long calls this page (or another window) named with a task id. */
export function onProgress(listener: (progress: TaskProgress) => void): () => void {
  return bridge.on('progress', listener);
}

/** File contents for upload, base64-encoded in chunks (a long transcript overflows one String.fromCharCode). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
