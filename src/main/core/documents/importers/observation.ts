import type { SourceLine } from './line-transcript.ts';
import type { RawTurn } from './turn-builder.ts';

/**
 * Observation notes: a file of dated entries ("12/05/2021 — De sessie start …", "maandag 12 mei
 * 2021", "May 12, 2021:"), written by the researcher. Each entry becomes a section of the document
 * (an interview-guide section titled with its date as written), its paragraphs turns without a
 * speaker; the date itself is the section's title, not text to code.
 */

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, february: 2,
  maart: 3, mrt: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  augustus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, october: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};
const MONTH = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const WEEKDAY =
  '(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\.?,?\\s+';
const TIME = '(?:,?\\s*(?:om\\s+|at\\s+)?\\d{1,2}[:.u]\\d{2}(?:\\s*(?:uur|u|h|am|pm))?)?';
const DATE_FORMS = [
  // 12/05/2021, 12-5-21, 12.05.2021
  `(?<d1>\\d{1,2})[/.-](?<m1>\\d{1,2})[/.-](?<y1>\\d{4}|\\d{2})`,
  // 2021-05-12
  `(?<y2>\\d{4})-(?<m2>\\d{1,2})-(?<d2>\\d{1,2})`,
  // 12 mei 2021, 12th May 2021, 1ste juni 2021
  `(?<d3>\\d{1,2})(?:st|nd|rd|th|ste|de|e)?\\s+(?<m3>${MONTH})\\.?,?\\s+(?<y3>\\d{4})`,
  // May 12, 2021
  `(?<m4>${MONTH})\\.?\\s+(?<d4>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y4>\\d{4})`,
];
/** A line that opens an entry: a date (after an optional weekday), an optional time, then a separator or the end of the line. */
const ENTRY = new RegExp(`^\\s*(?<date>(?:${WEEKDAY})?(?:${DATE_FORMS.join('|')})${TIME})\\s*(?:[—–:|-]+\\s*|\\s+(?=\\p{L})|$)(?<rest>.*)$`, 'iu');

export interface DatedEntry {
  /** The date as the notes write it, weekday and time included: the section's title. */
  title: string;
  /** The date as YYYY-MM-DD. */
  date: string;
}

function isoDate(groups: Record<string, string | undefined>): string | null {
  const pick = (key: string) => groups[`${key}1`] ?? groups[`${key}2`] ?? groups[`${key}3`] ?? groups[`${key}4`];
  const rawMonth = pick('m')!;
  let day = Number(pick('d'));
  let month = /^\d+$/.test(rawMonth) ? Number(rawMonth) : MONTHS[rawMonth.toLowerCase()]!;
  let year = Number(pick('y'));
  if (year < 100) year += 2000;
  // Day first, as Dutch and British write; 05/13/2021 can only be month first.
  if (groups.d1 !== undefined && month > 12 && day <= 12) [day, month] = [month, day];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The entry a line opens, with the rest of its line; null for any other line. */
export function entryOf(line: string): (DatedEntry & { rest: string }) | null {
  const match = ENTRY.exec(line);
  if (!match?.groups) return null;
  const date = isoDate(match.groups);
  if (!date) return null;
  return { title: match.groups.date!.trim().replace(/[,\s]+$/, ''), date, rest: match.groups.rest!.trim() };
}

export interface ParsedObservations {
  turns: RawTurn[];
  /** Each entry's date and the turns it spans (`from` inclusive, `to` exclusive). */
  entries: Array<DatedEntry & { from: number; to: number }>;
}

/** Whether a file of these lines reads as observation notes: at least two entries, and the first line opens one. */
export function looksLikeObservations(lines: readonly SourceLine[]): boolean {
  return lines.length > 0 && entryOf(lines[0]!.text) !== null && lines.filter((l) => entryOf(l.text) !== null).length >= 2;
}

/**
 * Lines (of a text file, or a document's paragraphs) as dated entries, each of one or more
 * paragraphs. Text before the first entry is kept, outside any entry. Null when no line opens one.
 */
export function parseObservations(lines: readonly SourceLine[]): ParsedObservations | null {
  const turns: RawTurn[] = [];
  const entries: ParsedObservations['entries'] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const text = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    if (text) turns.push({ speaker: null, text, startMs: null, endMs: null });
    paragraph = [];
  };
  for (const line of lines) {
    const entry = entryOf(line.text);
    if (entry || line.paragraph) flush();
    const last = entries[entries.length - 1];
    if (last) last.to = turns.length;
    if (entry) {
      entries.push({ title: entry.title, date: entry.date, from: turns.length, to: turns.length });
      if (entry.rest) paragraph.push(entry.rest);
    } else {
      paragraph.push(line.text.trim());
    }
  }
  flush();
  const last = entries[entries.length - 1];
  if (last) last.to = turns.length;
  if (entries.length === 0) return null;
  return { turns, entries: entries.filter((e) => e.to > e.from) };
}
