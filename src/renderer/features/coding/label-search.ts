import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Label } from '../../../shared/model.ts';

/**
 * The coding palette's search, in a pure module so that the benchmark (`bench/measure/palette.ts`)
 * times exactly what the palette runs. Names are matched fuzzily (fuse.js); definitions by word
 * prefix from an index built when the palette opens, because fuse.js over 2,000 definitions of
 * 240 characters took 80–200 ms per keystroke. Name matches come first, then definition matches in
 * codebook order.
 */
export const LABEL_SEARCH_OPTIONS = { keys: ['name'], threshold: 0.35, ignoreLocation: true } satisfies IFuseOptions<Label>;

/** fuse.js's bitap handles patterns up to this length in one piece; longer ones go to fuse.js whole. */
const BITAP_MAX = 32;
/** Shorter patterns fit nearly every name: fuse.js over all of them is as quick. */
const FILTER_FROM = 3;

/** How many matches the palette lists. */
export const PALETTE_MATCHES = 8;

export interface LabelSearch {
  labels: readonly Label[];
  names: Fuse<Label>;
  /** Every distinct folded word of the definitions, sorted, so that a prefix is one contiguous range. */
  words: string[];
  /** For words[i], the indexes into `labels` whose definition holds it. */
  owners: number[][];
  /** The names in lower case, as fuse.js compares them. */
  lowerNames: string[];
  /** The names folded (case, accents, runs of spaces), as the palette compares a typed name with them. */
  foldedNames: string[];
}

/** Lower case without diacritics, so that "ideeen" finds "ideeën". */
export function fold(text: string): string {
  // Decomposing is the costly part of building the index, and most definitions are plain ASCII.
  const bare = /[^ -~]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return bare.toLowerCase();
}

function foldedWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

interface DefinitionIndex {
  definitions: string[];
  words: string[];
  owners: number[][];
}

/**
 * The last index built. The palette rebuilds its search whenever the label list is fetched again
 * (after every coding), while the definitions rarely change; comparing them is far cheaper than
 * folding and splitting them again.
 */
let lastIndex: DefinitionIndex | null = null;

function definitionIndex(labels: readonly Label[]): DefinitionIndex {
  const definitions = labels.map((l) => l.definition);
  if (lastIndex && lastIndex.definitions.length === definitions.length && lastIndex.definitions.every((d, i) => d === definitions[i])) {
    return lastIndex;
  }
  const byWord = new Map<string, number[]>();
  definitions.forEach((definition, index) => {
    for (const word of new Set(foldedWords(definition))) {
      const owners = byWord.get(word);
      if (owners) owners.push(index);
      else byWord.set(word, [index]);
    }
  });
  const words = [...byWord.keys()].sort();
  lastIndex = { definitions, words, owners: words.map((w) => byWord.get(w)!) };
  return lastIndex;
}

/** A label name as the palette compares it: case, accents and runs of spaces aside. */
export function foldName(name: string): string {
  return fold(name).replace(/\s+/g, ' ').trim();
}

export function createLabelSearch(labels: readonly Label[]): LabelSearch {
  const { words, owners } = definitionIndex(labels);
  return {
    labels,
    names: new Fuse(labels, LABEL_SEARCH_OPTIONS),
    words,
    owners,
    lowerNames: labels.map((l) => l.name.toLowerCase()),
    foldedNames: labels.map((l) => foldName(l.name)),
  };
}

/**
 * The label whose name is what was typed (case and accents aside), or undefined. Only this label
 * may take Enter without a move of the highlight: "leervragen" beside "leervraag" once coded the
 * close name instead of creating the typed one, silently (issue 21).
 */
export function labelNamed(search: LabelSearch, typed: string): Label | undefined {
  const wanted = foldName(typed);
  if (!wanted) return undefined;
  const index = search.foldedNames.indexOf(wanted);
  return index < 0 ? undefined : search.labels[index];
}

/**
 * The fewest edits (insertions, deletions, substitutions) that turn `pattern` into some stretch of
 * `text`: Myers' bit-parallel algorithm (1999), one machine word for patterns up to 32 characters.
 * `masks` holds, per character code, the pattern positions where it occurs.
 */
function fewestEdits(masks: Map<number, number>, length: number, text: string): number {
  const high = 1 << (length - 1);
  let pv = -1;
  let mv = 0;
  let score = length;
  let best = length;
  for (let i = 0; i < text.length && best > 0; i++) {
    const eq = masks.get(text.charCodeAt(i)) ?? 0;
    const xv = eq | mv;
    const xh = ((((eq & pv) >>> 0) + (pv >>> 0)) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    // A match may start anywhere in the text: no edit is carried in from the left.
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) best = score;
  }
  return best;
}

/**
 * The names fuse.js matches, in its order, without running its bitap over every name. fuse.js
 * (ignoring location) accepts a name when the pattern is within threshold × length edits of some
 * stretch of it; names further off are dropped first, and fuse.js ranks the rest exactly as it
 * would have in the full list. `tests/renderer/label-search.test.ts` checks that against fuse.js
 * over every name, typos included.
 */
export function searchNames(search: LabelSearch, typed: string): Label[] {
  const pattern = typed.toLowerCase();
  if (pattern.length < FILTER_FROM || pattern.length > BITAP_MAX) {
    return search.names.search(typed, { limit: PALETTE_MATCHES }).map((r) => r.item);
  }
  // The most edits fuse.js accepts, compared as fuse.js compares them (edits ÷ length against the threshold).
  let allowed = 0;
  while ((allowed + 1) / pattern.length <= LABEL_SEARCH_OPTIONS.threshold) allowed++;
  const masks = new Map<number, number>();
  for (let i = 0; i < pattern.length; i++) masks.set(pattern.charCodeAt(i), (masks.get(pattern.charCodeAt(i)) ?? 0) | (1 << i));
  const candidates: Label[] = [];
  search.lowerNames.forEach((name, index) => {
    if (fewestEdits(masks, pattern.length, name) <= allowed) candidates.push(search.labels[index]!);
  });
  return new Fuse(candidates, LABEL_SEARCH_OPTIONS).search(typed, { limit: PALETTE_MATCHES }).map((r) => r.item);
}

/** The first index in the sorted `words` that is not below `prefix`. */
function lowerBound(words: readonly string[], prefix: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (words[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Labels whose definition has, for every typed word, a word starting with it; as a mark per label. */
function definitionMatches(search: LabelSearch, typed: string): Uint8Array | null {
  const prefixes = foldedWords(typed);
  if (prefixes.length === 0) return null;
  let matched: Uint8Array | null = null;
  for (const prefix of prefixes) {
    const hits = new Uint8Array(search.labels.length);
    for (let i = lowerBound(search.words, prefix); i < search.words.length && search.words[i]!.startsWith(prefix); i++) {
      for (const owner of search.owners[i]!) if (matched === null || matched[owner] === 1) hits[owner] = 1;
    }
    matched = hits;
  }
  return matched;
}

export function searchLabels(search: LabelSearch, typed: string): Label[] {
  const found = searchNames(search, typed);
  if (found.length >= PALETTE_MATCHES) return found;
  const matched = definitionMatches(search, typed);
  if (matched === null) return found;
  const seen = new Set(found);
  for (let i = 0; i < search.labels.length && found.length < PALETTE_MATCHES; i++) {
    const label = search.labels[i]!;
    if (matched[i] === 1 && !seen.has(label)) found.push(label);
  }
  return found;
}
