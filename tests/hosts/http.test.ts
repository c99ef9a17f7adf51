import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Session } from '../../src/main/core/session.ts';
import { pageGuard } from '../../src/main/hosts/guard.ts';
import { startHost, type RunningHost } from '../../src/main/hosts/http/server.ts';
import { FIXTURES, newSession, tempDir } from '../support/temp.ts';
import { rawGet, rawWebSocket } from './support/raw.ts';

interface Reply {
  status: number;
  body: string;
  json: { ok: boolean; result?: unknown; error?: { kind: string; message: string } };
}

/** A raw HTTP request, so that Host and Origin can be anything a hostile page could send. */
function call(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: unknown; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        path,
        method: options.method ?? (body ? 'POST' : 'GET'),
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Reply['json'] = { ok: false };
          try {
            json = JSON.parse(text) as Reply['json'];
          } catch {
            // static files are not JSON
          }
          resolve({ status: res.statusCode ?? 0, body: text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const hosts: RunningHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});

/** A call with the given headers only (no token unless they carry it). */
function callWith(host: RunningHost, name: string, headers: Record<string, string>) {
  return call(host.port, `/api/call/${name}`, { body: {}, headers });
}

/** The status the event stream answers with; the stream itself is then closed. */
function eventStreamStatus(host: RunningHost, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.end();
  });
}

async function serveFile() {
  const { session, dir } = newSession('hanne');
  const staticDir = join(tempDir(), 'app');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Duiding</title>');
  const host = await startHost({ session, staticDir, guard: pageGuard({ dir }) });
  hosts.push(host);
  const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    call(host.port, `/api/call/${name}`, { body, headers: { 'x-duiding-token': host.token, ...headers } });
  return { host, api, session, staticDir };
}

describe('the browser host', () => {
  it('prints a 127.0.0.1 address with a per-launch token and answers calls that carry it', async () => {
    const { host, api } = await serveFile();
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    const reply = await api('project/info', {});
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ ok: true, result: { title: 'Test study', documents: 0 } });
    const other = await serveFile();
    expect(other.host.token).not.toBe(host.token);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const { host } = await serveFile();
    const missing = await call(host.port, '/api/call/project/info', { body: {} });
    expect(missing.status).toBe(401);
    expect(missing.json.error!.message).toBe('Missing or wrong token: open the address that `duiding serve` printed.');
    const wrong = await call(host.port, '/api/call/project/info', { body: {}, headers: { 'x-duiding-token': 'x'.repeat(32) } });
    expect(wrong.status).toBe(401);
    expect((await call(host.port, `/api/events?token=nope`)).status).toBe(401);
  });

  it('refuses a request from another Origin, even with the token', async () => {
    const { api } = await serveFile();
    const reply = await api('project/info', {}, { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.json.error!.message).toBe('Requests from other origins are refused.');
    expect((await api('project/info', {}, { origin: 'null' })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding), for the API and for the app itself', async () => {
    const { host } = await serveFile();
    for (const path of ['/api/call/project/info', '/']) {
      const reply = await call(host.port, path, { body: path === '/' ? undefined : {}, headers: { host: `evil.example:${host.port}`, 'x-duiding-token': host.token } });
      expect(reply.status).toBe(403);
      expect(reply.json.error!.message).toBe('Unknown Host header: this server only answers to 127.0.0.1 and localhost.');
    }
    const localhost = await call(host.port, '/', { headers: { host: `localhost:${host.port}` } });
    expect(localhost.status).toBe(200);
  });

  it('listens on 127.0.0.1 only: other interfaces of this machine get no answer', async () => {
    const { host } = await serveFile();
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of [...others, '127.0.0.2']) {
      await expect(call(host.port, '/', { host: address, headers: { host: `127.0.0.1:${host.port}` } })).rejects.toThrow(/ECONNREFUSED/);
    }
  });

  it('serves the app, and never a file outside its folder', async () => {
    const { host, staticDir } = await serveFile();
    const page = await call(host.port, '/');
    expect(page.body).toBe('<!doctype html><title>Duiding</title>');
    // Written on the socket as they are: an HTTP client's URL parser would fold `%2e%2e` away.
    const secret = join(staticDir, '..', 'secret.txt');
    writeFileSync(secret, 'SECRET');
    const paths = [
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/../secret.txt',
      `/${'..%2f'.repeat(12)}etc/passwd`,
      `/${'%2e%2e/'.repeat(12)}etc/passwd`,
    ];
    for (const path of paths) {
      const reply = await rawGet(host.port, path);
      expect(reply.status, path).toBe(403);
      expect(reply.body, path).not.toContain('SECRET');
      expect(reply.body, path).not.toMatch(/root:.*:0:0:/);
    }
  });

  it('exchanges the token of the printed address, once, for an HttpOnly SameSite=Strict cookie', async () => {
    const { host } = await serveFile();
    const origin = `http://127.0.0.1:${host.port}`;
    // A wrong token gets nothing and spends nothing.
    expect((await rawGet(host.port, '/?token=wrong')).status).toBe(401);
    const first = await rawGet(host.port, `/?token=${host.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const setCookie = first.headers['set-cookie']!;
    expect(setCookie).toMatch(new RegExp(`^duiding-${host.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(setCookie).not.toContain(host.token);
    const cookie = setCookie.split(';')[0]!;

    // The cookie opens the calls, the event stream and the socket, as the token in the header does.
    expect((await callWith(host, 'project/info', { cookie })).status).toBe(200);
    expect((await callWith(host, 'project/info', { 'x-duiding-token': host.token })).status).toBe(200);
    expect((await callWith(host, 'project/info', { cookie: `duiding-${host.port}=${'A'.repeat(43)}` })).status).toBe(401);
    expect((await callWith(host, 'project/info', { cookie: `duiding-${host.port + 1}=${cookie.split('=')[1]}` })).status).toBe(401);
    expect(await eventStreamStatus(host, { cookie })).toBe(200);
    expect(await eventStreamStatus(host, {})).toBe(401);
    expect((await rawWebSocket(host.port, { origin, cookie })).status).toBe(101);
    expect((await rawWebSocket(host.port, { origin, 'x-duiding-token': host.token })).status).toBe(101);
    expect((await rawWebSocket(host.port, { origin })).status).toBe(401);

    // The token is never taken from an API URL.
    expect((await call(host.port, `/api/call/project/info?token=${host.token}`, { body: {} })).status).toBe(401);
    expect((await rawGet(host.port, `/api/events?token=${host.token}`)).status).toBe(401);
    expect((await rawWebSocket(host.port, { origin }, `/api/socket?token=${host.token}`)).status).toBe(401);

    // The address as history keeps it: without the cookie refused, with it only redirected.
    const again = await rawGet(host.port, `/?token=${host.token}`);
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('This address no longer opens Duiding.');
    expect(again.body).toContain('Dit adres opent Duiding niet (meer).');
    const withCookie = await rawGet(host.port, `/?token=${host.token}`, { cookie });
    expect(withCookie.status).toBe(303);
    expect(withCookie.headers.location).toBe('/');
    expect(withCookie.headers['set-cookie']).toBeUndefined();
  });

  it('imports uploads through the same handler as the CLI, refuses paths, and streams change events', async () => {
    const { host, api } = await serveFile();
    const events: string[] = [];
    const stream = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { host: `127.0.0.1:${host.port}`, 'x-duiding-token': host.token } }, (res) => {
      res.on('data', (c: Buffer) => events.push(c.toString('utf8')));
    });
    stream.end();
    await new Promise((r) => setTimeout(r, 100));
    const base64 = readFileSync(join(FIXTURES, 'transcripts', 'interview-02-aso.vtt')).toString('base64');
    const reply = await api('documents/import', { files: [{ name: 'interview-02-aso.vtt', base64 }] });
    expect(reply.json).toMatchObject({ ok: true, result: { imported: 1, files: [{ status: 'imported', turns: 110 }] } });
    const refused = await api('documents/import', { files: [{ path: '/etc/passwd' }] });
    expect(refused.status).toBe(400);
    expect(refused.json.error!.message).toBe('The browser uploads files; paths on the computer are not accepted here.');
    // Every other way a path could reach the core from a page: codebook and REFI-QDA imports, and exports.
    for (const [name, args] of [
      ['labels/importCsv', { file: { path: '/etc/passwd' } }],
      ['interchange/importQdpx', { file: { path: '/etc/passwd' } }],
    ] as const) {
      expect((await api(name, args)).json.error!.message).toBe('The browser uploads files; paths on the computer are not accepted here.');
    }
    for (const [name, args] of [
      ['export/file', { report: 'codebook', format: 'csv', out: '/tmp/x.csv' }],
      ['interchange/exportQdpx', { out: '/tmp/x.qdpx' }],
    ] as const) {
      expect((await api(name, args)).json.error!.message).toBe('The browser downloads exports; paths on the computer are not accepted here.');
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(events.join('')).toMatch(/event: change\ndata: \{"id":\d+,"action":"documents\/import"/);
    stream.destroy();
    const bad = await api('search/query', { query: 5 });
    expect(bad.status).toBe(400);
    expect((await api('documents/nuke', {})).json.error!.message).toBe('Unknown handler "documents/nuke".');
  });

  it('with --dir, creates and opens projects by name inside that folder only', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const session = new Session('hanne');
    const host = await startHost({ session, staticDir: tempDir(), guard: pageGuard({ dir }) });
    hosts.push(host);
    const api = (name: string, body: unknown) => call(host.port, `/api/call/${name}`, { body, headers: { 'x-duiding-token': host.token } });
    const created = await api('project/create', { path: 'studie', title: 'LLB' });
    expect(created.json).toMatchObject({ ok: true, result: { title: 'LLB', path: join(dir, 'studie.duiding') } });
    expect(existsSync(join(dir, 'studie.duiding'))).toBe(true);
    for (const path of ['../buiten', '/tmp/x', 'sub/studie', '.verborgen']) {
      const reply = await api('project/create', { path });
      expect(reply.status, path).toBe(400);
      expect(reply.json.error!.message).toBe(`"${path}" is not a project name: use a plain file name, without folders.`);
    }
    expect((await api('project/open', { path: 'studie.duiding' })).json).toMatchObject({ ok: true });
    session.close();
  });

  it('answers calls over its WebSocket, only for its own page with the token, with the same guard and errors', async () => {
    const { host } = await serveFile();
    const origin = `http://127.0.0.1:${host.port}`;
    /** Opens a socket; resolves with it once open, or with the HTTP status that refused it. */
    const open = (path: string, headers: Record<string, string>) =>
      new Promise<WebSocket | number>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { headers });
        socket.on('open', () => resolve(socket));
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('error', () => resolve(-1));
      });
    const path = '/api/socket';
    const withToken = { 'x-duiding-token': host.token };
    expect(await open(path, { origin, 'x-duiding-token': 'wrong' })).toBe(401);
    expect(await open(path, withToken)).toBe(403); // a browser always sends its page's Origin; a socket without one is not from the app
    expect(await open(path, { ...withToken, origin: 'http://evil.example' })).toBe(403);
    expect(await open(path, { ...withToken, origin, host: 'evil.example' })).toBe(403);
    expect(await open('/api/other', { ...withToken, origin })).toBe(404);

    const socket = (await open(path, { ...withToken, origin })) as WebSocket;
    const answers = new Map<number, { ok: boolean; result?: unknown; error?: { kind: string; message: string } }>();
    socket.on('message', (data) => {
      const { id, reply } = JSON.parse(data.toString()) as { id: number; reply: { ok: boolean } };
      answers.set(id, reply);
    });
    const ask = async (id: number, name: string, args: unknown) => {
      socket.send(JSON.stringify({ id, name, args }));
      while (!answers.has(id)) await new Promise((r) => setTimeout(r, 5));
      return answers.get(id)!;
    };
    expect(await ask(1, 'project/info', {})).toMatchObject({ ok: true, result: { title: 'Test study' } });
    expect(await ask(2, 'documents/import', { files: [{ path: '/etc/passwd' }] })).toMatchObject({ ok: false, error: { kind: 'usage', message: 'The browser uploads files; paths on the computer are not accepted here.' } });
    expect((await ask(3, 'documents/nuke', {})).error!.message).toBe('Unknown handler "documents/nuke".');
    // Answers carry their call's id, whatever the order they finish in.
    socket.send(JSON.stringify({ id: 5, name: 'project/info', args: {} }));
    socket.send(JSON.stringify({ id: 4, name: 'documents/list', args: {} }));
    await ask(6, 'history/state', {});
    expect(answers.get(4)).toMatchObject({ ok: true, result: [] });
    expect(answers.get(5)).toMatchObject({ ok: true });
    // What is not a call closes the socket, with the reason.
    const closed = new Promise<[number, string]>((resolve) => socket.on('close', (code, reason) => resolve([code, reason.toString()])));
    socket.send('not json');
    expect(await closed).toEqual([1003, 'Send {"id", "name", "args"} as text.']);
  });
});
