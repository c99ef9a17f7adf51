import { describe, expect, it } from 'vitest';
import { moveEndByWord, moveStartByWord, snapToWords } from '../../src/shared/text/words.ts';

const text = 'Dat was 👍🏽 echt top, collega’s en ideeën.';
const span = (s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

describe('word arithmetic', () => {
  it('snaps a selection to whole words and trims white space', () => {
    expect(span(snapToWords(text, text.indexOf('cht'), text.indexOf('op') + 1))).toBe('echt top');
    expect(span(snapToWords(text, text.indexOf('olle'), text.indexOf('ide') + 2))).toBe('collega’s en ideeën');
    expect(span(snapToWords(text, 3, 4))).toBeNull();
    expect(span(snapToWords(text, text.indexOf('👍') + 1, text.indexOf('echt') + 2))).toBe('👍🏽 echt');
  });

  it('widens and narrows by one word at either end', () => {
    const start = text.indexOf('echt');
    const end = start + 'echt'.length;
    expect(text.slice(start, moveEndByWord(text, start, end, 'widen'))).toBe('echt top');
    expect(text.slice(start, moveEndByWord(text, start, text.indexOf(','), 'narrow'))).toBe('echt');
    expect(moveEndByWord(text, start, end, 'narrow')).toBe(end); // never empty
    expect(text.slice(moveStartByWord(text, start, end, 'widen'), end)).toBe('was 👍🏽 echt');
    expect(text.slice(moveStartByWord(text, 0, end, 'narrow'), end)).toBe('was 👍🏽 echt');
  });
});
