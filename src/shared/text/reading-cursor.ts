/**
 * The reader's keyboard cursor over a transcript: a span of words the researcher moves by word,
 * sentence and turn, and extends (Shift) from where the extension began. Offsets are the
 * document's (UTF-16, as segments); turns are the transcript's, in order. Pure, so that it is
 * tested without a page.
 */
export interface Span {
  start: number;
  end: number;
}

export interface TurnBounds {
  start: number;
  end: number;
}

export interface ReadingCursor {
  /** Where an extension began; the cursor covers anchor to focus. */
  anchor: Span;
  focus: Span;
}

export type CursorUnit = 'word' | 'sentence' | 'turn';

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;
/** A sentence runs to its closing mark (and a closing quote or bracket), or to the end of its turn. */
const SENTENCE = /[^\s][^.?!…]*(?:[.?!…]+["'”’)\]]*|$)/gu;

export function cursorSpan(cursor: ReadingCursor): Span {
  return { start: Math.min(cursor.anchor.start, cursor.focus.start), end: Math.max(cursor.anchor.end, cursor.focus.end) };
}

function spans(text: string, turn: TurnBounds, pattern: RegExp): Span[] {
  const found: Span[] = [];
  const slice = text.slice(turn.start, turn.end);
  for (const match of slice.matchAll(pattern)) {
    const trimmed = match[0].trimEnd();
    if (trimmed) found.push({ start: turn.start + match.index, end: turn.start + match.index + trimmed.length });
  }
  return found;
}

function turnIndexAt(turns: readonly TurnBounds[], offset: number): number {
  const index = turns.findIndex((t) => offset >= t.start && offset < t.end);
  return index >= 0 ? index : Math.max(0, turns.findIndex((t) => t.start > offset) - 1);
}

function unitSpans(text: string, turn: TurnBounds, unit: CursorUnit): Span[] {
  if (unit === 'turn') {
    const words = spans(text, turn, WORD);
    return words.length ? [{ start: words[0]!.start, end: words[words.length - 1]!.end }] : [];
  }
  return spans(text, turn, unit === 'word' ? WORD : SENTENCE);
}

/**
 * The unit next to `from` in a direction: the next word starting after it, the next sentence, the
 * next turn's first word (or, when extending by turns, the whole next turn). Crosses into the next
 * turn that has one; null at the transcript's end.
 */
export function nextUnit(text: string, turns: readonly TurnBounds[], from: Span, unit: CursorUnit, direction: 1 | -1, extending: boolean): Span | null {
  let index = turnIndexAt(turns, from.start);
  if (unit === 'turn') {
    for (index += direction; index >= 0 && index < turns.length; index += direction) {
      const pieces = unitSpans(text, turns[index]!, extending ? 'turn' : 'word');
      if (pieces.length) return pieces[0]!;
    }
    return null;
  }
  for (; index >= 0 && index < turns.length; index += direction) {
    const pieces = unitSpans(text, turns[index]!, unit);
    const found = direction === 1 ? pieces.find((p) => p.start >= from.end || (p.start > from.start && p.end > from.end)) : pieces.findLast((p) => p.end <= from.start || (p.start < from.start && p.end < from.end));
    if (found) return found;
  }
  return null;
}

/** The first word at or after an offset (the cursor's start when it first appears). */
export function wordFrom(text: string, turns: readonly TurnBounds[], offset: number): Span | null {
  for (let index = turnIndexAt(turns, offset); index < turns.length; index++) {
    const found = spans(text, turns[index]!, WORD).find((w) => w.end > offset);
    if (found) return found;
  }
  return null;
}

/** The cursor after a move: a plain move takes the unit; a Shift move keeps the anchor and moves the focus. */
export function moveCursor(text: string, turns: readonly TurnBounds[], cursor: ReadingCursor, unit: CursorUnit, direction: 1 | -1, extend: boolean): ReadingCursor {
  const from = extend ? cursor.focus : direction === 1 ? { start: cursorSpan(cursor).end - 1, end: cursorSpan(cursor).end } : { start: cursorSpan(cursor).start, end: cursorSpan(cursor).start + 1 };
  const next = nextUnit(text, turns, from, unit, direction, extend);
  if (!next) return cursor;
  return extend ? { anchor: cursor.anchor, focus: next } : { anchor: next, focus: next };
}
