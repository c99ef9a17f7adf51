/**
 * Canonical text: Unicode NFC, `\n` line ends, no BOM. Every offset in a project counts UTF-16 code
 * units of this canonical form (JavaScript's own string indices); other units are converted at the
 * boundary that needs them (see design.md, "Offsets").
 */
export function canonicalText(input: string): string {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  text = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n');
  return text.normalize('NFC');
}

const NEEDS_COLLAPSE = /[\t\u00A0\u2007\u202F\f\v]| {2}/;
const HORIZONTAL_SPACE = /[ \t\u00A0\u2007\u202F\f\v]+/g;

/** Collapses runs of horizontal whitespace (including no-break spaces) to one space and trims. */
export function collapseSpaces(text: string): string {
  // Most transcript lines have only single spaces; a test is one scan, a replace rebuilds the string.
  return (NEEDS_COLLAPSE.test(text) ? text.replace(HORIZONTAL_SPACE, ' ') : text).trim();
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const UNKNOWN = 0;
const WORD_CHAR = 1;
/** ' ’ - . join two runs of letters and digits into one word. */
const JOINER = 2;
const OTHER = 3;
/** The class of every UTF-16 code unit, filled in on first sight so the regular expression runs once per character. */
const UNIT_CLASS = new Uint8Array(0x10000);
for (const joiner of ["'", '’', '-', '.']) UNIT_CLASS[joiner.charCodeAt(0)] = JOINER;
// Surrogates are classified per code point in countWords.
UNIT_CLASS.fill(OTHER, 0xd800, 0xe000);

function classify(code: number): number {
  const kind = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? WORD_CHAR : OTHER;
  UNIT_CLASS[code] = kind;
  return kind;
}

/**
 * Counts words as a reader would: runs of letters and digits, with inner apostrophes and hyphens
 * (what the former regular expression `[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*` matched). One pass over code
 * points: a letter or digit starts a word unless it follows one, directly or across a single joiner.
 */
export function countWords(text: string): number {
  let count = 0;
  let prev = OTHER;
  let beforePrev = OTHER;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let kind = UNIT_CLASS[code]!;
    if (kind === UNKNOWN) kind = classify(code);
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        kind = LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? WORD_CHAR : OTHER;
        i++;
      }
    }
    if (kind === WORD_CHAR && prev !== WORD_CHAR && !(prev === JOINER && beforePrev === WORD_CHAR)) count++;
    beforePrev = prev;
    prev = kind;
  }
  return count;
}
