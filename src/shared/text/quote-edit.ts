/**
 * The check of an edited quote (issue 29). A researcher may shorten a quote — words left out, marked
 * "(…)" or "[…]" (three dots do too) — and add words in square brackets to make it read on its own.
 * Every word outside the brackets and the marks must be the passage's, in the passage's order, case
 * and punctuation aside; where words of the passage are left out between two of them, a mark or an
 * addition must stand (before the first word and after the last one, none is needed: a quote may
 * start and end anywhere in its passage). Accents count: "continuüm" is not "continuum". An emoji is
 * a word of its own. Pure: used by the core when it stores an edit, by the page while one is typed,
 * and again on every read, so that a transcript corrected later shows the edits that no longer fit.
 */
import { WORD_CHAR } from './words.ts';

const EMOJI = String.raw`\p{RI}{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{EMod})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{EMod})?)*`;
const TOKEN = new RegExp(`${EMOJI}|${WORD_CHAR.source}+`, 'gu');
/** "(…)", "(...)", "[…]", "[...]": a mark for words left out. */
const MARK = /^\s*(?:…|\.\s?\.\s?\.)\s*$/u;

export interface QuoteWord {
  /** As it stands in the text. */
  text: string;
  /** How it is compared: NFC, lower case, apostrophes alike, without apostrophes or hyphens at its edges. */
  key: string;
}

function keyOf(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/^['-]+|['-]+$/g, '');
}

/** The words of a text, as the check counts them. */
export function quoteWords(text: string): QuoteWord[] {
  const out: QuoteWord[] = [];
  for (const match of text.normalize('NFC').matchAll(TOKEN)) {
    const key = keyOf(match[0]);
    if (key) out.push({ text: match[0], key });
  }
  return out;
}

export type QuoteEditProblem =
  /** No word of the passage is left outside the brackets. */
  | { code: 'quoteEditNoWords' }
  /** A "[" without its "]", or a "]" without its "[". */
  | { code: 'quoteEditBracket'; near: string }
  /** A word that is not in the passage (after the words before it). */
  | { code: 'quoteEditWord'; word: string; after: string | null }
  /** A word that is in the passage further on, with words left out before it and no mark saying so. */
  | { code: 'quoteEditGap'; word: string; after: string };

interface Piece {
  word: QuoteWord;
  /** A mark or an addition stands between this word and the one before. */
  gapBefore: boolean;
}

function pieces(edited: string): Piece[] | QuoteEditProblem {
  const text = edited.normalize('NFC');
  const out: Piece[] = [];
  let gap = false;
  const words = (stretch: string) => {
    // "(…)" in running text is a mark; any other parentheses are the passage's own punctuation.
    const parts = stretch.split(/(\([^()]*\))/u);
    for (const part of parts) {
      if (/^\(.*\)$/su.test(part) && MARK.test(part.slice(1, -1))) {
        gap = true;
        continue;
      }
      for (const word of quoteWords(part)) {
        out.push({ word, gapBefore: gap });
        gap = false;
      }
    }
  };
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('[', at);
    const close = text.indexOf(']', at);
    if (close >= 0 && (open < 0 || close < open)) return { code: 'quoteEditBracket', near: text.slice(Math.max(0, close - 20), close + 1).trim() };
    if (open < 0) {
      words(text.slice(at));
      break;
    }
    words(text.slice(at, open));
    const end = text.indexOf(']', open + 1);
    const nested = text.indexOf('[', open + 1);
    if (end < 0 || (nested >= 0 && nested < end)) return { code: 'quoteEditBracket', near: text.slice(open, open + 20).trim() };
    // Either a mark ("[…]") or words added: both may stand where words of the passage were left out.
    gap = true;
    at = end + 1;
  }
  return out;
}

/** Null when the edited form fits the passage; else the first thing that does not fit. */
export function checkQuoteEdit(edited: string, verbatim: string): QuoteEditProblem | null {
  const parsed = pieces(edited);
  if (!Array.isArray(parsed)) return parsed;
  if (parsed.length === 0) return { code: 'quoteEditNoWords' };
  const source = quoteWords(verbatim).map((w) => w.key);
  // Every place in the passage where the words so far can end: several, when a word repeats.
  let reach: number[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const { word, gapBefore } = parsed[i]!;
    const at = source.flatMap((key, p) => (key === word.key ? [p] : []));
    if (i === 0) reach = at;
    else {
      const before = new Set(reach);
      const first = Math.min(...reach);
      const next = at.filter((p) => before.has(p - 1) || (gapBefore && p > first));
      if (next.length === 0) {
        const after = parsed[i - 1]!.word.text;
        return at.some((p) => p > first) ? { code: 'quoteEditGap', word: word.text, after } : { code: 'quoteEditWord', word: word.text, after };
      }
      reach = next;
    }
    if (reach.length === 0) return { code: 'quoteEditWord', word: word.text, after: null };
  }
  return null;
}

/** The problem as an English sentence (the page says it in its own language from the code). */
export function quoteEditMessage(problem: QuoteEditProblem): string {
  switch (problem.code) {
    case 'quoteEditNoWords':
      return 'An edited quote needs words of its passage outside the square brackets.';
    case 'quoteEditBracket':
      return `A square bracket is not closed or not opened near “${problem.near}”.`;
    case 'quoteEditWord':
      return problem.after === null
        ? `“${problem.word}” is not in the quoted passage; words of your own go in square brackets.`
        : `“${problem.word}” does not come after “${problem.after}” in the quoted passage; words of your own go in square brackets.`;
    case 'quoteEditGap':
      return `Words of the passage are left out between “${problem.after}” and “${problem.word}”; mark them with (…) or […].`;
  }
}
