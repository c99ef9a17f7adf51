import { EventEmitter } from 'node:events';
import { basename } from 'node:path';
import { DuidingError } from '../../shared/errors.ts';
import { newId, now } from './clock.ts';
import { acquireWriteLock, type WriteLock } from './db/lock.ts';
import { createDatabase, openDatabase, type Db, type OpenOptions } from './db/database.ts';
import { insertChange } from './repos/changes.ts';
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

  private constructor(
    readonly db: Db,
    readonly path: string,
    readonly coder: string,
    private readonly lock: WriteLock | null,
  ) {
    if (lock?.notice) this.notices.push(lock.notice);
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

  write<T>(action: string, fn: () => WriteResult<T>): T {
    if (this.closed) throw new DuidingError(`${this.name} is closed.`);
    if (!this.lock) {
      throw new DuidingError(`${this.name} is open read-only; this action needs it open for writing.`, 'locked');
    }
    let event: ChangeEvent | null = null;
    const result = this.db.transaction(() => {
      const outcome = fn();
      const id = insertChange(this.db, {
        at: now(),
        coder: this.coder,
        action,
        summary: outcome.summary,
        detail: outcome.detail === undefined ? null : JSON.stringify(outcome.detail),
      });
      event = { id, action, summary: outcome.summary };
      return outcome.result;
    })();
    if (event) this.events.emit('change', event);
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
