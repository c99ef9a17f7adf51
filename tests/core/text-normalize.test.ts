import { describe, expect, it } from 'vitest';
import { collapseSpaces, countWords } from '../../src/shared/text/normalize.ts';

// The regular expressions the single-pass helpers replaced: the helpers must agree with them exactly.
const referenceWords = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu)?.length ?? 0;
const referenceCollapse = (text: string) => text.replace(/[ \t\u00A0\u2007\u202F\f\v]+/g, ' ').trim();

// Letters (ASCII, accented, astral, CJK), digits, the four joiners, spaces of every kind, emoji and lone surrogates.
const ALPHABET = ['a', 'Z', 'ë', 'ï', '9', '٣', '𝒜', '中', "'", '’', '-', '.', ' ', '  ', '\t', '\u00A0', '\u202F', '\n', ',', '👍🏽', '\uD800', '\uDC00', '?', '*'];

function randomText(seed: number, length: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += ALPHABET[state % ALPHABET.length];
  }
  return text;
}

describe('single-pass text helpers', () => {
  it('count words as the former regular expression did', () => {
    const cases = ["collega's en ideeën", 'a--b', 'a-b-c', 'a.-b', '-a-', "'t", 'v.z.w. CLB-PBD', '3.5 uur', '𝒜𝒜-𝒜', 'x\uD800y', '', '   '];
    for (const text of cases) expect(countWords(text), text).toBe(referenceWords(text));
    for (let seed = 1; seed <= 2000; seed++) {
      const text = randomText(seed, 1 + (seed % 60));
      expect(countWords(text), JSON.stringify(text)).toBe(referenceWords(text));
    }
  });

  it('collapse horizontal space as the former regular expression did', () => {
    const cases = ['  a  b ', 'a\u00A0\u00A0b', 'a\tb', 'a b', '', ' ', 'a\n  b'];
    for (const text of cases) expect(collapseSpaces(text), JSON.stringify(text)).toBe(referenceCollapse(text));
    for (let seed = 1; seed <= 2000; seed++) {
      const text = randomText(seed * 7, 1 + (seed % 40));
      expect(collapseSpaces(text), JSON.stringify(text)).toBe(referenceCollapse(text));
    }
  });
});
