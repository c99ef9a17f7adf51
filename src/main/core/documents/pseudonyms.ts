import { DuidingError } from '../../../shared/errors.ts';
import type { Replacement } from '../../../shared/model.ts';
import type { TextEdit } from '../../../shared/text/offset-map.ts';
import { readCsv } from '../files/csv.ts';

/**
 * A pseudonym list: real name → pseudonym, kept by the researcher outside the project. Applied to
 * everything an import writes (text, speakers, document and file names, participant names) so
 * that real names never enter the project file. Matching is on whole words, in any case, and
 * covers possessives (`Katriens`, `Katrien's`, `Jonas'`); longer names win over their parts.
 */
export interface PseudonymEntry {
  name: string;
  pseudonym: string;
}

export interface Pseudonymizer {
  readonly entries: PseudonymEntry[];
  apply(text: string): string;
  /**
   * The replacements `apply` would make, as edits of the name only (a possessive's `s` stays): what
   * pseudonymising in place maps offsets through. Counts them like `apply`.
   */
  edits(text: string): TextEdit[];
  /** Replacements made so far, per name of the list. */
  counts(): Map<string, number>;
}

/** Replacements made between two `counts()`, most frequent first, names without any left out. */
export function replacementsSince(p: Pseudonymizer, before: Map<string, number> = new Map()): Replacement[] {
  const now = p.counts();
  return p.entries
    .map((e) => ({ name: e.name, pseudonym: e.pseudonym, count: (now.get(e.name) ?? 0) - (before.get(e.name) ?? 0) }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

const HEADER_NAME = /^(name|naam|real name|echte naam|original|origineel)$/i;

export function parsePseudonymList(fileName: string, text: string): PseudonymEntry[] {
  const rows = readCsv(fileName, text);
  const first = rows[0];
  const body = first && HEADER_NAME.test(first[0]?.trim() ?? '') ? rows.slice(1) : rows;
  const entries: PseudonymEntry[] = [];
  body.forEach((row, index) => {
    const name = row[0]?.trim().normalize('NFC') ?? '';
    const pseudonym = row[1]?.trim().normalize('NFC') ?? '';
    if (!name && !pseudonym) return;
    if (!name || !pseudonym) {
      throw new DuidingError(`${fileName}, row ${index + 1 + (body === rows ? 0 : 1)}: each row needs a name and a pseudonym.`);
    }
    entries.push({ name, pseudonym });
  });
  if (entries.length === 0) throw new DuidingError(`${fileName} holds no names: expected rows of "name,pseudonym".`);
  return entries;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

export function createPseudonymizer(entries: PseudonymEntry[]): Pseudonymizer {
  const sorted = [...entries].sort((a, b) => b.name.length - a.name.length);
  const byKey = new Map(sorted.map((e) => [e.name.toLocaleLowerCase('nl').replace(/\s+/g, ' '), e]));
  const counts = new Map<string, number>();
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(${sorted.map((e) => escape(e.name)).join('|')})((?:['’]s?|s)?)(?![\p{L}\p{N}])`,
    'giu',
  );
  return {
    entries,
    apply(text) {
      if (sorted.length === 0) return text;
      return text.replace(pattern, (_match, name: string, suffix: string) => {
        const entry = byKey.get(name.toLocaleLowerCase('nl').replace(/\s+/g, ' '))!;
        counts.set(entry.name, (counts.get(entry.name) ?? 0) + 1);
        return entry.pseudonym + suffix;
      });
    },
    edits(text) {
      if (sorted.length === 0) return [];
      const out: TextEdit[] = [];
      for (const match of text.matchAll(pattern)) {
        const name = match[1]!;
        const entry = byKey.get(name.toLocaleLowerCase('nl').replace(/\s+/g, ' '))!;
        counts.set(entry.name, (counts.get(entry.name) ?? 0) + 1);
        out.push({ start: match.index, end: match.index + name.length, text: entry.pseudonym });
      }
      return out;
    },
    counts: () => new Map(counts),
  };
}
