/**
 * Kill trials: a writer process (scripts/kill-writer.ts) imports and auto-codes into a project and
 * is killed with SIGKILL at a random moment; then the project must pass `PRAGMA integrity_check`,
 * hold every write the writer acknowledged, and open again for writing (the dead writer's lock is
 * taken over). One more trial kills `duiding new --from x.qdpx` half-way: no project (or a whole
 * one) may remain under the name asked for.
 *
 *   npx tsx scripts/kill-trials.ts [COUNT]        (default 10; CI runs 3 through tests/core)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Session } from '../src/main/core/session.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/duiding.js');
const WRITER = join(ROOT, 'scripts/kill-writer.ts');

export interface TrialResult {
  trial: number;
  killedAfterMs: number;
  acknowledged: number;
  integrity: string;
  missing: string[];
}

function duiding(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DUIDING_CODER: 'kill-trial' } });
}

/** Spawns `args`, waits for the first line matching `ready` (or none), then SIGKILLs after `delayMs`. */
function runAndKill(args: string[], delayMs: number, ready: RegExp | (() => boolean)): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DUIDING_CODER: 'kill-trial' } });
    let out = '';
    let err = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    const poll = typeof ready === 'function' ? setInterval(() => ready() && arm(), 10) : null;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (ready instanceof RegExp && ready.test(out)) arm();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (poll) clearInterval(poll);
      if (signal === 'SIGKILL' || code === 0) resolve(out);
      else reject(new Error(`the writer stopped by itself (exit ${code}): ${err}`));
    });
  });
}

function countRows(path: string, table: 'labels'): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

function check(path: string): { integrity: string; documents: Set<string>; labels: Set<string> } {
  // Killed while it had the project open, the writer left its log beside it: reading it takes the
  // recovery SQLite does on the next open, which a read-only connection cannot make.
  const db = new Database(path, { readonly: !existsSync(`${path}-wal`) });
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    const documents = new Set(db.prepare('SELECT name FROM documents').pluck().all() as string[]);
    const labels = new Set(db.prepare('SELECT name FROM labels').pluck().all() as string[]);
    return { integrity, documents, labels };
  } finally {
    db.close();
  }
}

export async function runKillTrials(count: number, random: () => number = Math.random): Promise<TrialResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-kill-trials-'));
  const results: TrialResult[] = [];
  try {
    const project = join(dir, 'proef.duiding');
    const setup = new Session('kill-trial');
    setup.create(project);
    setup.close();
    let next = 0;
    for (let trial = 1; trial <= count; trial++) {
      const killedAfterMs = Math.round(random() * 800);
      const out = await runAndKill(['--import', 'tsx', WRITER, project, String(next)], killedAfterMs, /^ack /m);
      const acks = [...out.matchAll(/^ack (import|autocode) (\d+)$/gm)].map((m) => ({ kind: m[1]!, n: Number(m[2]) }));
      const { integrity, documents, labels } = check(project);
      const missing = acks.filter((a) => (a.kind === 'import' ? !documents.has(`gesprek-${a.n}`) : !labels.has(`label ${a.n}`))).map((a) => `${a.kind} ${a.n}`);
      results.push({ trial, killedAfterMs, acknowledged: acks.length, integrity, missing });
      next = Math.max(next, ...acks.map((a) => a.n + 1)) + 1;
    }
    // The project still opens for writing: the killed writer's lock is taken over.
    const after = new Session('kill-trial');
    after.open(project);
    after.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/**
 * Kills `new FILE --from x.qdpx` `delayMs` after its temporary file appears (while the project is
 * being filled): FILE must be absent or whole, never half.
 */
export async function killNewFromQdpx(qdpx: string, delayMs: number): Promise<{ exists: boolean; integrity: string | null; documents: number; labels: number; killedWith: string[]; leftovers: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-kill-new-'));
  try {
    const file = join(dir, 'nieuw.duiding');
    await runAndKill([BIN, 'new', file, '--from', qdpx], delayMs, () => readdirSync(dir).some((name) => name.includes('.duiding-tmp')));
    const exists = existsSync(file);
    const state = exists ? check(file) : null;
    // Rows, not names: a codebook may hold one name under two parents (qc-demo has 262 codes, 252 names).
    const labelRows = exists ? countRows(file, 'labels') : 0;
    const leftovers = readdirSync(dir);
    // The next `new` in that folder removes what the killed one left.
    const again = duiding('new', join(dir, 'ander.duiding'));
    if (again.status !== 0) throw new Error(again.stderr);
    return { exists, integrity: state?.integrity ?? null, documents: state?.documents.size ?? 0, labels: labelRows, killedWith: leftovers, leftovers: leftovers.filter((name) => readdirSync(dir).includes(name)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const count = Number(process.argv[2] ?? 10);
  const results = await runKillTrials(count);
  for (const r of results) console.log(`trial ${r.trial}: killed after ${r.killedAfterMs} ms, ${r.acknowledged} acknowledged, integrity ${r.integrity}, missing ${r.missing.length ? r.missing.join(', ') : 'none'}`);
  const bad = results.filter((r) => r.integrity !== 'ok' || r.missing.length);
  console.log(`${results.length} trials, ${bad.length} failed.`);
  process.exitCode = bad.length ? 1 : 0;
}
