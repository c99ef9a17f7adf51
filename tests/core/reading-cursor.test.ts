import { describe, expect, it } from 'vitest';
import { cursorSpan, moveCursor, wordFrom, type ReadingCursor } from '../../src/shared/text/reading-cursor.ts';

const turn1 = 'Ja, dat klopt. Ik werk hier al twaalf jaar! En de collega’s?';
const turn2 = 'Goed zo.';
const text = `${turn1}\n${turn2}`;
const turns = [
  { start: 0, end: turn1.length },
  { start: turn1.length + 1, end: text.length },
];
const at = (c: ReadingCursor) => {
  const s = cursorSpan(c);
  return text.slice(s.start, s.end);
};
const start = (): ReadingCursor => {
  const w = wordFrom(text, turns, 0)!;
  return { anchor: w, focus: w };
};

describe('the reading cursor', () => {
  it('moves by word, across a turn boundary and back', () => {
    let c = start();
    expect(at(c)).toBe('Ja');
    c = moveCursor(text, turns, c, 'word', 1, false);
    expect(at(c)).toBe('dat');
    for (let i = 0; i < 10; i++) c = moveCursor(text, turns, c, 'word', 1, false);
    expect(at(c)).toBe('collega’s');
    c = moveCursor(text, turns, c, 'word', 1, false);
    expect(at(c)).toBe('Goed');
    c = moveCursor(text, turns, c, 'word', -1, false);
    expect(at(c)).toBe('collega’s');
  });

  it('moves by sentence, and extends by sentences with Shift from where it began', () => {
    let c = moveCursor(text, turns, start(), 'sentence', 1, false);
    expect(at(c)).toBe('Ik werk hier al twaalf jaar!');
    c = moveCursor(text, turns, c, 'sentence', 1, true);
    expect(at(c)).toBe('Ik werk hier al twaalf jaar! En de collega’s?');
    c = moveCursor(text, turns, c, 'sentence', -1, false);
    expect(at(c)).toBe('Ja, dat klopt.');
  });

  it('moves by turn to the next turn\'s first word; extends a word by words', () => {
    let c = moveCursor(text, turns, start(), 'turn', 1, false);
    expect(at(c)).toBe('Goed');
    c = moveCursor(text, turns, c, 'word', 1, true);
    expect(at(c)).toBe('Goed zo');
    c = moveCursor(text, turns, c, 'turn', 1, false);
    expect(at(c)).toBe('Goed zo');
  });
});
