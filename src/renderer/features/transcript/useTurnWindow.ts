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

/** The heights measured so far (by turn index) and their sum over the characters of those turns. */
interface Measured {
  heights: Map<number, number>;
  height: number;
  chars: number;
}

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
  const measured = useRef<Measured>({ heights: new Map(), height: 0, chars: 0 });
  const pending = useRef<{ index: number; then?: (element: HTMLElement) => void } | null>(null);
  const [state, setState] = useState<WindowState>({ start: 0, end: Math.min(count, 40), before: 0, after: 0 });
  const stateRef = useRef(state);
  stateRef.current = state;
  useKeptHeights(turns, measured);

  const update = useCallback(
    (around: number | null = null) => {
      const next = windowAround(scroller.current, list.current, turns, measured.current, around);
      if (!sameState(stateRef.current, next)) setState(next);
    },
    [scroller, turns],
  );

  const reveal = useCallback(
    (index: number, then?: (element: HTMLElement) => void) => {
      const drawn = list.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (drawn) {
        drawn.scrollIntoView({ block: 'center' });
        then?.(drawn);
        return;
      }
      // Not drawn yet: the window moves around it, and useScrollToAsked scrolls once it is drawn.
      pending.current = { index, then };
      update(index);
    },
    [update],
  );

  useFollowView(scroller, windowed, update);
  useMeasureDrawn(list, windowed, state, turns, measured, update);
  useScrollToAsked(list, pending);

  if (!windowed) return { list, windowed, start: 0, end: count, before: 0, after: 0, reveal };
  const clampedEnd = Math.min(state.end, count);
  return { list, windowed, start: Math.min(state.start, clampedEnd), end: clampedEnd, before: state.before, after: state.after, reveal };
}

/**
 * A new transcript is measured afresh. The same one after a correction keeps the heights of the
 * turns whose words did not change (matched from either end, so a split or join shifts the rest):
 * with every height guessed again, the turns under the view would change and the reader jump.
 */
function useKeptHeights(turns: readonly Turn[], measured: RefObject<Measured>): void {
  const measuredTurns = useRef<readonly Turn[]>(turns);
  useLayoutEffect(() => {
    const before = measuredTurns.current;
    measuredTurns.current = turns;
    const kept: Measured = { heights: new Map(), height: 0, chars: 0 };
    const shift = before.length - turns.length;
    turns.forEach((turn, i) => {
      const same = before[i]?.text === turn.text ? i : before[i + shift]?.text === turn.text ? i + shift : -1;
      const height = same >= 0 ? measured.current.heights.get(same) : undefined;
      if (height === undefined) return;
      kept.heights.set(i, height);
      kept.height += height;
      kept.chars += turn.text.length;
    });
    measured.current = kept;
  }, [turns, measured]);
}

/** The window around the reader's view, or around `around` (an index) when a turn is to be revealed. */
function windowAround(box: HTMLElement | null, holder: HTMLElement | null, turns: readonly Turn[], measured: Measured, around: number | null): WindowState {
  const count = turns.length;
  const { heights, height, chars } = measured;
  const perChar = chars > 0 ? Math.max(0.05, (height - TURN_PADDING * heights.size) / chars) : GUESS_PER_CHAR;
  const tops = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) tops[i + 1] = tops[i]! + (heights.get(i) ?? TURN_PADDING + turns[i]!.text.length * perChar);
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
}

/** Follows the scroll and the size of the view, a window worked out once per frame at most. */
function useFollowView(scroller: RefObject<HTMLElement | null>, windowed: boolean, update: () => void): void {
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
}

/**
 * Measures the turns drawn. The observer reports each one when it is first laid out and whenever
 * its height changes; the window is worked out again in the next frame, not in this one.
 */
function useMeasureDrawn(list: RefObject<HTMLDivElement | null>, windowed: boolean, drawn: WindowState, turns: readonly Turn[], measured: RefObject<Measured>, update: () => void): void {
  const { start, end } = drawn;
  useLayoutEffect(() => {
    const holder = list.current;
    if (!windowed || !holder) return;
    let frame = 0;
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      const known = measured.current;
      for (const entry of entries) {
        const index = Number((entry.target as HTMLElement).dataset.index);
        const height = entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
        const old = known.heights.get(index);
        if (old === height || !turns[index]) continue;
        if (old === undefined) known.chars += turns[index].text.length;
        known.height += height - (old ?? 0);
        known.heights.set(index, height);
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
  }, [list, windowed, start, end, turns, measured, update]);
}

/** A turn asked for is scrolled to once it is drawn. */
function useScrollToAsked(list: RefObject<HTMLDivElement | null>, pending: RefObject<{ index: number; then?: (element: HTMLElement) => void } | null>): void {
  useLayoutEffect(() => {
    const asked = pending.current;
    if (!asked) return;
    const element = list.current?.querySelector<HTMLElement>(`[data-index="${asked.index}"]`);
    if (!element) return;
    pending.current = null;
    element.scrollIntoView({ block: 'center' });
    asked.then?.(element);
  });
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
