import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Temporary files that Duiding writes beside their target (an export before its rename, a new
 * project before it is complete) carry a recognisable name: `.NAME.PID-RANDOM.duiding-tmp`, and
 * SQLite's `-wal`, `-shm` or our `.lock` after it. A process killed mid-write leaves one behind,
 * with a whole export or half a project in it; the next Duiding that writes into that folder
 * removes those older than itself whose process is gone.
 */
const SUFFIX = '.duiding-tmp';
const STALE = /^\..+\.(\d+)-[0-9a-f]{12}\.duiding-tmp(?:-wal|-shm|-journal|\.lock)?$/;

/** Whether a path is such a temporary file (a project being built before it gets its name). */
export function isTempPath(path: string): boolean {
  return basename(path).endsWith(SUFFIX);
}

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}${SUFFIX}`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const startedAt = Date.now() - process.uptime() * 1000;

/** Removes stale temporary files in `dir`; returns their names. Never throws: cleaning is a courtesy. */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = STALE.exec(name);
    if (!match || alive(Number(match[1]))) continue;
    const path = join(dir, name);
    try {
      if (statSync(path).mtimeMs >= startedAt) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
