import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCoreWorker, type WorkerCore } from '../../src/main/hosts/http/core-worker.ts';

/** One long call while a second client asks a small read again and again (issue 16: no call holds up another for over 1 s). */
export interface FreezeFigure {
  /** The long call, from asking to its answer (it may answer with a refusal). */
  seconds: number;
  answer: 'ok' | 'refused';
  /** The other client's `documents/list`, asked every 20 ms meanwhile: its slowest answer. */
  otherMaxMs: number;
  otherAnswers: number;
}

export interface FreezeFigures {
  /** `autocode --regex '(a+)+$'` over the corpus, with 30 a’s in a transcript of it. */
  regexAutocode: FreezeFigure;
  /** A search of 3,000 prefix terms (refused: at most 64 terms, 16 prefixes). */
  search3000Terms: FreezeFigure;
  /** A batch of ten transcripts, 8 MB in all. */
  import8MB: FreezeFigure;
}

async function whileRunning(core: WorkerCore, name: string, args: unknown): Promise<FreezeFigure> {
  let finished = false;
  const started = performance.now();
  const long = core.call(name, { value: args }).finally(() => (finished = true));
  const waits: number[] = [];
  do {
    const asked = performance.now();
    await core.call('documents/list', { value: {} });
    waits.push(performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 20));
  } while (!finished);
  const { status } = await long;
  return {
    seconds: +((performance.now() - started) / 1000).toFixed(2),
    answer: status === 200 ? 'ok' : 'refused',
    otherMaxMs: +Math.max(...waits).toFixed(1),
    otherAnswers: waits.length,
  };
}

/**
 * The freeze timings of issue 16, on a copy of the bench project opened as `duiding serve` opens
 * it (the core in its worker thread): a call that used to freeze every client, and how long a
 * second client then waited for a small read.
 */
export async function measureFreeze(file: string, dir: string, log: (line: string) => void): Promise<FreezeFigures> {
  const copy = join(dir, 'freeze.duiding');
  copyFileSync(file, copy);
  const aaa = join(dir, 'aaa.txt');
  writeFileSync(aaa, `Katrien: ${'a'.repeat(30)}!\n\nInterviewer: ${'a'.repeat(30)} nog eens?\n`);
  const turn = (f: number, i: number) => `${i % 2 ? 'Interviewer' : 'Katrien'}: ${'de leerlingenbegeleiding op school vraagt veel overleg met collega’s en ouders '.repeat(8)}${f}.${i}\n\n`;
  const batch = Array.from({ length: 10 }, (_, f) => ({ name: `freeze-${f}.txt`, base64: Buffer.from(Array.from({ length: 1200 }, (_, i) => turn(f, i)).join('')).toString('base64') }));
  const core = await startCoreWorker({ coder: 'bench', projectsDir: dir, file: copy });
  try {
    await core.call('documents/import', { value: { files: [{ path: aaa }] } });
    log('freeze: auto-code (a+)+$ while another client reads');
    const regexAutocode = await whileRunning(core, 'codings/autocode', { labelName: 'aaa', query: { regex: '(a+)+$' }, scope: 'match', speakers: 'all' });
    log('freeze: a search of 3,000 prefix terms while another client reads');
    const query = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}*`).join(' ');
    const search3000Terms = await whileRunning(core, 'search/query', { query });
    log('freeze: an 8 MB batch import while another client reads');
    const import8MB = await whileRunning(core, 'documents/import', { files: batch });
    return { regexAutocode, search3000Terms, import8MB };
  } finally {
    await core.close();
  }
}
