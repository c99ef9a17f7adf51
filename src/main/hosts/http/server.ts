import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { DuidingError, isDuidingError } from '../../../shared/errors.ts';
import type { TaskProgress } from '../../../shared/api/changes.ts';
import type { ChangeEvent } from '../../core/project.ts';
import type { Session } from '../../core/session.ts';
import { CONTENT_SECURITY_POLICY } from '../csp.ts';
import { coreEndpoint, statusOf, type CallArgs, type Guard } from '../core-endpoint.ts';
import { errorReply, internalReply } from '../reply.ts';
import { inCliBundle } from '../../core/bundled.ts';

/**
 * The browser host: the same handlers as the CLI and Electron, over HTTP on 127.0.0.1 only.
 * - The address `duiding serve` prints carries the per-launch token (`/?token=`). Opening it the
 *   first time exchanges it for an HttpOnly, SameSite=Strict cookie and redirects to `/`: the page
 *   never holds the token, and the address left in the browser's history opens nothing (a second
 *   use is refused, or only redirected when that browser has the cookie already).
 * - Every API request, the event stream and the WebSocket upgrade carry that cookie, or the token
 *   in the header `x-duiding-token` (scripts, tests); never the token in their URL.
 * - The Host header must name this server (a page on another site that rebinds its DNS name to
 *   127.0.0.1 sends its own name), and an Origin, when sent, must be this server's own.
 * - Static files are the built renderer; they hold nothing secret, but get the same Host check.
 *   Source maps are not served.
 * - Calls travel over one WebSocket (`/api/socket`) once the page has opened it: a request and its
 *   answer over HTTP cost Chromium some 10 ms on a two-core laptop, a message 2 ms. A socket must
 *   come from this server's own page (browsers always send its Origin).
 *   `POST /api/call/<name>` answers the same calls, for uploads and before the socket is open.
 * - Nothing a client sends can stop the server: a request it cannot read gets 400, a socket that
 *   breaks the protocol is closed, and whatever else goes wrong answers that request alone.
 */
/**
 * The built screens. `DUIDING_RENDERER_DIR` points elsewhere: tests and benchmarks that build their
 * own copy of the renderer (so that two builds never write into one folder at once) use it.
 */
export const defaultStaticDir =
  process.env.DUIDING_RENDERER_DIR ?? fileURLToPath(new URL(inCliBundle ? '../renderer/' : '../../../../dist/renderer/', import.meta.url));

/**
 * The core as the host reaches it: in this thread (tests), or in a worker thread (`duiding serve`,
 * see core-worker.ts) so that no call, however long, holds up the server's requests.
 */
export interface HostCore {
  /** One call: its answer as JSON text and the HTTP status that goes with it; `task` names a long call for its progress and cancel. */
  call(name: string, args: CallArgs, options?: { task?: string }): Promise<{ status: number; text: string }>;
  /** Change events of whichever project is open; returns the unsubscribe. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** Progress of long calls named with a task id; returns the unsubscribe. */
  onProgress(listener: (progress: TaskProgress) => void): () => void;
}

export type HostOptions = {
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** Largest request body accepted (uploads travel base64-encoded in JSON). */
  maxBodyBytes?: number;
} & (
  | {
      /** The core in this thread. */
      session: Session;
      /** Vets arguments before dispatch, e.g. to keep project paths inside the --dir folder. */
      guard?: Guard;
    }
  | { core: HostCore }
);

/** A session answered in this thread. */
export function localCore(session: Session, guard?: Guard): HostCore {
  const listeners = new Set<(event: ChangeEvent) => void>();
  const progressListeners = new Set<(progress: TaskProgress) => void>();
  const endpoint = coreEndpoint(
    session,
    guard,
    (event) => {
      for (const listener of listeners) listener(event);
    },
    (progress) => {
      for (const listener of progressListeners) listener(progress);
    },
  );
  return {
    call: (name, args, options = {}) => endpoint.answer(name, args, false, options.task),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
  };
}

export interface RunningHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': CONTENT_SECURITY_POLICY,
};

function send(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(text);
}

/** A call as it comes over the socket; its answer goes back as `{ id, reply }` with the same id. `task` names a long call (progress, cancel). */
interface SocketCall {
  id: number;
  name: string;
  args?: unknown;
  task?: string;
}

/** A caller's task id: short, printable; anything else is not one (the call then runs unnamed). */
function taskId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w.:-]{1,100}$/.test(value) ? value : undefined;
}

function parseSocketCall(data: string): SocketCall | null {
  try {
    const message = JSON.parse(data) as Partial<SocketCall>;
    return typeof message.id === 'number' && typeof message.name === 'string' ? (message as SocketCall) : null;
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new DuidingError(`The request is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Largest WebSocket message: the page sends bodies up to 1 MB of text over it (bigger ones over HTTP), up to 3 bytes a character. */
const SOCKET_MAX_PAYLOAD = 4 * 1024 * 1024;

/** The path and query of a request, as sent (not decoded); null for a target no browser sends. */
function splitTarget(target: string | undefined): { path: string; query: URLSearchParams } | null {
  if (!target?.startsWith('/')) return null;
  const mark = target.indexOf('?');
  const path = mark < 0 ? target : target.slice(0, mark);
  // URLSearchParams leaves a malformed %-escape as it is; it never throws.
  return { path, query: new URLSearchParams(mark < 0 ? '' : target.slice(mark + 1)) };
}

/** The decoded path, or null when it cannot be decoded or names what no file name holds. */
function decodePath(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Shown when the printed address is opened again: in both languages, since no page has loaded to choose one. */
const USED_ADDRESS = [
  'This address no longer opens Duiding. The address that `duiding serve` prints works once, in one browser,',
  'so that a copy of it (from the browser history, say) cannot open your project. Go back to the tab where',
  'Duiding is open, or stop `duiding serve` (Ctrl+C) and start it again for a new address.',
  '',
  'Dit adres opent Duiding niet (meer). Het adres dat `duiding serve` toont, werkt één keer, in één browser,',
  'zodat een kopie ervan (uit de geschiedenis van de browser bijvoorbeeld) je project niet kan openen. Ga',
  'terug naar het tabblad waarin Duiding openstaat, of stop `duiding serve` (Ctrl+C) en start het opnieuw',
  'voor een nieuw adres.',
].join('\n');

/** What the server's parts share: the secrets, the port (known once listening), the core and the event streams open. */
interface Host {
  token: string;
  /** What the cookie carries: its own secret, so that neither can be derived from the other. */
  cookieSecret: string;
  /** Whether the printed address has been used. */
  exchanged: boolean;
  limit: number;
  staticRoot: string;
  listeners: Set<ServerResponse>;
  port: number;
  core: HostCore;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const host: Host = {
    token: options.token ?? randomBytes(24).toString('base64url'),
    cookieSecret: randomBytes(32).toString('base64url'),
    exchanged: false,
    limit: options.maxBodyBytes ?? 160 * 1024 * 1024,
    staticRoot: resolve(options.staticDir),
    listeners: new Set<ServerResponse>(),
    port: 0,
    core: 'core' in options ? options.core : localCore(options.session, options.guard),
  };
  const { core, listeners } = host;
  const stopListening = core.onChange((event) => {
    for (const res of listeners) res.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
  });
  // Progress travels the same stream; a page keeps the notices of its own task ids.
  const stopProgress = core.onProgress((progress) => {
    for (const res of listeners) res.write(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`);
  });

  const server = createServer((req, res) => {
    handle(host, req, res).catch((error: unknown) => {
      // A fault of this request alone: it gets its answer, the server goes on.
      if (res.headersSent) res.destroy();
      else send(res, 500, internalReply(error));
    });
  });
  const sockets = socketServer(core);
  server.on('upgrade', (req, socket, head) => {
    // Node hands the raw socket over without its own error listener.
    socket.on('error', () => socket.destroy());
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    };
    const target = splitTarget(req.url);
    if (target?.path !== '/api/socket') return refuse('404 Not Found');
    if (!allowedHosts(host).has(req.headers.host ?? '') || !allowedOrigins(host).has(req.headers.origin ?? '')) return refuse('403 Forbidden');
    if (!authorized(host, req)) return refuse('401 Unauthorized');
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const port = (host.port = (server.address() as AddressInfo).port);
  return {
    url: `http://127.0.0.1:${port}/?token=${host.token}`,
    token: host.token,
    port,
    async close() {
      for (const res of listeners) res.end();
      listeners.clear();
      for (const socket of sockets.clients) socket.terminate();
      sockets.close();
      stopListening();
      stopProgress();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

const allowedHosts = ({ port }: Host) => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
const allowedOrigins = ({ port }: Host) => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
// Cookies are per host, not per port: the port in its name keeps two servers' apart.
const cookieName = ({ port }: Host) => `duiding-${port}`;
const hasCookie = (host: Host, req: IncomingMessage) => sameToken(cookie(req.headers.cookie, cookieName(host)), host.cookieSecret);
const authorized = (host: Host, req: IncomingMessage) => sameToken(req.headers['x-duiding-token'] as string | undefined, host.token) || hasCookie(host, req);

/** The first visit's `?token=`: a cookie for the first use, and never anything for a later one. */
function exchange(host: Host, req: IncomingMessage, res: ServerResponse, given: string | null): void {
  const headers = { location: '/', 'cache-control': 'no-store', ...SECURITY_HEADERS };
  if (req.method === 'GET' && !host.exchanged && sameToken(given, host.token)) {
    host.exchanged = true;
    res.writeHead(303, { ...headers, 'set-cookie': `${cookieName(host)}=${host.cookieSecret}; HttpOnly; SameSite=Strict; Path=/` });
    res.end();
  } else if (hasCookie(host, req)) {
    res.writeHead(303, headers);
    res.end();
  } else {
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
    res.end(USED_ADDRESS);
  }
}

/** One HTTP request: checked for its Host and Origin, then an API call, the event stream, or a file of the app. */
async function handle(host: Host, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!allowedHosts(host).has(req.headers.host ?? '')) {
    send(res, 403, { ok: false, error: { kind: 'forbidden', message: 'Unknown Host header: this server only answers to 127.0.0.1 and localhost.' } });
    return;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(host).has(origin)) {
    send(res, 403, { ok: false, error: { kind: 'forbidden', message: 'Requests from other origins are refused.' } });
    return;
  }
  const target = splitTarget(req.url);
  const decoded = target && decodePath(target.path);
  if (!target || decoded === null) {
    send(res, 400, { ok: false, error: { kind: 'usage', message: 'The address of the request is not valid.' } });
    return;
  }
  const { path, query } = target;
  if (path.startsWith('/api/')) return handleApi(host, req, res, path);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, { ok: false, error: { kind: 'usage', message: 'Method not allowed.' } });
    return;
  }
  if (query.has('token')) {
    exchange(host, req, res, query.get('token'));
    return;
  }
  serveFile(host, req, res, decoded);
}

/** `/api/…`: the event stream, or a call. */
async function handleApi(host: Host, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (!authorized(host, req)) {
    send(res, 401, { ok: false, error: { kind: 'unauthorized', message: 'Missing or wrong token: open the address that `duiding serve` printed.' } });
    return;
  }
  if (path === '/api/events' && req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', ...SECURITY_HEADERS });
    res.write(': connected\n\n');
    host.listeners.add(res);
    req.on('close', () => host.listeners.delete(res));
    return;
  }
  const name = path.slice('/api/call/'.length);
  if (!path.startsWith('/api/call/') || req.method !== 'POST') {
    send(res, 404, { ok: false, error: { kind: 'usage', message: 'Use POST /api/call/<area>/<verb>.' } });
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req, host.limit);
  } catch (error) {
    if (!isDuidingError(error)) throw error;
    send(res, statusOf(error), errorReply(error));
    return;
  }
  const task = taskId(req.headers['x-duiding-task']);
  const { status, text } = await host.core.call(name, { json: body }, task ? { task } : {});
  sendText(res, status, text);
}

/** A file of the built app; client-side routes fall back to the app's page. */
function serveFile({ staticRoot }: Host, req: IncomingMessage, res: ServerResponse, decoded: string): void {
  if (decoded.endsWith('.map')) {
    send(res, 404, { ok: false, error: { kind: 'missing', message: 'Not found.' } });
    return;
  }
  let file = resolve(staticRoot, `.${decoded}`);
  if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
    send(res, 403, { ok: false, error: { kind: 'forbidden', message: 'Outside the app folder.' } });
    return;
  }
  if (!isFile(file)) file = join(staticRoot, 'index.html');
  if (!isFile(file)) {
    send(res, 404, { ok: false, error: { kind: 'missing', message: `The app is not built: ${join(staticRoot, 'index.html')} is missing.` } });
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...SECURITY_HEADERS });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/** Calls over the WebSocket: each message a call, each answer sent back with the call's id. */
function socketServer(core: HostCore): WebSocketServer {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: SOCKET_MAX_PAYLOAD });
  sockets.on('connection', (socket: WebSocket) => {
    // A frame that breaks the protocol: ws has closed this socket with the matching code already;
    // without a listener the error would end the whole process.
    socket.on('error', () => socket.terminate());
    socket.on('message', (data, isBinary) => {
      const message = isBinary ? null : parseSocketCall(data.toString());
      if (!message) {
        socket.close(1003, 'Send {"id", "name", "args"} as text.');
        return;
      }
      void core
        .call(message.name, { value: message.args }, taskId(message.task) ? { task: message.task! } : {})
        .then(({ text }) => text)
        .catch((error: unknown) => JSON.stringify(internalReply(error)))
        .then((reply) => {
          if (socket.readyState === socket.OPEN) socket.send(`{"id":${message.id},"reply":${reply}}`);
        });
    });
  });
  return sockets;
}
