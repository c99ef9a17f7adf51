import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { pageGuard } from '../../src/main/hosts/guard.ts';
import { startHost, type RunningHost } from '../../src/main/hosts/http/server.ts';
import { newSession, tempDir } from '../support/temp.ts';
import { frame, rawRequest, rawWebSocket } from './support/raw.ts';

/**
 * Random requests and frames against the browser host for a bounded time: after each, the server
 * must still answer a good call over HTTP and over an ordinary socket that stays open throughout.
 * The seed is printed with a failure (and taken from DUIDING_FUZZ_SEED) so that a run can be repeated.
 */
const SEED = Number(process.env.DUIDING_FUZZ_SEED ?? Date.now() % 2 ** 31);
const PHASE_MS = 1200;

/** mulberry32: small, seeded, good enough to pick bytes. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, pick, bytes };
}

const hosts: RunningHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});

describe(`the browser host under random input (seed ${SEED})`, () => {
  it('keeps answering after random paths, headers and WebSocket frames', async () => {
    const { session, dir } = newSession('hanne');
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Duiding</title>');
    const host = await startHost({ session, staticDir, guard: pageGuard({ dir }) });
    hosts.push(host);
    const { port, token } = host;
    const origin = `http://127.0.0.1:${port}`;
    const r = random(SEED);

    const good = new WebSocket(`ws://127.0.0.1:${port}/api/socket`, { headers: { origin, 'x-duiding-token': token } });
    await new Promise((resolve, reject) => {
      good.once('open', resolve);
      good.once('error', reject);
    });
    let nextId = 1;
    const askOverSocket = () =>
      new Promise<boolean>((resolve) => {
        const id = nextId++;
        const timer = setTimeout(() => resolve(false), 5000);
        const onMessage = (data: WebSocket.RawData) => {
          const message = JSON.parse(data.toString()) as { id: number; reply: { ok: boolean } };
          if (message.id !== id) return;
          clearTimeout(timer);
          good.off('message', onMessage);
          resolve(message.reply.ok);
        };
        good.on('message', onMessage);
        good.send(JSON.stringify({ id, name: 'project/info', args: {} }));
      });
    const alive = async (what: string) => {
      const reply = await rawRequest(
        port,
        `POST /api/call/project/info HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nx-duiding-token: ${token}\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`,
      );
      expect(reply.status, `seed ${SEED}, after ${what}`).toBe(200);
      expect(await askOverSocket(), `seed ${SEED}, the open socket after ${what}`).toBe(true);
    };

    const PIECES = ['/', '/', 'api', 'call', 'events', 'socket', 'project', 'info', '..', '.', '%', '%2e', '%2f', '%5c', '%00', '%c0', '%ff', '%e0%a4', '?', '&', '=', 'token', '#', '\\', '.map', 'index.html', 'é', '\u{1F600}', '%%', ';', '~', '*'];
    const randomPath = () => {
      let path = r.next() < 0.9 ? '/' : '';
      for (let i = r.int(12); i > 0; i--) {
        const roll = r.next();
        if (roll < 0.6) path += r.pick(PIECES);
        else if (roll < 0.8) path += `%${r.int(256).toString(16).padStart(2, '0')}`;
        else path += String.fromCharCode(0x21 + r.int(0x5e));
      }
      return r.next() < 0.05 ? path + 'x'.repeat(r.int(20_000)) : path;
    };
    const METHODS = ['GET', 'GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'G\u00e9T', ''];
    const HEADER_NAMES = ['host', 'origin', 'cookie', 'x-duiding-token', 'content-length', 'transfer-encoding', 'content-type', 'upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version', 'expect', 'x-random', 'bad header', ''];
    const headerValue = (name: string) => {
      const roll = r.next();
      if (roll < 0.25) {
        const good: Record<string, string> = { host: `127.0.0.1:${port}`, origin, 'x-duiding-token': token, cookie: `duiding-${port}=${'A'.repeat(43)}`, upgrade: 'websocket', connection: 'Upgrade' };
        return good[name] ?? String(r.int(100));
      }
      if (roll < 0.5) return String(r.pick([-1, 0, 1, 2 ** 53, '1e3', 'chunked', 'gzip, chunked', 'close', '%', '\u00ff']));
      if (roll < 0.95) return r.bytes(r.int(40)).toString('latin1');
      return 'v'.repeat(r.int(100_000));
    };

    // 1. Random request lines and paths, with a valid Host half of the time.
    for (let start = Date.now(), n = 0; Date.now() - start < PHASE_MS; n++) {
      const method = r.pick(METHODS);
      const path = randomPath();
      const host = r.next() < 0.5 ? `127.0.0.1:${port}` : r.pick(['evil.example', `localhost:${port}`, '', '127.0.0.1']);
      const auth = r.next() < 0.5 ? `x-duiding-token: ${token}\r\n` : '';
      const head = `${method} ${path} HTTP/1.1\r\nhost: ${host}\r\n${auth}connection: close\r\ncontent-length: 0\r\n\r\n`;
      await rawRequest(port, Buffer.from(head, 'latin1'));
      if (n % 4 === 0) await alive(`request ${JSON.stringify(head.slice(0, 300))}`);
    }
    await alive('the random paths');

    // 2. Random headers (names, values, counts, bodies that do not match their length).
    for (let start = Date.now(), n = 0; Date.now() - start < PHASE_MS; n++) {
      const lines = [`host: 127.0.0.1:${port}`];
      for (let i = r.int(8); i > 0; i--) {
        const name = r.pick(HEADER_NAMES);
        lines.push(`${name}: ${headerValue(name)}`);
      }
      const path = r.pick(['/', '/api/call/project/info', '/api/events', '/api/socket', `/?token=${token}`, '/assets/x.js']);
      const body = r.next() < 0.3 ? r.bytes(r.int(200)) : Buffer.alloc(0);
      const head = Buffer.from(`${r.pick(['GET', 'POST'])} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\nconnection: close\r\n\r\n`, 'latin1');
      // A request the server waits on (a body that never comes) must not hold anything else up.
      await rawRequest(port, Buffer.concat([head, body]), 300).catch(() => undefined);
      if (n % 4 === 0) await alive(`headers ${JSON.stringify(head.toString('latin1').slice(0, 300))}`);
    }
    await alive('the random headers');

    // 3. Random frames on a socket that passed the handshake: noise, and frames with random fields.
    for (let start = Date.now(); Date.now() - start < PHASE_MS; ) {
      const { status, socket } = await rawWebSocket(port, { origin, 'x-duiding-token': token });
      expect(status).toBe(101);
      const sent: string[] = [];
      for (let i = 1 + r.int(4); i > 0; i--) {
        const roll = r.next();
        let bytes: Buffer;
        if (roll < 0.3) bytes = r.bytes(1 + r.int(64));
        else if (roll < 0.8) bytes = frame(r.int(16), r.bytes(r.int(300)), { masked: r.next() < 0.8, fin: r.next() < 0.8 });
        else {
          bytes = frame(0x1, Buffer.from(r.pick(['{"id":1,"name":"project/info"}', '{"id":"x"}', '[]', 'null', '{"id":2,"name":"documents/nuke","args":{}}', '{"id":3,"name":"project/info","args":{"path":"/etc/passwd"}}'])));
          bytes[0] = (bytes[0]! & 0x8f) | (r.int(8) << 4); // reserved bits, sometimes
        }
        sent.push(bytes.toString('hex').slice(0, 80));
        socket.write(bytes);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
      socket.destroy();
      await alive(`frames ${sent.join(' ')}`);
    }
    good.close();
  });
});
