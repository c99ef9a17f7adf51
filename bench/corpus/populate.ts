import { dirname, join } from 'node:path';
import type { DocumentDetail, DocumentSummary, ImportReport } from '../../src/shared/model.ts';
import { dispatch } from '../../src/main/core/handlers.ts';
import type { Session } from '../../src/main/core/session.ts';
import { generateCodebook } from './codebook.ts';
import { writeCodebook, writeCodings } from './coding.ts';
import type { Corpus } from './corpus.ts';
import { createRng } from './prng.ts';
import { LONG_TRANSCRIPT, type CorpusSize } from './sizes.ts';

async function importOrFail(session: Session, paths: string[]): Promise<ImportReport> {
  const report = (await dispatch(session, 'documents/import', { files: paths.map((path) => ({ path })) })) as ImportReport;
  const failed = [...report.files, ...report.participants].filter((f) => f.status === 'failed');
  if (failed.length > 0) throw new Error(`The benchmark corpus did not import: ${failed.map((f) => `${f.file}: ${f.message}`).join('; ')}`);
  return report;
}

/** The measured step: the participants table and every interview, through the import handler. */
export async function importCorpus(session: Session, corpus: Corpus): Promise<{ ms: number; report: ImportReport }> {
  const started = performance.now();
  const report = await importOrFail(session, [corpus.participantsCsv, dirname(corpus.files[0]!)]);
  return { ms: performance.now() - started, report };
}

async function documents(session: Session): Promise<DocumentDetail[]> {
  const list = (await dispatch(session, 'documents/list', {})) as DocumentSummary[];
  return Promise.all(list.map(async (d) => (await dispatch(session, 'documents/get', { id: d.id })) as DocumentDetail));
}

export interface Populated {
  labels: number;
  segments: number;
  codings: number;
  long: { documentId: string; characters: number; segments: number; codings: number };
  labelIds: string[];
  /** The interviews' document ids (the long transcript apart). */
  documentIds: string[];
}

/**
 * Everything after the import: the long transcript, the codebook tree, the segments with their
 * codings (several coders, overlaps, multiple labels) on the interviews, and 2,000 codings on the
 * long transcript.
 */
export async function populate(session: Session, corpus: Corpus, size: CorpusSize): Promise<Populated> {
  const project = session.project;
  const report = await importOrFail(session, [corpus.long.file]);
  const longId = report.files[0]!.documentId!;
  const labelIds = writeCodebook(project, generateCodebook(size.labels));
  const all = await documents(session);
  const interviews = all.filter((d) => d.id !== longId);
  const rng = createRng(0xb0b);
  const coded = writeCodings(project, rng, { documents: interviews, segments: size.segments, labelIds, coders: size.coders, overlap: 0.25, secondLabel: 0.15, secondCoder: 0.1 });
  // The transcript of the browser benchmark gets its codings from a handful of labels, as a coder's
  // first pass would: many segments per label, overlapping ones among them.
  const longDoc = all.find((d) => d.id === longId)!;
  const longCoded = writeCodings(project, rng, {
    documents: [longDoc],
    segments: LONG_TRANSCRIPT.codings,
    codings: LONG_TRANSCRIPT.codings,
    labelIds: labelIds.slice(0, 24),
    coders: size.coders,
    overlap: 0.3,
    secondLabel: 0.15,
    secondCoder: 0.05,
  });
  return {
    labels: labelIds.length,
    segments: coded.segments,
    codings: coded.codings,
    long: { documentId: longId, characters: longDoc.text.length, segments: longCoded.segments, codings: longCoded.codings },
    labelIds,
    documentIds: interviews.map((d) => d.id),
  };
}

export const projectFile = (dir: string, size: CorpusSize) => join(dir, `bench-${size.name}.duiding`);
