import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { DuidingError } from '../../../shared/errors.ts';

/**
 * The single-writer lock: a sidecar file `<project>.lock` holding who writes. Readers never take it.
 * A lock left by a process that is gone (same host, pid not alive) is taken over with a notice; any
 * other holder makes a write refuse with a message that names the holder.
 */
export interface LockHolder {
  pid: number;
  host: string;
  user: string;
  since: string;
}

export interface WriteLock {
  path: string;
  holder: LockHolder;
  /** Set when a stale lock was taken over; the caller shows it to the user. */
  notice: string | null;
  release(): void;
}

export function lockPathFor(projectPath: string): string {
  return `${projectPath}.lock`;
}

export function readLock(projectPath: string): LockHolder | null {
  return readLockFile(lockPathFor(projectPath));
}

function readLockFile(path: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof holder.pid !== 'number' || typeof holder.host !== 'string') return null;
    return { pid: holder.pid, host: holder.host, user: String(holder.user ?? '?'), since: String(holder.since ?? '?') };
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function describeHolder(holder: LockHolder): string {
  return `${holder.user} (process ${holder.pid} on ${holder.host}, since ${holder.since})`;
}

export function acquireWriteLock(projectPath: string, name: string): WriteLock {
  const path = lockPathFor(projectPath);
  const me: LockHolder = { pid: process.pid, host: hostname(), user: userInfo().username, since: new Date().toISOString() };
  let notice: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return makeLock(path, me, notice);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(projectPath);
    if (holder && holder.pid === me.pid && holder.host === me.host) {
      throw new DuidingError(`${name} is already open for writing in this process.`, 'locked');
    }
    if (holder && (holder.host !== me.host || processAlive(holder.pid))) {
      throw new DuidingError(
        `${name} is open for writing by ${describeHolder(holder)}. Close it there first; ` +
          `read-only commands (info, search) still work.`,
        'locked',
        { code: 'locked', params: { file: name, user: holder.user, host: holder.host } },
      );
    }
    notice = holder
      ? `Took over a stale lock on ${name}: ${describeHolder(holder)} is no longer running.`
      : `Took over an unreadable lock file on ${name}.`;
    rmSync(path, { force: true });
  }
  throw new DuidingError(`Could not lock ${name} for writing: another process keeps taking the lock.`, 'locked');
}

function makeLock(path: string, holder: LockHolder, notice: string | null): WriteLock {
  let released = false;
  return {
    path,
    holder,
    notice,
    release() {
      if (released) return;
      released = true;
      const current = readLockFile(path);
      // Only remove a lock that is still ours.
      if (current && current.pid === holder.pid && current.host === holder.host && current.since === holder.since) {
        rmSync(path, { force: true });
      }
    },
  };
}
