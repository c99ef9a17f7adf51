import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { DocumentDetail, Segment } from '../../../shared/model.ts';
import { cursorSpan, moveCursor, wordFrom, type CursorUnit, type ReadingCursor, type Span } from '../../../shared/text/reading-cursor.ts';
import { useStore } from '../../store/index.ts';
import { PENDING_PREFIX } from '../../store/merge.ts';
import { rangeOfOffsets } from '../coding/selection.ts';

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName) || target.isContentEditable);
}

/** Only keys meant for the page: on the reader, or with no control focused. */
function forReader(target: EventTarget | null, reader: HTMLElement | null): boolean {
  if (typingIn(target)) return false;
  return target === document.body || target === document.documentElement || (target instanceof Node && !!reader?.contains(target));
}

interface CursorProps {
  reader: RefObject<HTMLElement | null>;
  document: DocumentDetail | null;
  segments: Segment[];
  selected: Segment | null;
  paletteOpen: boolean;
  openPaletteFor(start: number, end: number, rect: DOMRect): void;
  reveal(index: number, then?: (element: HTMLElement) => void): void;
  /** Opens the correction editor on the turn at this position. */
  editTurn(position: number): void;
}

/**
 * The reading cursor: the arrows move it by word (Ctrl: by sentence; up and down: by turn), Shift
 * extends it, Enter or L opens the palette on it, Space selects the coded segment under it (again:
 * the next one out) for the segment keys (Delete, 1–9, Alt+arrows), E opens the correction editor on
 * its turn (issue 28); after a coding it moves on to the next word. A whole coding session without
 * the mouse (issue 21).
 */
export function useReadingCursor(props: CursorProps): { cursor: Span | null; moveOnFrom(end: number): void } {
  const { reader, document: doc, reveal } = props;
  const [cursor, setCursor] = useState<ReadingCursor | null>(null);
  const span = cursor ? cursorSpan(cursor) : null;

  useEffect(() => setCursor(null), [doc?.id]);
  useCursorKeys(props, cursor, setCursor);
  useCursorInSight(reader, doc, span, reveal);

  const moveOnFrom = (after: number) => {
    if (!doc) return;
    const next = wordFrom(doc.text, doc.turns, after);
    setCursor((current) => (current && next ? { anchor: next, focus: next } : current));
  };
  return { cursor: span, moveOnFrom };
}

/** The cursor's keys on the page: the arrows move it, the others act on the words under it. */
function useCursorKeys(props: CursorProps, cursor: ReadingCursor | null, setCursor: Dispatch<SetStateAction<ReadingCursor | null>>): void {
  const { reader, document: doc, segments, selected, paletteOpen, openPaletteFor, editTurn } = props;
  const selectSegment = useStore((s) => s.selectSegment);
  useEffect(() => {
    if (!doc) return;
    const turns = doc.turns;
    const onKey = (event: KeyboardEvent) => {
      if (paletteOpen || !forReader(event.target, reader.current) || event.altKey || event.metaKey) return;
      const move = arrowMove(event);
      if (move) {
        event.preventDefault();
        if (selected) selectSegment(null);
        setCursor((current) => {
          if (current) return moveCursor(doc.text, turns, current, move[0], move[1], event.shiftKey);
          const first = wordFrom(doc.text, turns, selected?.start ?? firstInView(reader.current, turns));
          return first ? { anchor: first, focus: first } : null;
        });
        return;
      }
      if (!cursor || selected || event.ctrlKey) return;
      const { start, end } = cursorSpan(cursor);
      if (event.key === 'Enter' || event.key.toLowerCase() === 'l') {
        const range = reader.current ? rangeOfOffsets(reader.current, start, end) : null;
        if (!range) return;
        event.preventDefault();
        openPaletteFor(start, end, range.getBoundingClientRect());
      } else if (event.key === ' ') {
        event.preventDefault();
        const under = segments.filter((s) => s.start < end && s.end > start && !s.id.startsWith(PENDING_PREFIX)).sort((a, b) => a.end - a.start - (b.end - b.start));
        if (under[0]) selectSegment(under[0].id);
      } else if (event.key.toLowerCase() === 'e') {
        const turn = turns.find((t) => start >= t.start && start < t.end);
        if (!turn) return;
        event.preventDefault();
        editTurn(turn.position);
      } else if (event.key === 'Escape') {
        setCursor(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doc, cursor, selected, segments, paletteOpen, reader, openPaletteFor, selectSegment, editTurn, setCursor]);
}

/** The unit and direction an arrow key moves the cursor, or null for any other key. */
function arrowMove(event: KeyboardEvent): [CursorUnit, 1 | -1] | null {
  const arrows: Record<string, [CursorUnit, 1 | -1]> = {
    ArrowRight: [event.ctrlKey ? 'sentence' : 'word', 1],
    ArrowLeft: [event.ctrlKey ? 'sentence' : 'word', -1],
    ArrowDown: ['turn', 1],
    ArrowUp: ['turn', -1],
  };
  return arrows[event.key] ?? null;
}

/**
 * The cursor stays in sight: its turn drawn (a long transcript draws a window) and scrolled to —
 * only when the cursor moves: a transcript given anew (a correction elsewhere) must not pull the
 * reader back to where the cursor was left.
 */
function useCursorInSight(reader: RefObject<HTMLElement | null>, doc: DocumentDetail | null, span: Span | null, reveal: CursorProps['reveal']): void {
  const start = span?.start ?? -1;
  const end = span?.end ?? -1;
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!doc || start < 0 || !reader.current) return;
    const key = `${doc.id}:${start}:${end}`;
    if (shown.current === key) return;
    shown.current = key;
    const range = rangeOfOffsets(reader.current, start, end);
    if (!range) {
      const index = doc.turns.findIndex((t) => start >= t.start && start < t.end);
      if (index >= 0) reveal(index);
      return;
    }
    const view = reader.current.getBoundingClientRect();
    const box = range.getBoundingClientRect();
    if (box.top < view.top + 24 || box.bottom > view.bottom - 24) reader.current.scrollBy(0, box.top - view.top - view.height / 3);
  }, [doc, start, end, reader, reveal]);
}

function firstInView(reader: HTMLElement | null, turns: DocumentDetail['turns']): number {
  if (!reader) return 0;
  const top = reader.getBoundingClientRect().top;
  for (const el of reader.querySelectorAll<HTMLElement>('[data-turn]')) {
    if (el.getBoundingClientRect().bottom > top) {
      const turn = turns.find((t) => t.position === Number(el.dataset.turn));
      if (turn) return turn.start;
    }
  }
  return 0;
}
