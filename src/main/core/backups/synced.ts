import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StorageWarning } from '../../../shared/protect.ts';

/**
 * A project in a folder that a sync service keeps (OneDrive, Dropbox, Google Drive, iCloud) or on a
 * network drive: the service may copy the file half-written, or without its `-wal`, and put a stale
 * copy back (MAXQDA's FAQ warns against both). Recognised by the folder names the services use, and
 * on Linux by the file system of the mount that holds it.
 */
const SYNC_FOLDERS: Array<[RegExp, string]> = [
  [/(^|[/\\])OneDrive( - [^/\\]+)?([/\\]|$)/i, 'OneDrive'],
  [/(^|[/\\])Dropbox( \([^/\\]+\))?([/\\]|$)/i, 'Dropbox'],
  [/(^|[/\\])(Google Drive|GoogleDrive|My Drive|Mijn Drive)([/\\]|$)/i, 'Google Drive'],
  [/(^|[/\\])(iCloud Drive|iCloudDrive|Mobile Documents)([/\\]|$)/i, 'iCloud'],
  [/[/\\]Library[/\\]CloudStorage[/\\]/i, 'a cloud storage folder'],
];

const NETWORK_FILE_SYSTEMS = /^(nfs4?|cifs|smb3?|smbfs|afpfs|9p|fuse\.sshfs|sshfs|davfs|fuse\.davfs2?|fuse\.rclone|ncpfs)$/;

/** The mount holding `path` on Linux (the longest mount point that is a prefix), from /proc/mounts. */
function mountType(path: string, mounts: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [, point, type] = line.split(' ');
    if (!point || !type) continue;
    const unescaped = point.replace(/\\040/g, ' ');
    if ((path === unescaped || path.startsWith(unescaped.endsWith('/') ? unescaped : `${unescaped}/`)) && (!best || unescaped.length > best.point.length)) best = { point: unescaped, type };
  }
  return best?.type ?? null;
}

export function storageWarning(path: string, platform: NodeJS.Platform = process.platform, mounts?: string): StorageWarning | null {
  const full = resolve(path);
  for (const [pattern, service] of SYNC_FOLDERS) if (pattern.test(full)) return { kind: 'synced', service };
  if (platform === 'win32' && /^\\\\/.test(path)) return { kind: 'network', service: 'a network share' };
  if (platform === 'linux') {
    let table = mounts;
    if (table === undefined) {
      try {
        table = readFileSync('/proc/mounts', 'utf8');
      } catch {
        return null;
      }
    }
    const type = mountType(full, table);
    if (type && NETWORK_FILE_SYSTEMS.test(type)) return { kind: 'network', service: type };
  }
  return null;
}
