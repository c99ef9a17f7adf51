import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { FileRef } from '../../../shared/api/contract.ts';
import type { PseudonymiseHandlerName } from '../../../shared/api/names-pseudonymise.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { canonicalText } from '../../../shared/text/normalize.ts';
import type { HandlerMap } from '../handlers.ts';
import { parsePseudonymList, type PseudonymEntry } from '../documents/pseudonyms.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { loadPseudonyms } from '../documents/import.ts';
import { applyPseudonyms, previewPseudonyms } from './apply.ts';
import { dismissName, nameKey } from './store.ts';

type PseudonymsArgs = { list: FileRef } | { entries: PseudonymEntry[] };

const entriesOf = (args: PseudonymsArgs): PseudonymEntry[] =>
  'list' in args ? loadPseudonyms(args.list).entries : args.entries.map((e) => ({ name: e.name.normalize('NFC'), pseudonym: e.pseudonym.normalize('NFC') }));

const csvCell = (value: string) => (/[",;\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Adds a row to the researcher's pseudonym list (or changes the pseudonym of a name already in it).
 * The list lives outside the project, so the real name never enters the project file.
 */
function acceptIntoList(args: { name: string; pseudonym: string; list?: FileRef; out?: string }): { csv: string; entries: number; path: string | null } {
  const { name, pseudonym, out } = args;
  if (out !== undefined && extname(out).toLowerCase() !== '.csv') throw new DuidingError(`${out}: a pseudonym list is a .csv file.`);
  let entries: PseudonymEntry[] = [];
  if (args.list) entries = loadPseudonyms(args.list).entries;
  else if (out !== undefined && existsSync(out)) {
    const text = canonicalText(readFileSync(out, 'utf8'));
    if (text.trim() !== '') entries = parsePseudonymList(out, text);
  }
  const key = nameKey(name);
  const at = entries.findIndex((e) => nameKey(e.name) === key);
  if (at >= 0) entries[at] = { name: entries[at]!.name, pseudonym };
  else entries.push({ name: name.normalize('NFC'), pseudonym: pseudonym.normalize('NFC') });
  const csv = ['name,pseudonym', ...entries.map((e) => `${csvCell(e.name)},${csvCell(e.pseudonym)}`)].join('\n') + '\n';
  if (out !== undefined) writeFileAtomic(out, new TextEncoder().encode(csv));
  return { csv, entries: entries.length, path: out ?? null };
}

/** Pseudonymising in place and the name finder; registered into the handler map (handlers.ts). */
export const pseudonymiseHandlers: HandlerMap<PseudonymiseHandlerName> = {
  'pseudonyms/preview': (session, args) => previewPseudonyms(session.project, entriesOf(args)),
  'pseudonyms/apply': (session, args) => {
    const project = session.project;
    return applyPseudonyms(project, entriesOf(args), ({ done, total, document }) => project.events.emit('progress', { action: 'pseudonyms/apply', done, total, item: document }));
  },
  'project/purge': (session) => {
    session.project.purge();
    return null;
  },
  // The word lists load with the finder's module, on first use: most calls never need them.
  'names/find': async (session) => (await import('./names.ts')).findProjectNames(session.project.db),
  'names/accept': (_session, args) => acceptIntoList(args),
  'names/dismiss': (session, { name }) => {
    const project = session.project;
    const dismissed = project.write('names/dismiss', () => ({ result: dismissName(project.db, name), summary: 'Dismissed a name suggestion' }));
    return { dismissed };
  },
};
