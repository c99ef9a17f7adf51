import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from '../../src/main/core/session.ts';
import type { DocumentDetail, Segment } from '../../src/shared/model.ts';
import type { Populated } from '../corpus/populate.ts';
import { summarize, timeRuns, type Summary } from '../stats.ts';
import { available, call, NOT_AVAILABLE } from './available.ts';
import { measureMatrix } from './matrix.ts';
import { pressTargets } from './press-targets.ts';
import { correctionTargets } from './transcript-edit.ts';

export type Figure = (Summary & Record<string, unknown>) | { status: string; [key: string]: unknown };

/** Runs a handler `runs` times if it exists; a failure is reported as a figure, not thrown. */
async function measure(session: Session, name: string, args: unknown, runs: number, extra?: (result: unknown) => Record<string, unknown>): Promise<Figure> {
  if (!available(name)) return { status: NOT_AVAILABLE, handler: name };
  try {
    let last: unknown;
    const samples = await timeRuns(runs, async () => {
      last = await call(session, name, args);
    });
    return { handler: name, ...summarize(samples), ...(extra ? extra(last) : {}) };
  } catch (error) {
    return { status: `failed: ${(error as Error).message}`, handler: name };
  }
}

function matrixShape(result: unknown): Record<string, unknown> {
  const m = result as { rows?: unknown[]; columns?: unknown[] } | undefined;
  return { rows: m?.rows?.length ?? null, columns: m?.columns?.length ?? null };
}

/** The handlers of rounds 2 and 3, the reports and the interchange, each where it exists. */
export async function measureHandlers(session: Session, dir: string, populated: Populated): Promise<Record<string, Figure>> {
  const figures: Record<string, Figure> = {};
  // What one keypress makes the server answer in the browser (the store's refresh after a write,
  // and the reload the change event sets off): which of these is slow shows where the time goes.
  figures.applyLabel = await measureApply(session, populated);
  figures.afterWriteLabels = await measure(session, 'labels/list', {}, 5);
  figures.afterWriteSegments = await measure(session, 'segments/list', { documentId: populated.long.documentId }, 5);
  figures.changeEventDocuments = await measure(session, 'documents/list', {}, 5);
  // Issue 28: a turn of the long transcript corrected, in the core alone, and reading it back after.
  figures.correctTurn = await measureCorrect(session, populated);
  figures.afterCorrectDocument = await measure(session, 'documents/get', { id: populated.long.documentId }, 5);
  figures.changeEventParticipants = await measure(session, 'participants/list', {}, 5);
  // Computed afresh (median, p95) and from the service's cache (`cached`), apart: issue 6's budget
  // is about computing 60 concepts × 1,000 documents.
  figures.matrixConceptsByDocument = await measureMatrix(session, { rows: 'concepts', by: 'document' }, 7);
  figures.matrixConcepts = await measureMatrix(session, { rows: 'concepts', by: 'participant' }, 5);
  figures.matrixLabelsByDocument = await measureMatrix(session, { rows: 'labels', by: 'document' }, 3);
  // Regrouping re-uses the cached counts: what a change of grouping costs.
  figures.matrixGrouped = await measure(session, 'matrix/get', { rows: 'concepts', by: 'participant', groupBy: 'schooltype' }, 10, matrixShape);
  const docx = join(dir, 'thema-rapport.docx');
  figures.reportDocx = await measure(session, 'export/file', { format: 'docx', report: 'themes', out: docx }, 2, () => ({ bytes: fileSize(docx) }));
  return figures;
}

/** `codings/apply` on free spans of the long transcript, as the palette's Enter sends it. */
async function measureApply(session: Session, populated: Populated): Promise<Figure> {
  const documentId = populated.long.documentId;
  const [document, segments] = await Promise.all([
    call<DocumentDetail>(session, 'documents/get', { id: documentId }),
    call<Segment[]>(session, 'segments/list', { documentId }),
  ]);
  const targets = pressTargets(document, segments, 10);
  const samples: number[] = [];
  for (const target of targets) {
    const started = performance.now();
    await call(session, 'codings/apply', { documentId, start: target.start, end: target.end, labelId: populated.labelIds[0] });
    samples.push(performance.now() - started);
  }
  return { handler: 'codings/apply', ...summarize(samples) };
}

/**
 * `transcript/edit-turn` on the last word of 10 turns spread over the long transcript, as the
 * reader's editor sends it; undone afterwards, so that what is measured after it sees the corpus as built.
 */
async function measureCorrect(session: Session, populated: Populated): Promise<Figure> {
  const documentId = populated.long.documentId;
  const document = await call<DocumentDetail>(session, 'documents/get', { id: documentId });
  const samples: number[] = [];
  for (const { turn, text } of correctionTargets(document, 10)) {
    const started = performance.now();
    await call(session, 'transcript/edit-turn', { documentId, position: turn.position, text });
    samples.push(performance.now() - started);
  }
  for (let i = 0; i < 10; i++) await call(session, 'history/undo', {});
  return { handler: 'transcript/edit-turn', ...summarize(samples) };
}

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}
