/**
 * The writer of the kill trials (scripts/kill-trials.ts): opens PROJECT and, until it is killed,
 * imports a small transcript and auto-codes it, printing `ack N` after each write has returned —
 * that is, after its transaction committed. The trials kill it with SIGKILL at a random moment and
 * then check that every acknowledged write is in the file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../src/main/core/handlers.ts';
import { Session } from '../src/main/core/session.ts';
import type { ImportReport } from '../src/shared/model.ts';

const [project, start = '0'] = process.argv.slice(2);
if (!project) throw new Error('usage: kill-writer PROJECT [FIRST]');
const session = new Session('kill-trial');
session.open(project);
const dir = mkdtempSync(join(tmpdir(), 'duiding-kill-'));
for (let i = Number(start); ; i++) {
  const path = join(dir, `gesprek-${i}.txt`);
  writeFileSync(path, Array.from({ length: 40 }, (_, t) => `${t % 2 ? 'Hanne' : 'Katrien'}: beurt ${t} van gesprek ${i}, over de leerlingenbegeleiding en de school.`).join('\n'));
  const report = (await dispatch(session, 'documents/import', { files: [{ path }] })) as ImportReport;
  if (report.imported !== 1) throw new Error(`import ${i} failed: ${report.files[0]?.message}`);
  process.stdout.write(`ack import ${i}\n`);
  await dispatch(session, 'codings/autocode', { labelName: `label ${i}`, query: { text: `gesprek ${i}` } });
  process.stdout.write(`ack autocode ${i}\n`);
}
