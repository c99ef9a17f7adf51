import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { pageGuard } from '../../src/main/hosts/guard.ts';
import { startHost, type RunningHost } from '../../src/main/hosts/http/server.ts';
import { newSession, tempDir } from '../support/temp.ts';
import { closed, frame, rawGet, rawRequest, rawWebSocket } from './support/raw.ts';

const hosts: RunningHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});

/** A host over a fresh project and a small app folder. */
async function serveFile() {
  const { session, dir } = newSession('hanne');
  const root = tempDir();
  const staticDir = join(root, 'app');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Duiding</title>');
  writeFileSync(join(staticDir, 'assets', 'index.js'), 'console.log(1);');
  writeFileSync(join(staticDir, 'assets', 'index.js.map'), '{"sources":["secret.ts"]}');
  const host = await startHost({ session, staticDir, guard: pageGuard({ dir }) });
  hosts.push(host);
  const origin = `http://127.0.0.1:${host.port}`;
  /** A good call over plain HTTP: the server still answers. */
  const alive = async () => {
    const reply = await rawRequest(
      host.port,
      `POST /api/call/project/info HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\nx-duiding-token: ${host.token}\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`,
    );
    return reply.status;
  };
  return { host, origin, alive };
}

describe('the browser host survives what a client sends', () => {
  it('answers a malformed %-escape with 400, and keeps answering', async () => {
    const { host, alive } = await serveFile();
    for (const path of ['/%c0', '/%', '/%E0%A4%A', '/a%zz', '/%00', '/assets/%ff.js']) {
      const reply = await rawGet(host.port, path);
      expect(reply.status, path).toBe(400);
      expect(await alive(), `after ${path}`).toBe(200);
    }
    // Targets that the URL parser refuses to read (`//host`) or that no browser sends.
    for (const path of ['//x', '//l**project%0d', '*', 'http://evil.example/']) {
      const reply = await rawGet(host.port, path);
      expect(reply.status, path).toBeGreaterThan(0);
      expect(await alive(), `after ${path}`).toBe(200);
    }
    // A token that cannot be decoded is a wrong one.
    expect((await rawGet(host.port, '/?token=%')).status).toBe(401);
    // The API paths too, with the token.
    for (const path of ['/api/call/%', '/api/call/project/%c0', '/api/events%']) {
      const reply = await rawRequest(host.port, `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\nx-duiding-token: ${host.token}\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`);
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.status, path).toBeLessThan(500);
      expect(await alive(), `after ${path}`).toBe(200);
    }
  });

  it('serves no source maps', async () => {
    const { host } = await serveFile();
    expect((await rawGet(host.port, '/assets/index.js')).body).toBe('console.log(1);');
    const map = await rawGet(host.port, '/assets/index.js.map');
    expect(map.status).toBe(404);
    expect(map.body).not.toContain('secret.ts');
  });

  it('a malformed WebSocket frame closes that socket only', async () => {
    const { host, origin, alive } = await serveFile();
    // An ordinary client, open throughout: it must keep its socket and its answers.
    const good = new WebSocket(`ws://127.0.0.1:${host.port}/api/socket`, { headers: { origin, 'x-duiding-token': host.token } });
    await new Promise((resolve, reject) => {
      good.once('open', resolve);
      good.once('error', reject);
    });
    let nextId = 1;
    const ask = () =>
      new Promise<unknown>((resolve) => {
        const id = nextId++;
        const onMessage = (data: WebSocket.RawData) => {
          const message = JSON.parse(data.toString()) as { id: number; reply: { ok: boolean } };
          if (message.id !== id) return;
          good.off('message', onMessage);
          resolve(message.reply.ok);
        };
        good.on('message', onMessage);
        good.send(JSON.stringify({ id, name: 'project/info', args: {} }));
      });
    const oversized = Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]);
    const aboveLimit = Buffer.from([0x82, 0xff, 0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4]); // 4 GB announced
    const frames: Record<string, Buffer> = {
      'reserved opcode': frame(0x3, Buffer.from('hi')),
      'unmasked frame': frame(0x1, Buffer.from('{"id":1}'), { masked: false }),
      'length beyond 2^53': oversized,
      'length above the payload limit': aboveLimit,
      'invalid UTF-8 in a text frame': frame(0x1, Buffer.from([0xc3, 0x28, 0xa0, 0xa1])),
      'reserved bits': Buffer.from([0xf1, 0x80, 0, 0, 0, 0]),
      'fragmented control frame': frame(0x9, Buffer.from('x'), { fin: false }),
      'continuation without a start': frame(0x0, Buffer.from('x')),
      'close with an invalid code': frame(0x8, Buffer.from([0x03, 0xe7])),
    };
    for (const [name, bytes] of Object.entries(frames)) {
      const { status, socket } = await rawWebSocket(host.port, { origin, 'x-duiding-token': host.token });
      expect(status, name).toBe(101);
      socket.write(bytes);
      expect(await closed(socket), `${name}: the server closes that socket`).toBe(true);
      expect(await alive(), `after ${name}`).toBe(200);
      expect(await ask(), `the other socket, after ${name}`).toBe(true);
    }
    good.close();
  });
});
