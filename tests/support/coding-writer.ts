/**
 * A writer for the copy-while-writing test (tests/core/backups.test.ts): opens PROJECT, imports one
 * long transcript, then applies codings one after the other until it is stopped, printing `ack N`
 * once coding N has returned (its transaction committed).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../src/main/core/handlers.ts';
import { Session } from '../../src/main/core/session.ts';
import type { DocumentSummary, Label } from '../../src/shared/model.ts';

const [project] = process.argv.slice(2);
if (!project) throw new Error('usage: coding-writer PROJECT');
const session = new Session('writer');
session.open(project);
const dir = mkdtempSync(join(tmpdir(), 'duiding-writer-'));
const path = join(dir, 'lang-gesprek.txt');
writeFileSync(path, Array.from({ length: 400 }, (_, t) => `${t % 2 ? 'Hanne' : 'Katrien'}: beurt ${t} over de leerlingenbegeleiding, de zorg en de school.`).join('\n'));
await dispatch(session, 'documents/import', { files: [{ path }] });
const [document] = (await dispatch(session, 'documents/list', {})) as DocumentSummary[];
const label = (await dispatch(session, 'labels/create', { name: 'Stroom' })) as Label;
process.stdout.write('ready\n');
for (let i = 1; ; i++) {
  await dispatch(session, 'codings/apply', { documentId: document!.id, start: i, end: i + 5, labelId: label.id });
  process.stdout.write(`ack ${i}\n`);
}
