import { describe, expect, it } from 'vitest';
import { applyEdits, assertEdits, offsetMap } from '../../src/shared/text/offset-map.ts';

describe('mapping offsets through text edits', () => {
  const text = 'Katrien zei: Katrien’s klas 😀 en Jonas.';
  const edits = [
    { start: 0, end: 7, text: 'K.L.' },
    { start: 13, end: 20, text: 'K.L.' },
    { start: 34, end: 39, text: 'NN' },
  ];

  it('applies edits and keeps every span on the same words, emoji included', () => {
    const out = applyEdits(text, edits);
    expect(out).toBe('K.L. zei: K.L.’s klas 😀 en NN.');
    const map = offsetMap(edits);
    const keep = (word: string) => {
      const start = text.indexOf(word);
      const span = map.span(start, start + word.length);
      return out.slice(span.start, span.end);
    };
    expect(keep('zei')).toBe('zei');
    expect(keep('klas 😀 en')).toBe('klas 😀 en');
    expect(keep('Katrien zei')).toBe('K.L. zei');
    expect(keep('Jonas.')).toBe('NN.');
  });

  it('a span that starts or ends inside a name takes the whole pseudonym', () => {
    const map = offsetMap(edits);
    expect(map.span(2, 5)).toEqual({ start: 0, end: 4 });
    expect(map.span(3, 10)).toEqual({ start: 0, end: 7 });
  });

  it('a span ending where a name starts does not take it; one starting where a name ends does not either', () => {
    const map = offsetMap(edits);
    expect(map.span(8, 13)).toEqual({ start: 5, end: 10 });
    expect(map.map(20, 'start')).toBe(14);
  });

  it('words inserted at the edge of a span stay outside it, on either side (a corrected transcript)', () => {
    // "de zorg" → "de goede zorg": an insertion at 3.
    const map = offsetMap([{ start: 3, end: 3, text: 'goede ' }]);
    expect(applyEdits('de zorg', [{ start: 3, end: 3, text: 'goede ' }])).toBe('de goede zorg');
    expect(map.span(0, 3)).toEqual({ start: 0, end: 3 });
    expect(map.span(3, 7)).toEqual({ start: 9, end: 13 });
    expect(map.span(0, 7)).toEqual({ start: 0, end: 13 });
  });

  it('refuses edits that overlap or run past the text', () => {
    expect(() => assertEdits([{ start: 0, end: 5, text: '' }, { start: 4, end: 6, text: '' }], 10)).toThrow(/out of order/);
    expect(() => assertEdits([{ start: 0, end: 11, text: '' }], 10)).toThrow(/out of range/);
  });
});
