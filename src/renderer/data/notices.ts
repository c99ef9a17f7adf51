import type { ChangeNotice, TableName } from '../../shared/api/changes.ts';
import type { HistoryState } from '../../shared/model.ts';
import type { QueryCache } from './cache.ts';

/** A notice as it arrives: a host from before declared writes sends no kind and no tables. */
export type Notice = Pick<ChangeNotice, 'id' | 'action' | 'summary'> & Partial<Pick<ChangeNotice, 'kind' | 'tables'>>;

/** Notices remembered by id, so that the echo of a reply's notice costs nothing. */
const REMEMBERED = 500;

/**
 * Takes each write's notice once, from its reply or from the change event, whichever comes first
 * — but while this page's own writes are under way, events wait for their replies: an event can
 * overtake its reply, and the reply carries the new state that spares the fetches.
 */
export function createNotices(cache: QueryCache) {
  const seen = new Set<number>();
  let writing = 0;
  let held: Notice[] = [];

  const remember = (id: number): boolean => {
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > REMEMBERED) seen.delete(seen.values().next().value!);
    return true;
  };

  /** The undo state after a write follows from its kind; undo and redo answer theirs themselves. */
  const historyAfter = (notice: Notice): HistoryState | null => {
    // A write that changed no tracked row (only its own log entry) is no undo step.
    if (!notice.tables?.some((t) => t !== 'change_log')) return null;
    if (notice.kind === 'undoable' || notice.kind === 'purging') return { canUndo: true, canRedo: false, summary: null };
    if (notice.kind === 'baseline') return { canUndo: false, canRedo: false, summary: null };
    return null;
  };

  const apply = (notice: Notice | null, spared: ReadonlySet<string>, since?: number): Promise<void> => {
    if (notice && !remember(notice.id)) return Promise.resolve();
    const tables: readonly TableName[] | null = notice?.tables ?? null;
    const history = notice ? historyAfter(notice) : null;
    const keep = new Set(spared);
    if (history) {
      const key = cache.seed<HistoryState>('history/state', {}, () => history);
      if (key) keep.add(key);
    }
    return cache.invalidate(tables, keep, since);
  };

  return {
    /**
     * A notice (null: a write that named no tables), the reads its reply already answered, and when
     * the reply came (`cache.mark()`): reads sent after it see the write already.
     */
    take(notice: Notice | null, spared: ReadonlySet<string>, since?: number): Promise<void> {
      return apply(notice, spared, since);
    },
    /** An event: waits while this page's writes are under way. */
    event(notice: Notice): void {
      if (writing > 0) held.push(notice);
      else void apply(notice, new Set());
    },
    writing(delta: 1 | -1): void {
      writing += delta;
      if (writing > 0 || held.length === 0) return;
      const waiting = held;
      held = [];
      for (const notice of waiting) void apply(notice, new Set());
    },
  };
}
