/**
 * Edits to a document's text and the mapping of offsets through them (UTF-16 units, as everywhere).
 * Pseudonymising replaces names; correcting a transcript replaces words: both must move every later
 * turn, segment, guide span and quote by what the edits before it added or took away, so that a
 * coding stays on the same words.
 *
 * A position inside a replaced stretch goes to the replacement's start when it opens a span and to
 * its end when it closes one: a segment that began or ended inside a name keeps the whole pseudonym,
 * and a non-empty span stays non-empty as long as no replacement is empty. Words inserted (an empty
 * stretch replaced) exactly at a span's edge stay outside it.
 */
export interface TextEdit {
  /** Start and end in the old text; edits are sorted and do not overlap. */
  start: number;
  end: number;
  text: string;
}

export type Bias = 'start' | 'end';

/** Checks the invariant every function here relies on; throws on edits that overlap or are out of order. */
export function assertEdits(edits: readonly TextEdit[], length: number): void {
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at || edit.end < edit.start || edit.end > length) {
      throw new Error(`Text edits out of order or out of range at ${edit.start}–${edit.end}.`);
    }
    at = edit.end;
  }
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

export interface OffsetMap {
  /** Where an old position lies in the new text. */
  map(position: number, bias: Bias): number;
  /** An old span [start, end) in the new text. */
  span(start: number, end: number): { start: number; end: number };
}

/**
 * A span the edits do not touch, moved by what the edits before it added or took away; an empty span
 * (a coded passage whose words were deleted) stays empty. What the core stores and the page shows
 * after a correction both come from here.
 */
export function moveSpan(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  const moved = map.map(start, 'start');
  return { start: moved, end: start === end ? moved : map.map(end, 'end') };
}

/** The offset map of sorted, non-overlapping edits; each lookup is a binary search. */
export function offsetMap(edits: readonly TextEdit[]): OffsetMap {
  // shift[i]: what edits 0..i-1 added to every position after edit i-1.
  const shift: number[] = [0];
  for (const edit of edits) shift.push(shift[shift.length - 1]! + edit.text.length - (edit.end - edit.start));
  const map = (position: number, bias: Bias): number => {
    // The first edit that ends after the position (or at it, for a start: a span opening at a name's end starts after it).
    let lo = 0;
    let hi = edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edits[mid]!.end <= position) lo = mid + 1;
      else hi = mid;
    }
    // Words inserted exactly where a span ends come after it: its end stays before them (a start
    // there moves past them, so a span never takes in what was typed at its edge).
    if (bias === 'end') while (lo > 0 && edits[lo - 1]!.start === position && edits[lo - 1]!.end === position) lo--;
    const edit = edits[lo];
    if (edit && edit.start < position) {
      // Inside a replaced stretch.
      const newStart = edit.start + shift[lo]!;
      return bias === 'start' ? newStart : newStart + edit.text.length;
    }
    return position + shift[lo]!;
  };
  return { map, span: (start, end) => ({ start: map(start, 'start'), end: map(end, 'end') }) };
}
