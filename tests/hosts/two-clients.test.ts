// No single call holds up another caller: with `duiding serve`'s core in its worker thread, one
// client runs a long call while a second client's small read is answered within a second. A
// deliberate exception to "no timed tests", with generous margins: a freeze is the failure.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/handlers.ts';
import { Session } from '../../src/main/core/session.ts';
import { startCoreWorker, type WorkerCore } from '../../src/main/hosts/http/core-worker.ts';
import { startHost, type RunningHost } from '../../src/main/hosts/http/server.ts';
import { tempDir } from '../support/temp.ts';

const running: Array<RunningHost | WorkerCore> = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

async function serve(file: string, dir: string) {
  const core = await startCoreWorker({ coder: 'hanne', projectsDir: dir, file });
  running.push(core);
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Duiding</title>');
  const host = await startHost({ core, staticDir });
  running.push(host);
  /** One client's call over HTTP (each its own connection), answered with its reply and how long it took. */
  const ask = async (name: string, args: unknown, task?: string) => {
    const asked = performance.now();
    const response = await fetch(`http://127.0.0.1:${host.port}/api/call/${name}`, {
      method: 'POST',
      headers: { 'x-duiding-token': host.token, 'content-type': 'application/json', ...(task ? { 'x-duiding-task': task } : {}) },
      body: JSON.stringify(args),
    });
    return { reply: (await response.json()) as { ok: boolean; result?: unknown; error?: { kind: string; message: string } }, ms: performance.now() - asked, at: performance.now() };
  };
  return { host, ask };
}

/**
 * Client B asks `documents/list` again and again while client A's long call runs; answers how long
 * each of B's answers took, how many came before A's answer, and A's answer.
 */
async function whileRunning(ask: Awaited<ReturnType<typeof serve>>['ask'], long: () => ReturnType<Awaited<ReturnType<typeof serve>>['ask']>) {
  let finished = false;
  const a = long().finally(() => (finished = true));
  const b: Array<{ ms: number; documents: number; during: boolean }> = [];
  await new Promise((resolve) => setTimeout(resolve, 5));
  do {
    const { reply, ms } = await ask('documents/list', {});
    expect(reply.ok).toBe(true);
    b.push({ ms, documents: (reply.result as unknown[]).length, during: !finished });
    await new Promise((resolve) => setTimeout(resolve, 20));
  } while (!finished);
  return { a: await a, b };
}

function project(dir: string): string {
  const file = join(dir, 'p.duiding');
  new Session('hanne').create(file, 'Twee cliënten').close();
  return file;
}

describe('one client’s long call does not hold up another’s', () => {
  it('auto-code (a+)+$ over a corpus with 30 a’s answers within 2 s; the other client within 1 s', async () => {
    const dir = tempDir();
    const file = project(dir);
    const line = (i: number) => `${i % 2 ? 'Interviewer' : 'Katrien'}: ${'a'.repeat(30)}! en dan ${'a'.repeat(30)} nog eens ${i}\n\n`;
    const paths = Array.from({ length: 6 }, (_, f) => {
      const path = join(dir, `a${f}.txt`);
      writeFileSync(path, Array.from({ length: 1500 }, (_, i) => line(i)).join(''));
      return path;
    });
    const session = new Session('hanne');
    session.open(file);
    await dispatch(session, 'documents/import', { files: paths.map((path) => ({ path })) });
    session.close();
    const { ask } = await serve(file, dir);
    const { a, b } = await whileRunning(ask, () => ask('codings/autocode', { labelName: 'A', query: { regex: '(a+)+$' }, scope: 'match', speakers: 'all' }));
    expect(a.reply).toMatchObject({ ok: true, result: { hits: 0 } });
    expect(a.ms, 'the auto-code itself').toBeLessThan(2000);
    expect(Math.max(...b.map((x) => x.ms)), JSON.stringify(b)).toBeLessThan(1000);
  });

  it('a search of 3,000 prefix terms is refused within 2 s; the other client is answered within 1 s', async () => {
    const dir = tempDir();
    const { ask } = await serve(project(dir), dir);
    const query = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}*`).join(' ');
    const [a, b] = await Promise.all([ask('search/query', { query }), new Promise((resolve) => setTimeout(resolve, 5)).then(() => ask('documents/list', {}))]);
    expect(a.reply).toMatchObject({ ok: false, error: { kind: 'usage' } });
    expect(a.ms).toBeLessThan(2000);
    expect(b.reply.ok).toBe(true);
    expect(b.ms).toBeLessThan(1000);
  });

  it('a batch import of 8 MB: the other client is answered within 1 s throughout, from the project as it was until the import is in', async () => {
    const dir = tempDir();
    const file = project(dir);
    const turn = (f: number, i: number) => `${i % 2 ? 'Interviewer' : 'Katrien'}: ${'de leerlingenbegeleiding op school vraagt veel overleg met collega’s en ouders '.repeat(8)}${f}.${i}\n\n`;
    const files = Array.from({ length: 10 }, (_, f) => ({ name: `interview-${f}.txt`, base64: Buffer.from(Array.from({ length: 1200 }, (_, i) => turn(f, i)).join('')).toString('base64') }));
    const { ask } = await serve(file, dir);
    const { a, b } = await whileRunning(ask, () => ask('documents/import', { files }, 'big-import'));
    expect(a.reply).toMatchObject({ ok: true, result: { imported: 10 } });
    const during = b.filter((x) => x.during);
    expect(during.length, `B asked during A's ${Math.round(a.ms)} ms`).toBeGreaterThan(2);
    expect(Math.max(...b.map((x) => x.ms)), JSON.stringify(b)).toBeLessThan(1000);
    // The import is one transaction: B sees the project without it, or (just as it commits) with all of it, never a part.
    expect(new Set(during.map((x) => x.documents))).toEqual(new Set([0]).add(during.at(-1)!.documents === 10 ? 10 : 0));
    expect((await ask('documents/list', {})).reply.result).toHaveLength(10);
  });
});
