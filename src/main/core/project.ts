import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { basename } from 'node:path';
import { DuidingError } from '../../shared/errors.ts';
import { newId, now } from './clock.ts';
import { acquireWriteLock, type WriteLock } from './db/lock.ts';
import { createDatabase, openDatabase, removeWithSidecars, type Db, type OpenOptions } from './db/database.ts';
import { idleCheckpoints, type IdleCheckpoints } from './db/checkpoints.ts';
import type { ChangeNotice, HandlerKind, TableName } from '../../shared/api/changes.ts';
import { appendPurgeEntry, beginChange, changeSummary, endChange, pruneHistory, replayChange, type ChangeKind } from './history/log.ts';
import { compactAfterClose, purgeSearchIndex } from './history/purge.ts';
import { readMeta, writeMeta } from './db/meta.ts';
import { cancelAll, cancelled, checkpoint } from './tasks.ts';
import { ensureCoder, laptopKey } from './coders/service.ts';

/** A write that happened (the reply of a write and the change event carry it). */
export type ChangeEvent = ChangeNotice;

export interface WriteResult<T> {
  result: T;
  /** One line for the change log and the audit trail; never a real name (pseudonyms only). */
  summary: string;
  detail?: unknown;
}

/** The write kinds a handler may declare; `project.write` runs under the running call's kind. */
export type WriteKind = 'undoable' | 'baseline' | 'purging';

/**
 * The call a host is running: its declared kind decides whether and how it may write. All the
 * writes of one call are one undo step and one change notice.
 */
interface Call {
  name: string;
  kind: HandlerKind;
  /** Tables a baseline write declared (its rows are not in the history). */
  declared: readonly TableName[];
  changes: number[];
  tables: Set<TableName>;
}

/** An undo step: the change-log entries of one call, undone together (latest first). */
type Step = {
  changes: number[];
  purging: boolean;
  /** Every entry that holds this step's rows: the write, and each undo and redo of it. */
  related: number[];
};

/**
 * An open project file. All writes go through `write`: one transaction, one change-log entry, one
 * change event. Opened read-only, it takes no lock and refuses writes.
 */
export class Project {
  /** `progress`: a long write's steps (pseudonymising a large corpus), for a host to show. */
  readonly events = new EventEmitter<{
    change: [ChangeEvent];
    progress: [{ action: string; done: number; total: number; item: string }];
    /** After a purge removed what purging writes removed (the backups made before it must go). */
    purged: [];
    /** Closing, after the last purge and before the file is closed: the last moment to read it. */
    closing: [];
    /**
     * Before a purge or a close: whatever reads the file beside this connection (a backup being made
     * in its thread) ends now, since a purge's checkpoint and a close's return to one file need it gone.
     */
    settle: [];
  }>();
  /** Set when opening took over a stale lock; the host shows it once. */
  readonly notices: string[] = [];
  private closed = false;
  private readonly undoStack: Step[] = [];
  private readonly redoStack: Step[] = [];
  /** Purging writes of this session that are in effect: their removed rows leave the file on close. */
  private readonly purging = new Set<number>();
  /**
   * The call running in this async context. Calls may overlap (an export awaits its writer while a
   * coding arrives), so each call keeps its own context rather than one field of the project.
   */
  private readonly calls = new AsyncLocalStorage<Call>();

  private get call(): Call | undefined {
    return this.calls.getStore();
  }

  /**
   * The long call running (see `run`): while it runs, other writes wait for it and other reads are
   * answered from `reader`, which sees the project as last committed.
   */
  private long: { call: Call; done: Promise<void>; inTransaction: boolean } | null = null;
  /** A second, read-only connection for reads during a long write; opened at the first such read. */
  private snapshotReader: Db | null = null;

  private constructor(
    private readonly writer: Db,
    readonly path: string,
    private coderName: string,
    private readonly lock: WriteLock | null,
    /** How the file was opened: a copy or backup is opened with the same driver build. */
    readonly openOptions: OpenOptions = {},
  ) {
    if (lock?.notice) this.notices.push(lock.notice);
    // The log is copied into the file while the researcher pauses, not inside their next write.
    this.checkpoints = lock ? idleCheckpoints(writer) : null;
    this.events.on('change', () => this.checkpoints?.written());
  }

  private readonly checkpoints: IdleCheckpoints | null;

  /**
   * The connection for the running call. A long write keeps its transaction open across turns of
   * the event loop: the calls answered meanwhile must not read its uncommitted rows (a cancelled
   * import would have shown documents that never were), so they read through a connection of their
   * own, which in WAL mode sees the last committed state.
   */
  get db(): Db {
    const long = this.long;
    if (!long?.inTransaction || this.closed) return this.writer;
    const running = this.call;
    if (running === long.call) return this.writer;
    if (running && running.kind !== 'read') throw new Error(`${running.name} ran during ${long.call.name} without waiting for it.`);
    this.snapshotReader ??= openDatabase(this.path, { ...this.openOptions, readOnly: true });
    return this.snapshotReader;
  }

  get coder(): string {
    return this.coderName;
  }

  /** This laptop, as the coders table knows it (a hash). */
  get laptop(): string {
    return this.openOptions.laptop ?? laptopKey();
  }

  /**
   * The coder key (id) the current coder writes under, made at their first write that needs one;
   * only inside a write. `codings.coder` holds it; `coder` is the display name.
   */
  coderKey(): string {
    return ensureCoder(this.db, this.coderName, this.laptop, now());
  }

  setCoder(name: string): void {
    this.coderName = name;
  }

  get readOnly(): boolean {
    return this.lock === null;
  }

  get name(): string {
    return basename(this.path);
  }

  static create(path: string, options: { title?: string; coder: string } & OpenOptions): Project {
    const lock = acquireWriteLock(path, basename(path));
    let db: Db | null = null;
    try {
      db = createDatabase(path, options);
      const project = new Project(db, path, options.coder, lock, options);
      const title = options.title ?? basename(path).replace(/\.duiding$/i, '');
      project.write('project/create', () => {
        writeMeta(project.db, { id: newId(), title, createdAt: now(), createdBy: options.coder });
        return { result: null, summary: `Created project "${title}"` };
      }, { kind: 'baseline', tables: ['project_meta'] });
      return project;
    } catch (error) {
      // A project that could not be completed (a full disk at its first write) is not left behind.
      if (db) {
        db.close();
        removeWithSidecars(path);
      }
      lock.release();
      throw error;
    }
  }

  static open(path: string, options: { readOnly?: boolean; coder: string } & OpenOptions): Project {
    const readOnly = options.readOnly ?? false;
    // Check the file before locking: a refused file must not be left with a lock beside it.
    const db = openDatabase(path, options);
    if (readOnly) return new Project(db, path, options.coder, null, options);
    let lock: WriteLock;
    try {
      lock = acquireWriteLock(path, basename(path));
    } catch (error) {
      db.close();
      throw error;
    }
    return new Project(db, path, options.coder, lock, options);
  }

  meta() {
    return readMeta(this.db);
  }

  /**
   * Runs one handler call under its declared kind and answers its result with the notice of what it
   * changed (null when it changed nothing). A read or a session action that tries to write fails
   * (a programming error, caught by the undo test over every handler); every write of an undoable
   * call is one undo step, and the page receives one notice naming every table the call changed.
   */
  async run<T>(
    name: string,
    kind: HandlerKind,
    declared: readonly TableName[],
    fn: () => T | Promise<T>,
    options: { long?: boolean } = {},
  ): Promise<{ result: T; change: ChangeNotice | null }> {
    const call: Call = { name, kind, declared, changes: [], tables: new Set() };
    const writes = kind !== 'read' && kind !== 'session';
    // A write, or another long call, waits until the long call running has ended: a long write holds
    // its transaction open, and a long read (an export) must see one state from start to end.
    if (writes || options.long) while (this.long) await this.long.done;
    if (options.long) return this.runLong(call, writes, fn);
    let result: T;
    try {
      result = await this.calls.run(call, fn);
    } finally {
      this.finishCall(call);
    }
    return { result, change: this.noticeOf(call) };
  }

  /**
   * A long call: it may await between chunks of its work (see tasks.ts checkpoint), and reads of
   * other callers are answered meanwhile. A long write is one transaction however many writes it
   * makes (each a savepoint inside it): it commits whole, or, failed or cancelled, rolls back whole,
   * leaving the project exactly as it was.
   */
  private async runLong<T>(call: Call, writes: boolean, fn: () => T | Promise<T>): Promise<{ result: T; change: ChangeNotice | null }> {
    let release!: () => void;
    const long = { call, done: new Promise<void>((resolve) => (release = resolve)), inTransaction: false };
    this.long = long;
    let committed = false;
    try {
      // Open read-only, a long write may still answer without writing (a survey's --dry-run); its
      // first write is refused there (writeInChunks asserts it), naming the read-only project.
      if (writes && !this.readOnly) {
        this.writer.exec('BEGIN IMMEDIATE');
        long.inTransaction = true;
      }
      const result = await this.calls.run(call, fn);
      // One more turn for the callers waiting before the commit (itself a pause of its own on a slow disk).
      if (long.inTransaction) await this.calls.run(call, checkpoint);
      if (this.closed) throw cancelled(call.name);
      if (long.inTransaction) {
        this.writer.exec('COMMIT');
        long.inTransaction = false;
      }
      committed = true;
      return { result, change: this.noticeOf(call) };
    } finally {
      if (long.inTransaction) {
        long.inTransaction = false;
        if (!this.closed && this.writer.inTransaction) this.writer.exec('ROLLBACK');
      }
      this.long = null;
      release();
      // Rolled back, the call's change-log entries are gone: no undo step, no notice.
      if (committed) this.finishCall(call);
    }
  }

  /** The long call running, if any (its name): a session action that needs the project idle refuses by it. */
  get busyWith(): string | null {
    return this.long?.call.name ?? null;
  }

  private finishCall(call: Call): void {
    if (call.changes.length === 0) return;
    if (call.kind === 'history') {
      // Undo and redo keep the stacks themselves.
    } else if (call.kind === 'baseline') {
      this.undoStack.length = 0;
      this.redoStack.length = 0;
    } else if ((call.kind === 'undoable' || call.kind === 'purging') && call.tables.size > 0) {
      // A write that changed no row (a re-import of the same codebook) is no step: Ctrl+Z would seem to do nothing.
      this.undoStack.push({ changes: call.changes, purging: call.kind === 'purging', related: [...call.changes] });
      this.redoStack.length = 0;
      if (call.kind === 'purging') for (const id of call.changes) this.purging.add(id);
    }
    const notice = this.noticeOf(call)!;
    this.events.emit('change', notice);
  }

  private noticeOf(call: Call): ChangeNotice | null {
    const last = call.changes[call.changes.length - 1];
    if (last === undefined) return null;
    const tables = new Set<TableName>([...call.tables, 'change_log']);
    if (tables.has('turns')) tables.add('turns_fts');
    return {
      id: last,
      action: call.name,
      summary: changeSummary(this.writer, last),
      kind: call.kind === 'baseline' || call.kind === 'purging' ? call.kind : call.name === 'history/undo' ? 'undo' : call.name === 'history/redo' ? 'redo' : 'undoable',
      tables: [...tables].sort(),
    };
  }

  /**
   * Writes, in one transaction, with one change-log entry. Inside a handler call the call's declared
   * kind decides what the write is; outside one (project creation, tests, the benchmark's set-up) the
   * caller says so in `options.kind`, default an undoable step of its own.
   */
  write<T>(action: string, fn: () => WriteResult<T>, options: { kind?: WriteKind; tables?: readonly TableName[] } = {}): T {
    this.assertWritable();
    const running = this.call;
    if (running) {
      if (running.kind === 'read' || running.kind === 'session' || running.kind === 'history') {
        throw new Error(`${running.name} is declared as a ${running.kind === 'read' ? 'read' : running.kind === 'session' ? 'session action' : 'history step'} but wrote (${action}).`);
      }
      if (options.kind && options.kind !== running.kind) throw new Error(`${running.name} is declared ${running.kind} but wrote as ${options.kind} (${action}).`);
    }
    // Outside a handler call, a write is a call of its own.
    const call = running ?? { name: action, kind: options.kind ?? 'undoable', declared: options.tables ?? [], changes: [], tables: new Set<TableName>() };
    const { result, id, tables } = this.record(action, call.kind as WriteKind, fn, {}, call.declared);
    call.changes.push(id);
    for (const table of tables) call.tables.add(table);
    if (!running) this.finishCall(call);
    return result;
  }

  /**
   * A write of a long call that awaits between its chunks (`checkpoint()`), so that other callers
   * are answered meanwhile: still one change-log entry and one undo step. Only inside a long write,
   * whose transaction keeps it whole: nothing else writes until it ends, and a failure or Cancel
   * rolls it back with the rest of the call.
   */
  async writeInChunks<T>(action: string, fn: () => Promise<WriteResult<T>>, options: { kind?: WriteKind; tables?: readonly TableName[] } = {}): Promise<T> {
    this.assertWritable();
    const running = this.call;
    // Outside a handler call (tests, the benchmark's set-up), a long write of its own.
    if (!running) return (await this.run(action, options.kind ?? 'undoable', options.tables ?? [], () => this.writeInChunks(action, fn), { long: true })).result;
    if (options.kind && options.kind !== running.kind) throw new Error(`${running.name} is declared ${running.kind} but wrote as ${options.kind} (${action}).`);
    if (this.long?.call !== running || !this.long.inTransaction) throw new Error(`${action} writes in chunks outside a long write (LONG_CALLS).`);
    const kind = running.kind as WriteKind;
    const db = this.writer;
    db.exec('SAVEPOINT chunked_write');
    try {
      const id = beginChange(db, { at: now(), coder: this.coderName, action, kind });
      const outcome = await fn();
      const tables = endChange(db, id, outcome.summary, outcome.detail === undefined ? null : JSON.stringify(outcome.detail), {}, kind === 'baseline' ? running.declared : []);
      db.exec('RELEASE chunked_write');
      running.changes.push(id);
      for (const table of tables) running.tables.add(table);
      return outcome.result;
    } catch (error) {
      if (!this.closed && db.inTransaction) db.exec('ROLLBACK TO chunked_write; RELEASE chunked_write');
      throw error;
    }
  }

  /** Undoes the latest undo step of this session (all the writes of one call); null when there is nothing to undo. */
  undo(): ChangeEvent | null {
    const step = this.undoStack[this.undoStack.length - 1];
    if (step === undefined) return null;
    const notice = this.replay('history/undo', step, 'backward');
    this.undoStack.pop();
    this.redoStack.push({ changes: notice.changes, purging: step.purging, related: [...step.related, ...notice.changes] });
    // Undone, a purging write removed nothing: its rows are back in the live tables.
    for (const id of step.related) this.purging.delete(id);
    return notice.event;
  }

  /** Redoes the latest undone step; null when there is nothing to redo. */
  redo(): ChangeEvent | null {
    const step = this.redoStack[this.redoStack.length - 1];
    if (step === undefined) return null;
    // The redo stack holds the undo's own entries: redoing replays them backwards, which puts back
    // what the undo took away (and is itself undone by replaying the redo's rows backwards).
    const notice = this.replay('history/redo', step, 'backward');
    this.redoStack.pop();
    const related = [...step.related, ...notice.changes];
    this.undoStack.push({ changes: notice.changes, purging: step.purging, related });
    if (step.purging) for (const id of related) this.purging.add(id);
    return notice.event;
  }

  private replay(action: 'history/undo' | 'history/redo', step: Step, direction: 'backward' | 'forward'): { event: ChangeEvent; changes: number[] } {
    this.assertWritable();
    const latest = step.changes[step.changes.length - 1]!;
    const summary = changeSummary(this.writer, latest);
    const call = this.call ?? { name: action, kind: 'history' as const, declared: [], changes: [], tables: new Set<TableName>() };
    const { id, tables } = this.record(action, action === 'history/undo' ? 'undo' : 'redo', () => {
      for (const change of [...step.changes].reverse()) replayChange(this.writer, change, direction);
      return { result: null, summary: action === 'history/undo' ? `Undo: ${summary}` : summary.replace(/^Undo: /, '') };
    }, action === 'history/undo' ? { undoOf: latest } : { redoOf: latest });
    call.changes.push(id);
    for (const table of tables) call.tables.add(table);
    const event = this.noticeOf(call)!;
    if (call !== this.call) this.finishCall(call);
    return { event, changes: [id] };
  }

  get history(): { canUndo: boolean; canRedo: boolean } {
    return { canUndo: this.undoStack.length > 0, canRedo: this.redoStack.length > 0 };
  }

  private assertWritable(): void {
    if (this.closed) throw new DuidingError(`${this.name} is closed.`);
    if (!this.lock) {
      throw new DuidingError(`${this.name} is open read-only; this action needs it open for writing.`, 'locked');
    }
  }

  private record<T>(
    action: string,
    kind: ChangeKind,
    fn: () => WriteResult<T>,
    links: { undoOf?: number; redoOf?: number },
    declared: readonly TableName[] = [],
  ): { result: T; id: number; tables: TableName[] } {
    let id = 0;
    let tables: TableName[] = [];
    const result = this.writer.transaction(() => {
      id = beginChange(this.writer, { at: now(), coder: this.coderName, action, kind });
      const outcome = fn();
      tables = endChange(this.writer, id, outcome.summary, outcome.detail === undefined ? null : JSON.stringify(outcome.detail), links, kind === 'baseline' ? declared : []);
      return outcome.result;
    })();
    return { result, id, tables };
  }

  /**
   * Ends the session's history: every row image leaves the file (undo and redo serve a session only;
   * the entries stay, with the tables each write changed). After a purging write, what it removed goes
   * for good: `secure_delete` zeroes the freed pages, the search index is rebuilt without the removed
   * words, and the file is vacuumed. Runs on close, and on "Purge now"; nothing before it can be undone.
   */
  purge(): void {
    if (!this.lock) return;
    if (this.long) throw new DuidingError(`${this.name} is busy with ${this.long.call.name}: wait for it to finish, or cancel it, and purge then.`, 'usage');
    const purging = this.purging.size > 0;
    if (purging) this.events.emit('settle');
    if (purging) this.writer.pragma('secure_delete = ON');
    this.writer.transaction(() => {
      pruneHistory(this.writer);
      if (purging) {
        purgeSearchIndex(this.writer);
        // The audit says that stored values were rewritten and removed, and by whom (issue 24).
        appendPurgeEntry(this.writer, {
          at: now(),
          coder: this.coderName,
          summary: 'Purged from the file what the purging writes of this session removed (row images dropped, search index rebuilt, free pages zeroed)',
          detail: { changes: [...this.purging].sort((a, b) => a - b) },
        });
      }
    })();
    if (purging) {
      this.writer.exec('VACUUM');
      // The vacuumed pages pass through the -wal: checkpointed and truncated, no old page stays beside the file.
      this.writer.pragma('wal_checkpoint(TRUNCATE)');
    }
    this.purging.clear();
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    if (purging) this.events.emit('purged');
  }

  /** Whether a purging write of this session is in effect: what it removed is still in the file until the purge. */
  get purgePending(): boolean {
    return this.purging.size > 0;
  }

  close(): void {
    if (this.closed) return;
    // A long call still running is cancelled: its transaction is rolled back here, and the call ends
    // at its next checkpoint (finding the project closed).
    if (this.long) {
      cancelAll();
      if (this.long.inTransaction && this.writer.inTransaction) this.writer.exec('ROLLBACK');
      this.long.inTransaction = false;
    }
    this.events.emit('settle');
    this.checkpoints?.stop();
    this.closed = true;
    this.snapshotReader?.close();
    this.snapshotReader = null;
    try {
      this.purge();
      if (this.lock) compactAfterClose(this.writer);
      if (this.lock) this.events.emit('closing');
      // Leave one self-contained file behind (no -wal/-shm beside it) so that a researcher can copy,
      // back up or mail the project as it is. Fails harmlessly while a reader still has it open.
      if (this.lock) this.writer.pragma('journal_mode = DELETE');
    } catch {
      // A reader holds it: WAL stays until the next writer closes.
    } finally {
      this.writer.close();
      this.lock?.release();
    }
  }
}
