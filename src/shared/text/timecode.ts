/**
 * Timecodes as transcripts write them: `M:SS`, `MM:SS`, `H:MM:SS`, `HH:MM:SS`, each optionally with
 * `.mmm` or `,mmm`. Two parts are minutes and seconds; three are hours, minutes, seconds.
 */
export const TIMECODE_SOURCE = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

const TIMECODE = new RegExp(String.raw`^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?$`);

export function parseTimecode(value: string): number | null {
  const m = TIMECODE.exec(value.trim());
  if (!m) return null;
  const [, a, b, c, frac] = m;
  const hours = c === undefined ? 0 : Number(a);
  const minutes = c === undefined ? Number(a) : Number(b);
  const seconds = c === undefined ? Number(b) : Number(c);
  if (minutes > 59 || seconds > 59) return null;
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

/** `H:MM:SS` from one hour on, `M:SS` before: how researchers quote interview times. */
export function formatTimecode(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
