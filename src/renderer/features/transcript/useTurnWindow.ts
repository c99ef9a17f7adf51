import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Turn } from '../../../shared/model.ts';

/**
 * Up to this many turns a transcript is drawn whole, so that the browser's find (Ctrl+F) reaches
 * every word. The study's interviews have 100–120 turns.
 */
export const WINDOW_ABOVE_TURNS = 200;

/** How far past the view, each way, turns are drawn: scrolling a page shows turns already there. */
const OVERSCAN_VIEWS = 1;

/** The window moves in steps of this many turns, so that scrolling redraws now and then, not per turn. */
const CHUNK = 8;

/** A turn's height before it has been drawn: its padding and meta line, and its text at this much per character. */
const TURN_PADDING = 16;
const GUESS_PER_CHAR = 0.4;

export interface TurnWindow {
  /** The element that holds the drawn turns, between the two spacers. */
  list: RefObject<HTMLDivElement | null>;
  windowed: boolean;
  /** The indices into the turns drawn: [start, end). */
  start: number;
  end: number;
  /** The height of the turns left out above and below. */
  before: number;
  after: number;
  /** Draws the turn at this index and scrolls it to the middle of the view. */
  reveal(index: number, then?: (element: HTMLElement) => void): void;
}

interface WindowState {
  start: number;
  end: number;
  before: number;
  after: number;
}

const sameState = (a: WindowState, b: WindowState) => a.start === b.start && a.end === b.end && a.before === b.before && a.after === b.after;

/**
 * Which turns of a long transcript to draw: those in the reader's view and a view's height around
 * them, with spacers of the height of the rest, so that the scroll bar stays true. A turn's height
 * is measured once it has been drawn (a ResizeObserver, which also sees a coding add a line of
 * labels); one never drawn is guessed from its length, scaled by what the drawn ones measured.
 * Turns added above the view while scrolling up do not move what is read: the browser's scroll
 * anchoring keeps the turn in view where it was.
 *
 * A coding in a transcript of 1,000 turns drawn whole had Chromium lay out, pre-paint and check
 * the visibility of all of them in the frame that paints it, and React compare every turn.
 */
export function useTurnWindow(scroller: RefObject<HTMLElement | null>, turns: readonly Turn[]): TurnWindow {
  const list = useRef<HTMLDivElement | null>(null);
  const count = turns.length;
  const windowed = count > WINDOW_ABOVE_TURNS;
  const heights = useRef(new Map<number, number>());
  const measured = useRef({ height: 0, chars: 0 });
  const pending = useRef<{ index: number; then?: (element: HTMLElement) => void } | null>(null);
  const [state, setState] = useState<WindowState>({ start: 0, end: Math.min(count, 40), before: 0, after: 0 });
  const stateRef = useRef(state);
  stateRef.current = state;

  // A new transcript is measured afresh. The same one after a correction keeps the heights of the
  // turns whose words did not change (matched from either end, so a split or join shifts the rest):
  // with every height guessed again, the turns under the view would change and the reader jump.
  const measuredTurns = useRef<readonly Turn[]>(turns);
  useLayoutEffect(() => {
    const before = measuredTurns.current;
    measuredTurns.current = turns;
    const kept = new Map<number, number>();
    const shift = before.length - turns.length;
    turns.forEach((turn, i) => {
      const same = before[i]?.text === turn.text ? i : before[i + shift]?.text === turn.text ? i + shift : -1;
      const height = same >= 0 ? heights.current.get(same) : undefined;
      if (height !== undefined) kept.set(i, height);
    });
    heights.current = kept;
    measured.current = { height: 0, chars: 0 };
    for (const [i, height] of kept) {
      measured.current.height += height;
      measured.current.chars += turns[i]!.text.length;
    }
  }, [turns]);

  /** The window around the reader's view, or around `around` (an index) when a turn is to be revealed. */
  const compute = useCallback(
    (around: number | null): WindowState => {
      const box = scroller.current;
      const holder = list.current;
      const { height, chars } = measured.current;
      const perChar = chars > 0 ? Math.max(0.05, (height - TURN_PADDING * heights.current.size) / chars) : GUESS_PER_CHAR;
      const tops = new Float64Array(count + 1);
      for (let i = 0; i < count; i++) tops[i + 1] = tops[i]! + (heights.current.get(i) ?? TURN_PADDING + turns[i]!.text.length * perChar);
      const total = tops[count]!;
      let viewTop: number;
      let viewHeight: number;
      if (around !== null || !box || !holder) {
        viewHeight = box?.clientHeight || window.innerHeight;
        viewTop = around === null ? 0 : tops[around]! - viewHeight / 2;
      } else {
        viewHeight = box.clientHeight;
        viewTop = viewTopOf(box, holder, tops, viewHeight);
      }
      const margin = viewHeight * OVERSCAN_VIEWS;
      let start = 0;
      while (start < count - 1 && tops[start + 1]! <= viewTop - margin) start++;
      let end = start;
      while (end < count && tops[end]! < viewTop + viewHeight + margin) end++;
      start = Math.floor(start / CHUNK) * CHUNK;
      end = Math.min(count, Math.ceil(Math.max(end, start + 1) / CHUNK) * CHUNK);
      return { start, end, before: tops[start]!, after: total - tops[end]! };
    },
    [scroller, count, turns],
  );

  const update = useCallback(
    (around: number | null = null) => {
      const next = compute(around);
      if (!sameState(stateRef.current, next)) setState(next);
    },
    [compute],
  );

  const reveal = useCallback(
    (index: number, then?: (element: HTMLElement) => void) => {
      const drawn = list.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (drawn) {
        drawn.scrollIntoView({ block: 'center' });
        then?.(drawn);
        return;
      }
      // Not drawn yet: the window moves around it, and the effect below scrolls once it is drawn.
      pending.current = { index, then };
      update(index);
    },
    [update],
  );

  // Follow the scroll and the size of the view.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!windowed || !box) return;
    let frame = 0;
    const later = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          update();
        });
    };
    update();
    box.addEventListener('scroll', later, { passive: true });
    window.addEventListener('resize', later);
    return () => {
      box.removeEventListener('scroll', later);
      window.removeEventListener('resize', later);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller, windowed, update]);

  // Measure the turns drawn. The observer reports each one when it is first laid out and whenever
  // its height changes; the window is worked out again in the next frame, not in this one.
  const { start, end } = state;
  useLayoutEffect(() => {
    const holder = list.current;
    if (!windowed || !holder) return;
    let frame = 0;
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const index = Number((entry.target as HTMLElement).dataset.index);
        const height = entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
        const old = heights.current.get(index);
        if (old === height || !turns[index]) continue;
        if (old === undefined) measured.current.chars += turns[index].text.length;
        measured.current.height += height - (old ?? 0);
        heights.current.set(index, height);
        changed = true;
      }
      if (changed && !frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          update();
        });
    });
    for (const child of holder.children) if (child instanceof HTMLElement && child.dataset.index) observer.observe(child);
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [windowed, start, end, turns, update]);

  // A turn asked for is scrolled to once it is drawn.
  useLayoutEffect(() => {
    const asked = pending.current;
    if (!asked) return;
    const element = list.current?.querySelector<HTMLElement>(`[data-index="${asked.index}"]`);
    if (!element) return;
    pending.current = null;
    element.scrollIntoView({ block: 'center' });
    asked.then?.(element);
  });

  if (!windowed) return { list, windowed, start: 0, end: count, before: 0, after: 0, reveal };
  const clampedEnd = Math.min(state.end, count);
  return { list, windowed, start: Math.min(state.start, clampedEnd), end: clampedEnd, before: state.before, after: state.after, reveal };
}

/**
 * Where the reader's view begins, in the coordinates of `tops` (the heights known now). Counted from
 * a drawn turn in the view, not in pixels from the list's top: the spacer above the drawn turns still
 * has the height of the estimate it was drawn with, and when measuring the drawn turns changes the
 * estimate of every turn above them, pixels would put the view elsewhere in the new estimate — the
 * window moved away from the turns on screen (a turn revealed after a reload, before its neighbours
 * were measured, was taken off the page again). Pixels only when no drawn turn is in view (the
 * scroll bar dragged far).
 */
function viewTopOf(box: HTMLElement, holder: HTMLElement, tops: Float64Array, viewHeight: number): number {
  const top = box.getBoundingClientRect().top;
  for (const child of holder.children) {
    if (!(child instanceof HTMLElement) || child.dataset.index === undefined) continue;
    const turn = child.getBoundingClientRect();
    if (turn.bottom <= top) continue;
    const at = tops[Number(child.dataset.index)];
    if (turn.top < top + viewHeight && at !== undefined) return at + (top - turn.top);
    break;
  }
  return top - holder.getBoundingClientRect().top;
}
