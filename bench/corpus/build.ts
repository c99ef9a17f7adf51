import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../../src/main/core/session.ts';
import { populateAnalysis, type AnalysisCounts } from './analysis.ts';
import { writeCorpus, type Corpus } from './corpus.ts';
import { importCorpus, populate, projectFile, type Populated } from './populate.ts';
import type { CorpusSize } from './sizes.ts';

export interface Built {
  file: string;
  corpus: Corpus;
  generateMs: number;
  importMs: number;
  populateMs: number;
  populated: Populated;
  analysis: AnalysisCounts;
  /** Still open, for the measurements that follow; the caller closes it. */
  session: Session;
}

/**
 * A whole benchmark project of one size in `dir`: corpus, import, codebook, codings, rounds 2 and 3.
 * `afterImport` runs between the import and the rest (the raw-insert baseline goes there, so that it
 * runs on a machine in the same state as the import did).
 */
export async function buildProject(dir: string, size: CorpusSize, log: (line: string) => void, afterImport?: (corpus: Corpus) => void): Promise<Built> {
  mkdirSync(dir, { recursive: true });
  log(`generating ${size.interviews} interviews in ${dir}`);
  let started = performance.now();
  const corpus = writeCorpus(dir, size);
  const generateMs = performance.now() - started;
  const session = new Session('bench');
  const file = projectFile(dir, size);
  session.create(file, `Benchmark ${size.name.toUpperCase()}`);
  log(`importing ${(corpus.bytes / 1e6).toFixed(1)} MB`);
  const imported = await importCorpus(session, corpus);
  afterImport?.(corpus);
  log('codebook, segments and the long transcript');
  started = performance.now();
  const populated = await populate(session, corpus, size);
  log('rounds 2 and 3');
  const analysis = await populateAnalysis(session, size, populated);
  return { file, corpus, generateMs, importMs: imported.ms, populateMs: performance.now() - started, populated, analysis, session };
}

export const sizeDir = (dir: string, size: CorpusSize) => join(dir, size.name);
