import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Session } from '../../src/main/core/session.ts';
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
    // Targets that the URL parser refuses to read (`//host`: the app's page, as any client route) or that no browser sends.
    for (const [path, status] of [['//x', 200], ['//l**project%0d', 200], ['*', 400], ['http://evil.example/', 400]] as const) {
      const reply = await rawGet(host.port, path);
      expect(reply.status, path).toBe(status);
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

  it('survives clients that reset their connection in the middle of an upgrade', async () => {
    const { host, origin, alive } = await serveFile();
    for (let i = 0; i < 40; i++) {
      const socket = connect(host.port, '127.0.0.1');
      socket.on('error', () => undefined);
      await new Promise((resolve) => socket.once('connect', resolve));
      // Refused (no token) or accepted: either way the server writes to a connection that is gone.
      const auth = i % 2 ? `x-duiding-token: ${host.token}\r\n` : '';
      socket.write(`GET /api/socket HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\norigin: ${origin}\r\n${auth}upgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-key: ${'A'.repeat(22)}==\r\nsec-websocket-version: 13\r\n\r\n`);
      if (i % 4 < 2) await new Promise((resolve) => setTimeout(resolve, 1));
      socket.resetAndDestroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await alive()).toBe(200);
  });

  it('answers a fault of its own with 500 for that request or call alone, and goes on', async () => {
    /** Stands in for a bug in the host: the session fails once when the host asks whether a project is open. */
    class FaultySession extends Session {
      fault = false;
      override get hasProject(): boolean {
        if (this.fault) {
          this.fault = false;
          throw new Error('a bug in the host (test)');
        }
        return super.hasProject;
      }
    }
    const session = new FaultySession('hanne');
    session.create(join(tempDir(), 'p.duiding'), 'Test');
    const host = await startHost({ session, staticDir: tempDir() });
    hosts.push(host);
    const post = () =>
      rawRequest(host.port, `POST /api/call/project/info HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\nx-duiding-token: ${host.token}\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`);
    session.fault = true;
    const failed = await post();
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body)).toEqual({ ok: false, error: { kind: 'internal', message: 'Internal error: a bug in the host (test)' } });
    expect((await post()).status).toBe(200);

    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/socket`, { headers: { origin: `http://127.0.0.1:${host.port}`, 'x-duiding-token': host.token } });
    await new Promise((resolve) => socket.once('open', resolve));
    const replies: unknown[] = [];
    socket.on('message', (data) => replies.push(JSON.parse(data.toString())));
    session.fault = true;
    socket.send(JSON.stringify({ id: 1, name: 'project/info', args: {} }));
    socket.send(JSON.stringify({ id: 2, name: 'project/info', args: {} }));
    await expect.poll(() => replies.length).toBe(2);
    expect(replies[0]).toEqual({ id: 1, reply: { ok: false, error: { kind: 'internal', message: 'Internal error: a bug in the host (test)' } } });
    expect(replies[1]).toMatchObject({ id: 2, reply: { ok: true } });
    socket.close();
    session.close();
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
      'length above 4 MB': Buffer.from([0x82, 0xff, 0, 0, 0, 0, 0, 0x50, 0, 0, 1, 2, 3, 4]), // the default limit of ws is 100 MB
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
