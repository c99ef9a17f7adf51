import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../src/main/core/db/lock.ts';
import { Session } from '../../src/main/core/session.ts';
import { startCoreWorker, type WorkerCore } from '../../src/main/hosts/http/core-worker.ts';
import { startHost, type RunningHost } from '../../src/main/hosts/http/server.ts';
import { tempDir } from '../support/temp.ts';
import { rawGet, rawRequest } from './support/raw.ts';

const running: Array<RunningHost | WorkerCore> = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

function newProject(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'p.duiding');
  new Session('hanne').create(file, 'In de werker').close();
  return { dir, file };
}

/** A long transcript: some 8 MB of turns, an import that takes the core seconds. */
function longTranscript(): string {
  const turn = (i: number) => `${i % 2 ? 'Interviewer' : 'Katrien'}: ${'de leerlingenbegeleiding op school vraagt veel overleg met collega’s en ouders '.repeat(8)}${i}\n\n`;
  return Array.from({ length: 12_000 }, (_, i) => turn(i)).join('');
}

describe('the core of duiding serve in a worker thread', () => {
  it('answers the same calls and change events as in the server thread', async () => {
    const { dir, file } = newProject();
    const core = await startCoreWorker({ coder: 'hanne', projectsDir: dir, file });
    running.push(core);
    const events: unknown[] = [];
    core.onChange((event) => events.push(event));
    const info = await core.call('project/info', { value: {} });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.text)).toMatchObject({ ok: true, result: { title: 'In de werker' } });
    const created = await core.call('labels/create', { json: Buffer.from(JSON.stringify({ name: 'taakopvatting' })) });
    expect(JSON.parse(created.text)).toMatchObject({ ok: true, result: { name: 'taakopvatting' } });
    await expect.poll(() => events).toEqual([expect.objectContaining({ action: 'labels/create' })]);
    // The page's guard and the core's refusals, with their statuses.
    expect(await core.call('documents/import', { value: { files: [{ path: '/etc/passwd' }] } })).toMatchObject({ status: 400 });
    expect(await core.call('labels/create', { json: Buffer.from('{nope') })).toEqual({
      status: 400,
      text: JSON.stringify({ ok: false, error: { kind: 'usage', message: 'The request body is not valid JSON.' } }),
    });
    expect((await core.call('documents/nuke', { value: {} })).status).toBe(400);
    // Closing closes the project: no lock left.
    expect(existsSync(lockPathFor(file))).toBe(true);
    running.pop();
    expect(await core.close()).toBe(file);
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it('refuses to start with the reason when the project cannot be opened', async () => {
    const dir = tempDir();
    const file = join(dir, 'not-a-project.duiding');
    writeFileSync(file, 'plain text');
    await expect(startCoreWorker({ coder: 'hanne', projectsDir: dir, file })).rejects.toMatchObject({ name: 'DuidingError', kind: expect.any(String) });
  });

  it('keeps the server answering while a long call runs', async () => {
    const { dir, file } = newProject();
    const core = await startCoreWorker({ coder: 'hanne', projectsDir: dir, file });
    running.push(core);
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Duiding</title>');
    const host = await startHost({ core, staticDir });
    running.push(host);
    const body = JSON.stringify({ files: [{ name: 'lang.txt', base64: Buffer.from(longTranscript()).toString('base64') }] });
    const started = Date.now();
    const importing = rawRequest(
      host.port,
      `POST /api/call/documents/import HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\nx-duiding-token: ${host.token}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      120_000,
    );
    // While the core imports, the server thread answers the page, the token exchange and refusals.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during: number[] = [];
    let done = false;
    void importing.then(() => (done = true));
    for (let i = 0; i < 5 && !done; i++) {
      const asked = Date.now();
      expect((await rawGet(host.port, '/')).status).toBe(200);
      expect((await rawGet(host.port, '/api/call/project/info')).status).toBe(401);
      during.push(Date.now() - asked);
    }
    const imported = await importing;
    const took = Date.now() - started;
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, result: { imported: 1 } });
    expect(during.length, `the import took ${took} ms: too short to ask anything during it`).toBeGreaterThan(0);
    // Generous: a frozen server would answer only after the import, seconds later.
    expect(Math.max(...during), `answers during an import of ${took} ms`).toBeLessThan(Math.max(500, took / 4));
  });
});
