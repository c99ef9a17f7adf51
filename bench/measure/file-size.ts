import { statSync } from 'node:fs';
import { Session } from '../../src/main/core/session.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { importCorpus } from '../corpus/populate.ts';

export interface FileSize {
  /** The project file after close, in bytes. */
  fileBytes: number;
  /** The UTF-8 size of the texts it holds: every document's canonical text. */
  textBytes: number;
  /** fileBytes ÷ textBytes (issue 15's goal: at most 2.0). */
  ratio: number;
  /** Free pages ÷ all pages after close (at most 0.1). */
  freeShare: number;
}

/**
 * The project file's size against its texts', measured on the closed file (closing compacts it), so
 * that what a researcher copies or mails is what is counted.
 */
export function measureFileSize(path: string): FileSize {
  const session = new Session('bench');
  const project = session.open(path, true);
  let textBytes = 0;
  for (const text of project.db.prepare('SELECT text FROM turns').pluck().iterate() as Iterable<string>) textBytes += Buffer.byteLength(text, 'utf8');
  // The blank lines between turns are part of each document's text too.
  textBytes += 2 * ((project.db.prepare('SELECT COUNT(*) FROM turns').pluck().get() as number) - (project.db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number));
  const pages = project.db.pragma('page_count', { simple: true }) as number;
  const free = project.db.pragma('freelist_count', { simple: true }) as number;
  session.close();
  const fileBytes = statSync(path).size;
  return { fileBytes, textBytes, ratio: +(fileBytes / textBytes).toFixed(3), freeShare: +(pages ? free / pages : 0).toFixed(3) };
}

/** The corpus imported into a project of its own (texts and participants, nothing coded), then measured closed. */
export async function measureCorpusFileSize(corpus: Corpus, path: string): Promise<FileSize> {
  const session = new Session('bench');
  session.create(path, 'Corpus only');
  await importCorpus(session, corpus);
  session.close();
  return measureFileSize(path);
}
