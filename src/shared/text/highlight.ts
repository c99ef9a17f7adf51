/**
 * Finds what a search matched inside a text, the way the search index sees words: case and
 * diacritics folded (`ideeen` marks `ideeën`), whole words, a trailing `*` for a prefix.
 * Returns ranges in the original text's UTF-16 units.
 */
export interface Range {
  start: number;
  end: number;
}

function fold(char: string): string {
  return char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query as the search reads them: phrases split into words, operators left out. */
export function queryTerms(query: string): Array<{ word: string; prefix: boolean }> {
  return query
    .split(/\s+/)
    .filter((w) => w && w !== 'OR')
    .flatMap((raw) => {
      const prefix = raw.endsWith('*');
      return raw
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .map((word, i, all) => ({ word: fold(word), prefix: prefix && i === all.length - 1 }));
    });
}

/** The text case- and diacritic-folded, with for each folded unit the index of the original one. */
function foldWithOrigin(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const f = fold(char);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export function findTerms(text: string, query: string): Range[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const { folded, origin } = foldWithOrigin(text);
  const ranges: Range[] = [];
  for (const { word, prefix } of terms) {
    let at = folded.indexOf(word);
    while (at >= 0) {
      const end = at + word.length;
      if (!isWord(folded[at - 1]) && (prefix || !isWord(folded[end]))) {
        let stop = end;
        if (prefix) while (isWord(folded[stop])) stop++;
        ranges.push({ start: origin[at]!, end: origin[stop]! });
      }
      at = folded.indexOf(word, at + 1);
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  return ranges.filter((r, i) => i === 0 || r.start >= ranges[i - 1]!.end);
}

/**
 * Every occurrence of a phrase as whole words, case and diacritics folded, any run of white space
 * matching any other (`brede  basiszorg` across a line end).
 */
export function findPhrase(text: string, phrase: string): Range[] {
  const words = phrase.split(/\s+/).filter(Boolean).map((w) => [...w].map(fold).join(''));
  if (words.length === 0) return [];
  const { folded, origin } = foldWithOrigin(text);
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gu');
  const ranges: Range[] = [];
  for (const m of folded.matchAll(pattern)) {
    const end = m.index + m[0].length;
    if (isWord(folded[m.index - 1]) && isWord(m[0][0])) continue;
    if (isWord(folded[end]) && isWord(m[0][m[0].length - 1])) continue;
    ranges.push({ start: origin[m.index]!, end: origin[end]! });
  }
  return ranges;
}
