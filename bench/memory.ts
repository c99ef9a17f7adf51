import { readFileSync } from 'node:fs';

/**
 * Peak resident memory (VmHWM) of a process in MB, from /proc; null where there is no /proc
 * (macOS, Windows) or the process is gone.
 */
export function peakRssMB(pid: number | 'self'): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}
