import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { DuidingError } from '../../../shared/errors.ts';

/**
 * The single-writer lock: a sidecar file `<project>.lock` holding which process writes. Readers never
 * take it. A lock left by a process that is gone (same computer, pid not alive) is taken over with a
 * notice; any other holder makes a write refuse with a message that says where it is held.
 *
 * It holds no more than that needs (issue 24: in a synced folder the lock is visible to others): the
 * process id, when, and the computer as a hash of its name — enough to tell "this computer" from
 * another, without the user's or the computer's name. Locks of older versions (with `user` and a
 * plain host name) are still read.
 */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** This computer as the lock names it: a hash of its name, never the name. */
export function hostKey(name = hostname()): string {
  return `sha256:${createHash('sha256').update(`duiding-lock\u0000${name}`).digest('hex').slice(0, 16)}`;
}

const sameHost = (host: string) => host === hostKey() || host === hostname();

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
    return { pid: holder.pid, host: holder.host, since: String(holder.since ?? '?') };
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
  return `another Duiding (process ${holder.pid} ${sameHost(holder.host) ? 'on this computer' : 'on another computer'}, since ${holder.since})`;
}

export function acquireWriteLock(projectPath: string, name: string): WriteLock {
  const path = lockPathFor(projectPath);
  const me: LockHolder = { pid: process.pid, host: hostKey(), since: new Date().toISOString() };
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
    if (holder && holder.pid === me.pid && sameHost(holder.host)) {
      throw new DuidingError(`${name} is already open for writing in this process.`, 'locked');
    }
    if (holder && (!sameHost(holder.host) || processAlive(holder.pid))) {
      throw new DuidingError(
        `${name} is open for writing by ${describeHolder(holder)}. Close it there first; ` +
          `read-only commands (info, search) still work.`,
        'locked',
        { code: 'locked', params: { file: name, since: holder.since } },
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
