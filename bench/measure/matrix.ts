import type { Session } from '../../src/main/core/session.ts';
import { summarize, timeRuns } from '../stats.ts';
import { available, call, NOT_AVAILABLE } from './available.ts';
import type { Figure } from './handlers.ts';

interface MatrixRequest {
  rows: 'concepts' | 'labels';
  by: 'participant' | 'document';
  groupBy?: string;
}

interface Shape {
  rows?: unknown[];
  columns?: unknown[];
  items?: Array<{ cells?: number[] }>;
}

/**
 * A write that changes no count: the definition of the first concept, alternately with and without
 * a trailing marker. Every write adds a change-log entry, and the service caches its counts until
 * the next one, so the `matrix/get` after it computes afresh — the figure the budget speaks of.
 * `restore` puts the definition back.
 */
async function cheapWriter(session: Session): Promise<{ write(): Promise<void>; restore(): Promise<void> }> {
  const concepts = await call<Array<{ id: string; definition: string }>>(session, 'concepts/list', {});
  const concept = concepts[0];
  if (!concept) throw new Error('the project has no concept to make the cheap write on');
  let marked = false;
  const write = async () => {
    marked = !marked;
    await call(session, 'concepts/update', { id: concept.id, definition: marked ? `${concept.definition} ·` : concept.definition });
  };
  return { write, restore: async () => (marked ? write() : undefined) };
}

/**
 * `matrix/get` computed afresh (a cheap write before each call, not timed) and repeated (answered
 * from the service's cache), reported apart: the first is what a user waits for after coding.
 */
export async function measureMatrix(session: Session, request: MatrixRequest, runs: number): Promise<Figure> {
  const handler = 'matrix/get';
  if (!available(handler) || !available('concepts/update')) return { status: NOT_AVAILABLE, handler };
  try {
    const writer = await cheapWriter(session);
    const uncached: number[] = [];
    let last: Shape | undefined;
    for (let i = 0; i < runs; i++) {
      await writer.write();
      const started = performance.now();
      last = await call<Shape>(session, handler, request);
      uncached.push(performance.now() - started);
    }
    const cached = await timeRuns(runs, () => call(session, handler, request));
    await writer.restore();
    const rows = last?.items?.length ?? null;
    const columns = last?.columns?.length ?? null;
    const segments = last?.items?.reduce((n, r) => n + (r.cells ?? []).reduce((a, b) => a + b, 0), 0) ?? null;
    return { handler, request, ...summarize(uncached), cached: summarize(cached), rows, columns, cells: rows !== null && columns !== null ? rows * columns : null, countedSupports: segments };
  } catch (error) {
    return { status: `failed: ${(error as Error).message}`, handler };
  }
}
