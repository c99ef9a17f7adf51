import { EventEmitter } from 'node:events';
import { basename } from 'node:path';
import { DuidingError } from '../../shared/errors.ts';
import { newId, now } from './clock.ts';
import { acquireWriteLock, type WriteLock } from './db/lock.ts';
import { createDatabase, openDatabase, type Db, type OpenOptions } from './db/database.ts';
import { beginChange, changeSummary, endChange, replayChange } from './repos/history.ts';
import { readMeta, writeMeta } from './repos/meta.ts';

export interface ChangeEvent {
  id: number;
  action: string;
  summary: string;
}

export interface WriteResult<T> {
  result: T;
  /** One line for the change log and the audit trail; never a real name (pseudonyms only). */
  summary: string;
  detail?: unknown;
}

/**
 * An open project file. All writes go through `write`: one transaction, one change-log entry, one
 * change event. Opened read-only, it takes no lock and refuses writes.
 */
export class Project {
  readonly events = new EventEmitter<{ change: [ChangeEvent] }>();
  /** Set when opening took over a stale lock; the host shows it once. */
  readonly notices: string[] = [];
  private closed = false;
  private readonly undoStack: number[] = [];
  private readonly redoStack: number[] = [];
  private lastEvent: ChangeEvent | null = null;

  private constructor(
    readonly db: Db,
    readonly path: string,
    private coderName: string,
    private readonly lock: WriteLock | null,
  ) {
    if (lock?.notice) this.notices.push(lock.notice);
  }

  get coder(): string {
    return this.coderName;
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
    try {
      const db = createDatabase(path, options);
      const project = new Project(db, path, options.coder, lock);
      const title = options.title ?? basename(path).replace(/\.duiding$/i, '');
      project.write('project/create', () => {
        writeMeta(db, { id: newId(), title, createdAt: now(), createdBy: options.coder });
        return { result: null, summary: `Created project "${title}"` };
      });
      return project;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  static open(path: string, options: { readOnly?: boolean; coder: string } & OpenOptions): Project {
    const readOnly = options.readOnly ?? false;
    // Check the file before locking: a refused file must not be left with a lock beside it.
    const db = openDatabase(path, options);
    if (readOnly) return new Project(db, path, options.coder, null);
    let lock: WriteLock;
    try {
      lock = acquireWriteLock(path, basename(path));
    } catch (error) {
      db.close();
      throw error;
    }
    return new Project(db, path, options.coder, lock);
  }

  meta() {
    return readMeta(this.db);
  }

  /**
   * `undoable: false` marks a write that undo cannot take back because it also writes rows without
   * history (documents, turns, participants) — a REFI-QDA project import. It becomes the session's
   * new baseline: it is no undo step itself, and the steps before it can no longer be undone either,
   * since undoing them past it could leave its rows pointing at nothing.
   */
  write<T>(action: string, fn: () => WriteResult<T>, options: { undoable?: boolean } = {}): T {
    if (this.closed) throw new DuidingError(`${this.name} is closed.`);
    if (!this.lock) {
      throw new DuidingError(`${this.name} is open read-only; this action needs it open for writing.`, 'locked');
    }
    return this.record(action, fn, {}, options.undoable ?? true);
  }

  /** Undoes the latest undoable write of this session; null when there is nothing to undo. */
  undo(): ChangeEvent | null {
    const id = this.undoStack[this.undoStack.length - 1];
    if (id === undefined) return null;
    const summary = changeSummary(this.db, id);
    this.record('history/undo', () => {
      replayChange(this.db, id, 'backward');
      return { result: null, summary: `Undo: ${summary}` };
    }, { undoOf: id });
    this.undoStack.pop();
    this.redoStack.push(id);
    return this.lastEvent;
  }

  /** Redoes the latest undone write; null when there is nothing to redo. */
  redo(): ChangeEvent | null {
    const id = this.redoStack[this.redoStack.length - 1];
    if (id === undefined) return null;
    const summary = changeSummary(this.db, id);
    this.record('history/redo', () => {
      replayChange(this.db, id, 'forward');
      return { result: null, summary };
    }, { redoOf: id });
    this.redoStack.pop();
    // Undoing the redo replays the redo's own rows backwards.
    this.undoStack.push(this.lastEvent!.id);
    return this.lastEvent;
  }

  get history(): { canUndo: boolean; canRedo: boolean } {
    return { canUndo: this.undoStack.length > 0, canRedo: this.redoStack.length > 0 };
  }

  private record<T>(action: string, fn: () => WriteResult<T>, links: { undoOf?: number; redoOf?: number }, undoable = true): T {
    if (this.closed) throw new DuidingError(`${this.name} is closed.`);
    if (!this.lock) {
      throw new DuidingError(`${this.name} is open read-only; this action needs it open for writing.`, 'locked');
    }
    let event: ChangeEvent | null = null;
    let tracked = 0;
    const result = this.db.transaction(() => {
      const id = beginChange(this.db, { at: now(), coder: this.coderName, action });
      const outcome = fn();
      tracked = endChange(this.db, id, outcome.summary, outcome.detail === undefined ? null : JSON.stringify(outcome.detail), links);
      event = { id, action, summary: outcome.summary };
      return outcome.result;
    })();
    if (event) {
      this.lastEvent = event;
      // Writes that changed tracked rows are one undo step each; a new one ends what redo could bring back.
      if (!undoable) {
        this.undoStack.length = 0;
        this.redoStack.length = 0;
      } else if (!links.undoOf && !links.redoOf && tracked > 0) {
        this.undoStack.push((event as ChangeEvent).id);
        this.redoStack.length = 0;
      }
      this.events.emit('change', event);
    }
    return result;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      // Leave one self-contained file behind (no -wal/-shm beside it) so that a researcher can copy,
      // back up or mail the project as it is. Fails harmlessly while a reader still has it open.
      if (this.lock) this.db.pragma('journal_mode = DELETE');
    } catch {
      // A reader holds it: WAL stays until the next writer closes.
    } finally {
      this.db.close();
      this.lock?.release();
    }
  }
}
