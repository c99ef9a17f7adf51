import { useCallback, useSyncExternalStore } from 'react';
import type { ArgsOf, HandlerName, ResultOf } from '../../shared/api/contract.ts';
import { kindOf, LONG_CALLS, readsOf } from '../../shared/api/declarations.ts';
import type { HistoryState } from '../../shared/model.ts';
import { call, callWithChange, onChange, type ChangeEvent } from '../api/client.ts';
import { QueryCache, type QueryState } from './cache.ts';
import { createNotices } from './notices.ts';
import { asTask } from './tasks.ts';

export { ApiError, fileToBase64, hasNativeDialogs } from '../api/client.ts';
export type { QueryState } from './cache.ts';
export { cancelTask, useTasks, type RunningTask } from './tasks.ts';

/**
 * The page's data layer: the only code that calls the core. Views read through `useRead`; the
 * store's mutations write through `write`, whose reply (and every window's change event) names the
 * tables it changed, and the reads of those tables that a view shows are fetched again.
 */
export const queries = new QueryCache(
  (name, args) =>
    call(name as HandlerName, args as never).catch((error: unknown) => {
      onReadError(error);
      throw error;
    }),
  (name) => readsOf(name as HandlerName),
);

/** Where a failed read of a view is told (the error banner); set by the app. */
let onReadError: (error: unknown) => void = () => undefined;
export function showReadErrors(show: (error: unknown) => void): void {
  onReadError = show;
}

/** Notices of writes, each taken once, whether it came with the reply or as an event. */
const notices = createNotices(queries);

/** The state of one read, fetched while the view shows it; `null` arguments: not now. */
export function useRead<K extends HandlerName>(name: K, args: ArgsOf<K> | null): QueryState<ResultOf<K>> {
  const key = args === null ? null : JSON.stringify(args);
  const subscribe = useCallback(
    (listener: () => void) => (key === null ? () => undefined : queries.mount(name, JSON.parse(key) as unknown, listener)),
    [name, key],
  );
  const snapshot = () => (args === null ? IDLE : queries.snapshot(name, args)) as QueryState<ResultOf<K>>;
  return useSyncExternalStore(subscribe, snapshot);
}

const IDLE: QueryState = { data: undefined, error: undefined, loading: false };

/**
 * The data of one read, or `fallback` until it has come. Only the data: a view that shows no
 * "loading" is not rendered again when a fetch starts (a correction's notice sets a few reads
 * fetching, and their views rendering in the frame that paints the correction cost it at size L),
 * nor when one answers with what it held (the cache keeps the same objects then).
 */
export function useData<K extends HandlerName, F>(name: K, args: ArgsOf<K> | null, fallback: F): ResultOf<K> | F {
  const key = args === null ? null : JSON.stringify(args);
  const subscribe = useCallback(
    (listener: () => void) => (key === null ? () => undefined : queries.mount(name, JSON.parse(key) as unknown, listener)),
    [name, key],
  );
  const snapshot = () => (args === null ? undefined : (queries.snapshot(name, args).data as ResultOf<K> | undefined));
  return useSyncExternalStore(subscribe, snapshot) ?? fallback;
}

/** A read outside a view (a dialog's one-off question, a mutation's check): the fresh data held, or fetched now. */
export function read<K extends HandlerName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  return queries.read<ResultOf<K>>(name, args);
}

/**
 * A read whose answer is not kept: a file to download, a preview of one, an auto-coding preview.
 * It still goes through here, so that the data layer remains the one way to the core.
 */
export function ask<K extends HandlerName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  if (kindOf(name) !== 'read') throw new Error(`${name} is not a read: use write().`);
  // A long read (an export) shows in the task bar, with its progress and Cancel.
  if (LONG_CALLS.has(name)) return asTask(name, (task) => call(name, args, task));
  return call(name, args);
}

/** The data held for a read without fetching (a mutation drawing ahead of the core's answer). */
export function peek<K extends HandlerName>(name: K, args: ArgsOf<K>): ResultOf<K> | undefined {
  return queries.peek<ResultOf<K>>(name, args);
}

/** Puts the new state a write answered in place of a read; returns the read's key, for `write`'s seed. */
export function seed<K extends HandlerName>(name: K, args: ArgsOf<K>, update: (data: ResultOf<K> | undefined) => ResultOf<K> | undefined): string | null {
  return queries.seed(name, args, update);
}

/**
 * A write. `seeds` puts what the reply carries into the reads it answers (returning their keys);
 * then every other read of a changed table is fetched again if shown, and the write settles once
 * they have answered: what follows it sees the views as the write left them. A reply that names
 * no tables (a host from before declared writes) changes, as far as the page knows, everything.
 */
export async function write<K extends HandlerName>(name: K, args: ArgsOf<K>, seeds?: (result: ResultOf<K>) => Array<string | null>): Promise<ResultOf<K>> {
  const kind = kindOf(name);
  if (kind === 'read') throw new Error(`${name} is a read: use read() or useRead().`);
  notices.writing(+1);
  try {
    // A long write (an import, an auto-code run) shows in the task bar, with its progress and Cancel.
    const { result, change } = LONG_CALLS.has(name) ? await asTask(name, (task) => callWithChange(name, args, task)) : await callWithChange(name, args);
    const replied = queries.mark();
    const spared = new Set((seeds?.(result) ?? []).filter((key): key is string => key !== null));
    // What the reply answered is painted first; the reads it made stale are asked for after that frame
    // (not those a view the reply opened has asked for meanwhile: they already see the write).
    if (seeds) await nextFrame();
    if (change) await notices.take(change, spared, replied);
    else if (kind !== 'session') await notices.take(null, spared, replied);
    return result;
  } finally {
    notices.writing(-1);
  }
}

/**
 * After the next frame is painted (a tab not shown paints none: at most 100 ms). The reads a write
 * made stale are asked for then, so that neither their answers nor the core's work on them (at size
 * L the codebook's and the concepts' counts after a corrected word) come before the write's own paint.
 */
function nextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
}

/** A session action that touches no project rows and changes no read (who is coding). */
export async function act<K extends HandlerName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  return call(name, args);
}

/** Another project is open (or none): every read answers anew. */
export function resetData(): void {
  queries.reset();
}

/** Listens to the change events of every window (the page's own writes echo here, harmlessly). */
export function listenForChanges(): () => void {
  return onChange((event: ChangeEvent) => notices.event(event));
}

/** What undo and redo answer: the history state, put in place without a fetch. */
export function seedHistory(history: HistoryState): string | null {
  return seed('history/state', {}, () => history);
}
