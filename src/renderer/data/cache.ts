import type { TableName } from '../../shared/api/changes.ts';

/**
 * The page's copy of what the core answered to its reads. Each read is one entry, keyed by handler
 * and arguments, and knows the tables it depends on (its declaration in the contract). A write's
 * notice names the tables it changed: the entries that read one of them are fetched again if a
 * view shows them (mounted), or marked stale and fetched when a view next asks. Nothing here knows a
 * handler by name; freshness follows the tables alone.
 *
 * Pure TypeScript: the fetch is given, so that the unit tests drive it without a page.
 */
export type Fetcher = (name: string, args: unknown) => Promise<unknown>;

export interface QueryState<T = unknown> {
  /** The latest answer (kept while a newer one is fetched), or undefined before the first. */
  data: T | undefined;
  error: unknown;
  /** A fetch is under way. */
  loading: boolean;
}

interface Entry {
  key: string;
  name: string;
  args: unknown;
  tables: ReadonlySet<TableName>;
  state: QueryState;
  /** Set when the data may be older than the file: fetched again on the next mount or read. */
  stale: boolean;
  /** The fetch under way: every identical read joins it. */
  inFlight: Promise<unknown> | null;
  /** A write landed while the fetch ran: its answer may predate the write, so fetch once more. */
  again: boolean;
  /** When its latest fetch was sent (`mark()`'s clock): a fetch sent after a write's reply came answers the state after it. */
  sentAt: number;
  mounts: number;
  listeners: Set<() => void>;
  /** For dropping the least recently used unmounted entries. */
  usedAt: number;
}

/** Arguments as a key: the same object with its keys in another order is the same read. */
export function stableKey(name: string, args: unknown): string {
  return `${name} ${stableJson(args ?? {})}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `next` with every part equal to the one held replaced by the held object (arrays and plain
 * objects compared by value), so that a read fetched again after a write keeps the objects the
 * write did not change: the views memoised on them (a documents table row, a label's count) are not
 * rendered again, and an answer equal to what was held is the very same object.
 */
export function shareEqual<T>(held: unknown, next: T): T {
  if (held === next) return next;
  if (Array.isArray(held) && Array.isArray(next)) {
    let same = held.length === next.length;
    const out = next.map((item: unknown, i) => {
      const shared = i < held.length ? shareEqual(held[i], item) : item;
      if (shared !== held[i]) same = false;
      return shared;
    });
    return (same ? held : out) as T;
  }
  if (isPlain(held) && isPlain(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(held).length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const shared = shareEqual(held[key], next[key]);
      if (shared !== held[key] || !(key in held)) same = false;
      out[key] = shared;
    }
    return (same ? held : out) as T;
  }
  return next;
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const LOADING: QueryState = { data: undefined, error: undefined, loading: true };
/** Unmounted entries kept for a quick return to a view; older ones are dropped. */
const KEEP_UNMOUNTED = 200;

export class QueryCache {
  private entries = new Map<string, Entry>();
  private clock = 0;
  /** Goes up with every reset: an answer fetched before it belongs to another project. */
  private epoch = 0;
  /** Counts the fetches sent. */
  private sends = 0;

  /** Now, on the clock of fetches sent: a write's reply takes a mark, its stale reads are those sent before it. */
  mark(): number {
    return this.sends;
  }

  constructor(
    private readonly fetcher: Fetcher,
    private readonly tablesOf: (name: string) => readonly TableName[] | null,
  ) {}

  private entry(name: string, args: unknown): Entry {
    const key = stableKey(name, args);
    let entry = this.entries.get(key);
    if (!entry) {
      const tables = this.tablesOf(name);
      if (!tables) throw new Error(`${name} is not a read: only reads go through the query cache.`);
      entry = { key, name, args, tables: new Set(tables), state: LOADING, stale: true, inFlight: null, again: false, sentAt: 0, mounts: 0, listeners: new Set(), usedAt: 0 };
      this.entries.set(key, entry);
    }
    entry.usedAt = ++this.clock;
    return entry;
  }

  private publish(entry: Entry, state: Partial<QueryState>): void {
    entry.state = { ...entry.state, ...state };
    for (const listener of [...entry.listeners]) listener();
  }

  private fetch(entry: Entry): Promise<unknown> {
    if (entry.inFlight) return entry.inFlight;
    entry.again = false;
    entry.sentAt = ++this.sends;
    if (!entry.state.loading) this.publish(entry, { loading: true });
    const epoch = this.epoch;
    const run = this.fetcher(entry.name, entry.args).then(
      (data) => {
        entry.inFlight = null;
        if (epoch !== this.epoch) {
          this.settle(entry);
          return data;
        }
        entry.stale = false;
        this.publish(entry, { data: shareEqual(entry.state.data, data), error: undefined, loading: false });
        this.settle(entry);
        return data;
      },
      (error: unknown) => {
        entry.inFlight = null;
        entry.stale = true;
        this.publish(entry, { error, loading: false });
        throw error;
      },
    );
    entry.inFlight = run;
    // A failure reaches whoever awaits the read; a view sees it in its state.
    run.catch(() => undefined);
    return run;
  }

  /** After a fetch: one more if a write landed meanwhile and a view still shows it. */
  private settle(entry: Entry): void {
    if (!entry.again) return;
    entry.again = false;
    if (entry.mounts > 0) void this.fetch(entry).catch(() => undefined);
    else entry.stale = true;
  }

  /** What a view shows for a read; a read never asked for is loading. */
  snapshot(name: string, args: unknown): QueryState {
    return this.entries.get(stableKey(name, args))?.state ?? LOADING;
  }

  /** The data held for a read, fresh or not, without fetching. */
  peek<T>(name: string, args: unknown): T | undefined {
    return this.entries.get(stableKey(name, args))?.state.data as T | undefined;
  }

  /**
   * A view shows this read: fetched if it has no fresh answer, fetched again whenever a write
   * changes one of its tables, until the returned function says the view is gone.
   */
  mount(name: string, args: unknown, listener: () => void): () => void {
    const entry = this.entry(name, args);
    entry.mounts++;
    entry.listeners.add(listener);
    if (entry.stale && !entry.inFlight) void this.fetch(entry).catch(() => undefined);
    return () => {
      entry.mounts--;
      entry.listeners.delete(listener);
      if (entry.mounts === 0) this.trim();
    };
  }

  /** The answer to a read: the fresh one held, or the one fetched now (joined if already under way). */
  read<T>(name: string, args: unknown): Promise<T> {
    const entry = this.entry(name, args);
    if (!entry.stale && !entry.inFlight && entry.state.error === undefined) return Promise.resolve(entry.state.data as T);
    return this.fetch(entry) as Promise<T>;
  }

  /**
   * Puts what a write answered in place of a read's data (a coding's segment into its document's
   * list), so that it needs no fetch. `update` gets the data held (undefined if none) and returns
   * the new data, or undefined to leave the read alone. Returns the read's key when it was set, for
   * `invalidate` to spare it.
   */
  seed<T>(name: string, args: unknown, update: (data: T | undefined) => T | undefined): string | null {
    const key = stableKey(name, args);
    const held = this.entries.get(key);
    const next = update(held?.state.data as T | undefined);
    if (next === undefined) return null;
    const entry = held ?? this.entry(name, args);
    entry.stale = false;
    this.publish(entry, { data: next, error: undefined, loading: entry.inFlight !== null });
    return key;
  }

  /**
   * A write changed these tables (null: unknown, so everything): each read of one of them is
   * fetched again if shown, else marked stale. Reads in `spared` got the new state from the write.
   * Idempotent: a second notice of the same write costs at most a fetch already under way.
   */
  invalidate(tables: readonly TableName[] | null, spared: ReadonlySet<string> = new Set(), since = Infinity): Promise<void> {
    const fetches: Promise<unknown>[] = [];
    for (const entry of this.entries.values()) {
      if (spared.has(entry.key)) continue;
      // Sent after the write's reply came (a view it opened): the core answers it after the write.
      if (entry.sentAt > since) {
        if (entry.inFlight) fetches.push(entry.inFlight);
        continue;
      }
      if (tables && !tables.some((t) => entry.tables.has(t))) continue;
      if (entry.inFlight) {
        entry.again = true;
        fetches.push(entry.inFlight);
      } else if (entry.mounts > 0) {
        fetches.push(this.fetch(entry));
      } else {
        entry.stale = true;
      }
    }
    // Settled when the views show the write: the fetches it caused have answered (or failed).
    return Promise.allSettled(fetches).then(() => undefined);
  }

  /** Another project: nothing held answers for it. Views still shown fetch again. */
  reset(): void {
    this.epoch++;
    for (const entry of [...this.entries.values()]) {
      if (entry.mounts === 0) {
        this.entries.delete(entry.key);
        continue;
      }
      entry.stale = true;
      this.publish(entry, { data: undefined, error: undefined, loading: true });
      if (entry.inFlight) entry.again = true;
      else void this.fetch(entry).catch(() => undefined);
    }
  }

  /** Drops the least recently used unmounted entries beyond what is kept. */
  private trim(): void {
    const unmounted = [...this.entries.values()].filter((e) => e.mounts === 0);
    if (unmounted.length <= KEEP_UNMOUNTED) return;
    unmounted.sort((a, b) => a.usedAt - b.usedAt);
    for (const entry of unmounted.slice(0, unmounted.length - KEEP_UNMOUNTED)) {
      if (!entry.inFlight) this.entries.delete(entry.key);
    }
  }
}
