import { closeSync, existsSync, linkSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DuidingError, isDuidingError } from '../../../shared/errors.ts';
import { installTriggers, triggersCurrent } from '../history/triggers.ts';
import { removeStaleTemps, tempPathFor } from '../files/temp-files.ts';
import { DECLARED_WRITES, loadMigrations, migrate, type Migration } from './migrations.ts';
import { damagedProject, explainStorageError } from './storage-errors.ts';

/** `PRAGMA application_id` of every Duiding project: "DUID". Tells our files from other SQLite files. */
export const APPLICATION_ID = 0x44554944;
export const PROJECT_EXTENSION = '.duiding';

export type Db = Database.Database;

export interface OpenOptions {
  readOnly?: boolean;
  migrations?: Migration[];
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** This laptop's key for the coders table (tests: two laptops in one process); default laptopKey(). */
  laptop?: string;
}

let cachedMigrations: Migration[] | null = null;
function defaultMigrations(): Migration[] {
  cachedMigrations ??= loadMigrations();
  return cachedMigrations;
}

function sqliteHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

const STATEMENT_CACHE_SIZE = 512;

/**
 * The repositories call `db.prepare(sql)` where they need a statement, which keeps SQL next to its
 * use; compiling it again on every call cost an eighth of a REFI-QDA import and part of every
 * keypress. So `prepare` answers from a cache keyed by the SQL text. A cached statement is handed out
 * with its modes reset (raw, pluck, expand are per-statement state a caller may have switched on), and
 * the cache is emptied when it fills, which bounds it even if some SQL were built from values.
 */
function cacheStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      return statement;
    }
    statement = compile(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
    cache.set(sql, statement);
    return statement;
  }) as Db['prepare'];
}

function configure(db: Db, readOnly: boolean): void {
  cacheStatements(db);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!readOnly) {
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: durable at each checkpoint, a crash loses at most the last transactions, never
    // corrupts. Each import is its own transaction.
    db.pragma('synchronous = NORMAL');
  }
}

const exists = (name: string) => new DuidingError(`${name} already exists; choose another name or open it.`, 'input', { code: 'exists', params: { file: name } });

export function removeWithSidecars(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Creates a new, empty project file. Refuses to overwrite anything. The file is built under a
 * temporary name and linked to its own name only when complete (a link, unlike a rename, never
 * replaces a file made meanwhile): a full disk or a kill half-way used to leave a 0-byte project
 * that then "already existed".
 */
export function createDatabase(path: string, options: OpenOptions = {}): Db {
  const name = basename(path);
  if (existsSync(path)) throw exists(name);
  removeStaleTemps(dirname(path));
  const temp = tempPathFor(path);
  try {
    const db = new Database(temp, { nativeBinding: options.nativeBinding });
    try {
      configure(db, false);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db, options.migrations ?? defaultMigrations());
    } finally {
      db.close();
    }
    try {
      linkSync(temp, path);
    } catch (error) {
      // FAT and exFAT (USB sticks) have no hard links: check, then rename.
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      if (existsSync(path)) throw exists(name);
      renameSync(temp, path);
    }
  } catch (error) {
    removeWithSidecars(temp);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw exists(name);
    throw explainStorageError(error, path) ?? (isDuidingError(error) ? error : new DuidingError(`Cannot create ${name}: ${(error as Error).message}`));
  }
  removeWithSidecars(temp);
  return openDatabase(path, options);
}

/**
 * Opens an existing project. Refuses, with a message naming the file: a missing file, a file that
 * is not SQLite, a SQLite file that is not a Duiding project, and a project made by a newer Duiding.
 * A writable open applies pending migrations (all in one transaction).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const name = basename(path);
  const readOnly = options.readOnly ?? false;
  if (!existsSync(path)) throw new DuidingError(`${name} does not exist.`);
  if (!statSync(path).isFile()) throw new DuidingError(`${name} is not a file.`);
  const header = sqliteHeader(path);
  if (header.length > 0 && header.length < 16 && 'SQLite format 3\u0000'.startsWith(header)) throw damagedProject(name, `it is cut off after ${header.length} bytes`);
  if (header !== 'SQLite format 3\u0000') {
    throw new DuidingError(`${name} is not a Duiding project (it is not an SQLite database).`, 'input', { code: 'notProject', params: { file: name } });
  }
  if (!readOnly) removeStaleTemps(dirname(path));
  let db: Db;
  try {
    db = new Database(path, { readonly: readOnly, fileMustExist: true, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw explainStorageError(error, path) ?? new DuidingError(`Cannot open ${name}: ${(error as Error).message}`);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      throw new DuidingError(`${name} is not a Duiding project (it is an SQLite database of another program).`, 'input', {
        code: 'notProject',
        params: { file: name },
      });
    }
    const migrations = options.migrations ?? defaultMigrations();
    const latest = migrations.length;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      throw new DuidingError(
        `${name} was made by a newer version of Duiding (project format ${version}; this version reads up to ${latest}). ` +
          `Update Duiding to open it.`,
        'input',
        { code: 'newer', params: { file: name } },
      );
    }
    configure(db, readOnly);
    if (version < latest) {
      if (readOnly) {
        throw new DuidingError(
          `${name} uses an older project format (${version}; current ${latest}). Open it once for writing to upgrade it.`,
        );
      }
      migrate(db, migrations);
    } else if (!readOnly && version >= DECLARED_WRITES && !triggersCurrent(db)) {
      // Made by a version that generated other triggers (a column or table since added to the history).
      db.transaction(() => installTriggers(db))();
    }
    return db;
  } catch (error) {
    db.close();
    throw explainStorageError(error, path) ?? error;
  }
}
