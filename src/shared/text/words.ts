/**
 * Word arithmetic on a document's canonical text (UTF-16 offsets): selections snap to whole words,
 * and a segment widens or narrows by one word at either end.
 */
/** What a word is made of: letters, digits, combining marks, apostrophes and hyphens. */
export const WORD_CHAR = /[\p{L}\p{N}\p{M}'’-]/u;

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.codePointAt(i)!;
  // The low half of a surrogate pair belongs to the character before it.
  if (code >= 0xdc00 && code <= 0xdfff) return isWordAt(text, i - 1);
  return WORD_CHAR.test(String.fromCodePoint(code));
}

/** Grows a span to whole words at both ends and drops white space at its edges; null if nothing is left. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (s >= e) return null;
  // Never split a surrogate pair (an emoji, an astral letter).
  if (/[\uDC00-\uDFFF]/.test(text[s]!) && s > 0) s--;
  if (/[\uD800-\uDBFF]/.test(text[e - 1]!) && e < text.length) e++;
  if (isWordAt(text, s)) while (s > 0 && isWordAt(text, s - 1)) s--;
  if (isWordAt(text, e - 1)) while (e < text.length && isWordAt(text, e)) e++;
  return { start: s, end: e };
}

/** The end moved one word to the right (`widen`) or back to the end of the previous word (`narrow`). */
export function moveEndByWord(text: string, start: number, end: number, direction: 'widen' | 'narrow'): number {
  if (direction === 'widen') {
    let e = end;
    while (e < text.length && !isWordAt(text, e)) e++;
    while (e < text.length && isWordAt(text, e)) e++;
    return e;
  }
  let e = end;
  while (e > start && isWordAt(text, e - 1)) e--;
  while (e > start && !isWordAt(text, e - 1)) e--;
  return e > start ? e : end;
}

/** The start moved one word to the left (`widen`) or forward to the start of the next word (`narrow`). */
export function moveStartByWord(text: string, start: number, end: number, direction: 'widen' | 'narrow'): number {
  if (direction === 'widen') {
    let s = start;
    while (s > 0 && !isWordAt(text, s - 1)) s--;
    while (s > 0 && isWordAt(text, s - 1)) s--;
    return s;
  }
  let s = start;
  while (s < end && isWordAt(text, s)) s++;
  while (s < end && !isWordAt(text, s)) s++;
  return s < end ? s : start;
}
