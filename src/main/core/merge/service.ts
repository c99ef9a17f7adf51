import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { FileRef } from '../../../shared/api/def.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { MergeReport } from '../../../shared/merge.ts';
import { openDatabase, PROJECT_EXTENSION, type Db } from '../db/database.ts';
import { Project } from '../project.ts';
import { applyPseudonyms } from '../pseudonymise/apply.ts';
import { appliedPseudonyms, recordPseudonyms } from '../pseudonymise/store.ts';
import { parsePseudonymList } from '../documents/pseudonyms.ts';
import { loadFileRef } from '../files/files.ts';
import { decodeText } from '../documents/importers/decode.ts';
import { mergeInto } from './store-merge.ts';
import { checkpoint, reportProgress } from '../tasks.ts';

/** The largest copy read (a project of a large study is some hundreds of MB). */
const MAX_COPY_BYTES = 1024 * 1024 * 1024;

/** Thrown inside the write to roll it back when the copy brought nothing new. */
const NOTHING = new Error('nothing to merge');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Merges another copy of the project into this one (issue 25). The copy is read from a copy of its
 * own in a temporary folder (an older copy is migrated there; the researcher's file is never opened
 * for writing), checked for pseudonyms, counted without writing, and brought in as one undoable
 * write when there is something to bring.
 */
export async function mergeCopy(project: Project, file: FileRef, options: { pseudonyms?: FileRef } = {}): Promise<MergeReport> {
  if ('path' in file && resolve(file.path) === resolve(project.path)) {
    throw new DuidingError(`${basename(file.path)} is this project itself; choose the other researcher's copy.`, 'usage');
  }
  const loaded = loadFileRef(file, MAX_COPY_BYTES);
  if (!loaded.name.toLowerCase().endsWith(PROJECT_EXTENSION)) {
    throw new DuidingError(`${loaded.name} is not a Duiding project (${PROJECT_EXTENSION}); merge takes another copy of a project.`, 'input');
  }
  const dir = mkdtempSync(join(tmpdir(), 'duiding-merge-'));
  const path = join(dir, basename(loaded.name));
  let other: Db | null = null;
  try {
    writeFileSync(path, loaded.bytes);
    other = openDatabase(path);
    other = await pseudonymised(project, other, path, loaded.name, options.pseudonyms);
    const source = other;
    let unchanged: MergeReport | null = null;
    try {
      // A long call (LONG_CALLS): between its steps other callers are answered, its progress is
      // shown, and Cancel rolls back all of it.
      return await project.writeInChunks('merge/apply', async () => {
        // Steps are counted, not named: the screen shows "3 of 14" in the researcher's language.
        const report = await mergeInto(project.db, source, { file: loaded.name, dry: false }, async (done, total) => {
          await checkpoint();
          reportProgress(done, total, '');
        });
        // Nothing to bring in is no write at all (not an empty entry in the change log): rolled back.
        if (!report.changed) {
          unchanged = report;
          throw NOTHING;
        }
        // Pseudonyms the other copy applied now stand in this project's text too.
        if (report.documents.added.length) recordPseudonyms(project.db, appliedPseudonyms(source));
        const added = (table: string) => report.added[table] ?? 0;
        return {
          result: report,
          summary:
            `Merged ${loaded.name}: ${plural(added('documents'), 'document')}, ${plural(added('labels'), 'label')}, ${plural(added('segments'), 'segment')}, ` +
            `${plural(added('codings'), 'coding')}, ${plural(added('memos'), 'memo')} brought in; ${plural(report.conflicts.length, 'conflict')} kept as here`,
          detail: { file: loaded.name, added: report.added, conflicts: report.conflicts.length },
        };
      });
    } catch (error) {
      if (error === NOTHING && unchanged) return unchanged;
      throw error;
    }
  } finally {
    other?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A copy whose text still holds names this project replaced is refused: merging it would bring them
 * back. With a pseudonym list it is pseudonymised first, in its temporary copy, the same way as the
 * project was (purged there, and the temporary copy removed).
 */
async function pseudonymised(project: Project, other: Db, path: string, name: string, list: FileRef | undefined): Promise<Db> {
  const missing = () => {
    const theirs = new Set(appliedPseudonyms(other));
    return appliedPseudonyms(project.db).filter((p) => !theirs.has(p));
  };
  if (missing().length === 0) return other;
  if (!list) {
    throw new DuidingError(
      `${name} is not pseudonymised as this project is (${plural(missing().length, 'pseudonym')} of this project are not applied there), so merging it could bring back names removed here. ` +
        `Pseudonymise it first (duiding pseudonymise ${name} --pseudonyms LIST.csv), or give the pseudonym list to the merge (--pseudonyms LIST.csv).`,
      'input',
      { code: 'mergeNotPseudonymised', params: { file: name, missing: missing().length } },
    );
  }
  const listFile = loadFileRef(list);
  const entries = parsePseudonymList(listFile.name, decodeText(listFile.name, listFile.bytes).text);
  other.close();
  const temp = Project.open(path, { coder: project.coder, laptop: project.laptop });
  try {
    // As the handler runs it: a purging write (it rewrites the copy's audit lines that hold names).
    await temp.run('pseudonyms/apply', 'purging', [], () => applyPseudonyms(temp, entries));
  } finally {
    temp.close();
  }
  other = openDatabase(path);
  const still = missing();
  if (still.length > 0) {
    other.close();
    throw new DuidingError(
      `${name} pseudonymised with ${listFile.name} still lacks ${plural(still.length, 'pseudonym')} this project applied; give the list this project was pseudonymised with.`,
      'input',
    );
  }
  return other;
}
