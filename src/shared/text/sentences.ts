/**
 * Sentences of a transcript turn, for auto-coding by sentence: from a sentence's start to its end
 * mark (. ! ? …) and any closing quote or bracket. Dutch abbreviations ("bv.", "dhr.", "o.a.", "nl.",
 * "enz.") and initials ("K.L.", as pseudonyms are written) do not end a sentence, nor does an end
 * mark followed by a lower-case word ("euh... ik"). A line break always does.
 */
import type { Range } from './highlight.ts';

const ABBREVIATIONS = new Set(
  (
    'bv bvb bijv vb dhr mevr mr mw dr drs prof ir ing o.a o.m nl enz etc e.d e.a ca d.w.z m.a.w i.p.v i.v.m m.b.t t.o.v a.d.h.v o.b.v ' +
    'evt incl excl max min resp ong zgn jl t.e.m blz nr p pag st ll lln lkr vnl resp.'
  ).split(' '),
);

const END = /[.!?…]/u;
const CLOSING = /["'”’»)\]]/u;
const SPACE = /\s/u;
const LOWER = /\p{Ll}/u;

function isAbbreviation(text: string, from: number, dot: number): boolean {
  let start = dot;
  while (start > from && !SPACE.test(text[start - 1]!) && text[start - 1] !== '(' && text[start - 1] !== '"') start--;
  const word = text.slice(start, dot).toLocaleLowerCase('nl');
  if (ABBREVIATIONS.has(word)) return true;
  // Initials and dotted abbreviations: "K.L", "o.a", "L.D.S" (the last dot is the one at `dot`).
  return /^(\p{L}\.)*\p{L}$/u.test(word) && word.length <= 9 && (word.length === 1 || word.includes('.'));
}

/** The sentences of text[from, to), trimmed of surrounding white space, in order. */
export function sentenceSpans(text: string, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (s < e) out.push({ start: s, end: e });
  };
  // Only a line break or an end mark can end a sentence: jump from one to the next (a corpus of
  // millions of characters is split for agreement by sentence; testing every character took seconds).
  const candidate = /[.!?…\n]/g;
  candidate.lastIndex = from;
  for (let found = candidate.exec(text); found !== null && found.index < to; found = candidate.exec(text)) {
    const i = found.index;
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    let j = i + 1;
    while (j < to && END.test(text[j]!)) j++;
    while (j < to && CLOSING.test(text[j]!)) j++;
    if (j < to && !SPACE.test(text[j]!)) continue;
    if (j < to) {
      if (c === '.' && j === i + 1 && isAbbreviation(text, from, i)) continue;
      let k = j;
      while (k < to && SPACE.test(text[k]!) && text[k] !== '\n') k++;
      if (k < to && LOWER.test(text[k]!)) continue;
    }
    push(j);
    start = j;
    candidate.lastIndex = j;
  }
  push(to);
  return out;
}

/** The sentence(s) of `spans` that a range touches, joined into one range; the range itself when it lies between them. */
export function sentenceOf(spans: readonly Range[], range: Range): Range {
  let start = range.start;
  let end = range.end;
  for (const s of spans) {
    if (s.end <= range.start || s.start >= range.end) continue;
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start, end };
}
