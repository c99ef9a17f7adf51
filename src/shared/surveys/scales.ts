/**
 * Likert scales Duiding recognises by their words, Dutch and English, 5 and 7 points. Each point
 * lists the phrasings questionnaires use for it (the first is the one shown); answers are compared
 * without case, accents or surrounding punctuation.
 */
export interface KnownScale {
  name: string;
  points: string[][];
}

export const KNOWN_SCALES: KnownScale[] = [
  {
    name: 'nl-5',
    points: [
      ['helemaal oneens', 'volledig oneens', 'totaal oneens', 'helemaal niet mee eens'],
      ['oneens', 'niet mee eens'],
      ['neutraal', 'noch eens noch oneens', 'niet eens niet oneens', 'niet eens, niet oneens', 'eens noch oneens'],
      ['eens', 'mee eens'],
      ['helemaal eens', 'volledig eens', 'totaal eens', 'helemaal mee eens'],
    ],
  },
  {
    name: 'nl-7',
    points: [
      ['volledig oneens', 'helemaal oneens', 'totaal oneens', 'helemaal niet mee eens'],
      ['oneens', 'niet mee eens'],
      ['eerder oneens', 'enigszins oneens', 'een beetje oneens'],
      ['neutraal', 'noch eens noch oneens', 'niet eens niet oneens', 'niet eens, niet oneens', 'eens noch oneens'],
      ['eerder eens', 'enigszins eens', 'een beetje eens'],
      ['eens', 'mee eens'],
      ['volledig eens', 'helemaal eens', 'totaal eens', 'helemaal mee eens'],
    ],
  },
  {
    name: 'en-5',
    points: [['strongly disagree'], ['disagree'], ['neutral', 'neither agree nor disagree', 'undecided'], ['agree'], ['strongly agree']],
  },
  {
    name: 'en-7',
    points: [
      ['strongly disagree'],
      ['disagree'],
      ['somewhat disagree', 'slightly disagree'],
      ['neutral', 'neither agree nor disagree', 'undecided'],
      ['somewhat agree', 'slightly agree'],
      ['agree'],
      ['strongly agree'],
    ],
  },
];

const keys = new Map<string, string>();

/** An answer as it is compared with a scale's words (remembered: a survey repeats a few words thousands of times). */
export function wordKey(value: string): string {
  let key = keys.get(value);
  if (key === undefined) {
    key = foldWord(value);
    if (keys.size > 10_000) keys.clear();
    keys.set(value, key);
  }
  return key;
}

function foldWord(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s"'“”‘’.,;:!?()-]+|[\s"'“”‘’.,;:!?()-]+$/g, '');
}

const pointMaps = new WeakMap<KnownScale, Map<string, number>>();

/** The position of a word on a scale, or -1. */
export function pointOf(scale: KnownScale, word: string): number {
  let points = pointMaps.get(scale);
  if (!points) {
    points = new Map(scale.points.flatMap((phrasings, at) => phrasings.map((p) => [foldWord(p), at] as const)));
    pointMaps.set(scale, points);
  }
  return points.get(wordKey(word)) ?? -1;
}

export function isScaleWord(word: string): boolean {
  return KNOWN_SCALES.some((scale) => pointOf(scale, word) >= 0);
}

/**
 * The known scale that holds every word: the smallest such, unless the numbers answered beside the
 * words span more points than it has (0–6 beside "eens" is the 7-point scale).
 */
export function recogniseScale(words: string[], numberSpan: number): KnownScale | null {
  const fitting = KNOWN_SCALES.filter((scale) => words.every((w) => pointOf(scale, w) >= 0));
  if (fitting.length === 0) return null;
  const language = fitting[0]!.name.slice(0, 2);
  const sameLanguage = fitting.filter((s) => s.name.startsWith(language));
  return sameLanguage.find((s) => s.points.length >= numberSpan) ?? sameLanguage[sameLanguage.length - 1]!;
}

/** The shown words of a known scale. */
export function wordsOf(scale: KnownScale): string[] {
  return scale.points.map((p) => p[0]!);
}

/**
 * An item's code in its header and the dimension it belongs to: `A1.1` → A1, `D.1.1` → D.1,
 * `B.3` → B. A header without such a code has none.
 */
export function itemCode(header: string): { code: string; dimension: string } | null {
  const match = /^\s*([A-Za-z]{1,3}\.?\d+(?:\.\d+)*)(?=$|[\s.):-])/.exec(header);
  if (!match) return null;
  const code = match[1]!;
  const cut = code.lastIndexOf('.');
  if (cut <= 0) return null;
  const dimension = code.slice(0, cut);
  return { code, dimension };
}
