import { describe, expect, it } from 'vitest';
import type { PositionUnit } from '../../src/shared/interchange.ts';
import { mapText } from '../../src/main/core/refi-qda/offsets.ts';

// Latin text, decomposed accents, the four kinds of line end, astral characters and plain ASCII runs.
const ALPHABET = ['a', 'Z', ' ', 'e\u0301', 'e\u0308\u0301', 'ë', '’', '\r\n', '\r', '\n', '\u2028', '\u2029', '👍🏽', '𝒜', 'ideeën', 'o\u0308', '.'];

function randomText(seed: number, length: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += ALPHABET[state % ALPHABET.length];
  }
  return text;
}

describe('mapping a source text to canonical text', () => {
  it('gives \\n line ends and NFC, with every character position mapped into it', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const raw = randomText(seed, 1 + (seed % 50));
      const mapped = mapText(raw, false);
      const expected = raw.replace(/\r\n|[\r\u2028\u2029]/g, '\n').normalize('NFC');
      expect(mapped.text, JSON.stringify(raw)).toBe(expected);
      // The end of the raw text in UTF-16 units (CRLF counted as two) is the end of the canonical text.
      expect(mapped.map({ unit: 'utf16', crlf: 2, bom: false } satisfies PositionUnit, raw.length, 'end')).toBe(expected.length);
    }
  });
});
