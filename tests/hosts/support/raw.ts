import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface RawReply {
  /** 0 when the server closed the connection without an answer. */
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One HTTP request written byte for byte on a TCP socket: the path reaches the server exactly as
 * given (no URL parser folds `%2e%2e` or rejects `%`), and headers may be anything.
 */
export function rawRequest(port: number, head: string | Buffer, timeoutMs = 5000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(head.toString().slice(0, 200))}`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined); // a reset counts as "no answer", judged below
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseReply(Buffer.concat(chunks).toString('latin1')));
    });
    socket.write(head);
  });
}

/** A GET of `path` as written, with a valid Host and `Connection: close`. */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<RawReply> {
  const lines = Object.entries({ host: `127.0.0.1:${port}`, connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
  return rawRequest(port, `GET ${path} HTTP/1.1\r\n${lines.join('')}\r\n`);
}

export function parseReply(text: string): RawReply {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: text };
  const [statusLine, ...headerLines] = text.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = text.slice(end + 4);
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status, headers, body };
}

function unchunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const line = rest.indexOf('\r\n');
    if (line < 0) return out;
    const size = parseInt(rest.slice(0, line), 16);
    if (!size) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

/**
 * A WebSocket opened by hand on a TCP socket, so that any bytes at all can follow the handshake.
 * Resolves once the server answered the upgrade: with the socket on 101, else with the status.
 */
export function rawWebSocket(port: number, headers: Record<string, string>, path = '/api/socket'): Promise<{ status: number; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const lines = Object.entries({
      host: `127.0.0.1:${port}`,
      upgrade: 'websocket',
      connection: 'Upgrade',
      'sec-websocket-key': randomBytes(16).toString('base64'),
      'sec-websocket-version': '13',
      ...headers,
    }).map(([k, v]) => `${k}: ${v}\r\n`);
    let seen = Buffer.alloc(0);
    const timer = setTimeout(() => reject(new Error('no answer to the upgrade')), 5000);
    const onData = (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      const text = seen.toString('latin1');
      if (!text.includes('\r\n\r\n')) return;
      clearTimeout(timer);
      socket.off('data', onData);
      resolve({ status: parseReply(text).status, socket });
    };
    socket.on('data', onData);
    socket.on('error', () => undefined);
    socket.write(`GET ${path} HTTP/1.1\r\n${lines.join('')}\r\n`);
  });
}

/** A client frame: FIN, the opcode, masked (as a client must) unless told otherwise. */
export function frame(opcode: number, payload: Buffer, options: { masked?: boolean; fin?: boolean } = {}): Buffer {
  const masked = options.masked ?? true;
  const first = ((options.fin ?? true) ? 0x80 : 0) | opcode;
  let length: Buffer;
  if (payload.length < 126) length = Buffer.from([(masked ? 0x80 : 0) | payload.length]);
  else if (payload.length < 65536) {
    length = Buffer.alloc(3);
    length[0] = (masked ? 0x80 : 0) | 126;
    length.writeUInt16BE(payload.length, 1);
  } else {
    length = Buffer.alloc(9);
    length[0] = (masked ? 0x80 : 0) | 127;
    length.writeBigUInt64BE(BigInt(payload.length), 1);
  }
  if (!masked) return Buffer.concat([Buffer.from([first]), length, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([Buffer.from([first]), length, key, body]);
}

/** Resolves when the server has closed the socket (or reset it). */
export function closed(socket: Socket, timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed || socket.readableEnded) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.resume();
  });
}
