import { useMemo } from 'react';
import type { Coding, DocumentDetail, GuideSpan, Memo, Segment, Turn } from '../../../shared/model.ts';
import { findTerms, type Range } from '../../../shared/text/highlight.ts';
import type { TurnGuideSpan } from '../coding/GuideMarks.tsx';

const EMPTY: Segment[] = [];
const SPEAKER_TINTS = 4;

/*
 * Everything a drawn turn is given is relative to the turn's own start (issue 28): a correction
 * changes one turn's length and moves every later turn and segment in the document, but not in
 * their turns, so a later turn gets the very same props (===) and its memo skips it. The absolute
 * start of a turn is only on its `<section data-start>`, which the reader maps offsets through.
 */

/** A turn's segments, their offsets relative to the turn's start (clipped just outside it). */
export type TurnSegments = Map<number, Segment[]>;

/** Per turn position what was given the last time, to give the same objects while nothing changed. */
export type TurnCache<T> = Map<number, T>;

const sameCodings = (a: Coding[], b: Coding[]) => a === b || (a.length === b.length && a.every((c, i) => c === b[i]));

/**
 * A segment as its turn draws it: relative offsets, clipped to one before and one past the turn (a
 * segment running over from an earlier turn starts at -1 in every turn it reaches, however far back
 * it began). `held` is the turn's previous relative segment of this id, kept when nothing differs.
 */
function relativeSegment(segment: Segment, turn: Turn, held: Segment | undefined): Segment {
  const length = turn.end - turn.start;
  const start = Math.max(-1, Math.min(length + 1, segment.start - turn.start));
  const end = Math.max(-1, Math.min(length + 1, segment.end - turn.start));
  if (
    held &&
    held.start === start &&
    held.end === end &&
    held.text === segment.text &&
    held.textStatus === segment.textStatus &&
    held.previousText === segment.previousText &&
    sameCodings(held.codings, segment.codings)
  )
    return held;
  return { ...segment, start, end };
}

/** The relative segments of one turn, the held array itself when every one of them is the same. */
function relativeList(active: Segment[], turn: Turn, held: Segment[] | undefined): Segment[] {
  if (active.length === 0) return EMPTY;
  // Mostly the same segments in the same order: matched by place, by id only when they are not.
  const list = active.map((s, i) => relativeSegment(s, turn, held?.[i]?.id === s.id ? held[i] : held?.find((h) => h.id === s.id)));
  return held !== undefined && held.length === list.length && held.every((s, i) => s === list[i]) ? held : list;
}

/**
 * Segments per turn in one sweep (both lists are sorted by start), relative to each turn. A turn
 * whose segments did not change in the turn keeps its array, and its memoised text is not rendered
 * again — also when a correction of an earlier turn moved them all in the document.
 */
export function segmentsByTurn(turns: readonly Turn[], segments: readonly Segment[], cache: TurnCache<Segment[]>): TurnSegments {
  const map: TurnSegments = new Map();
  let next = 0;
  let active: Segment[] = [];
  for (const item of turns) {
    // Every segment taken in starts before this turn ends; those that ended before it go.
    while (next < segments.length && segments[next]!.start < item.end) active.push(segments[next++]!);
    // An empty segment (its words deleted by a correction) belongs to the turn it stands at the start of.
    const stays = (s: Segment) => s.end > item.start || (s.start === s.end && s.start === item.start);
    if (active.some((s) => !stays(s))) active = active.filter(stays);
    const list = relativeList(active, item, cache.get(item.position));
    cache.set(item.position, list);
    map.set(item.position, list);
  }
  return map;
}

export function useSegmentsByTurn(document: DocumentDetail | null, segments: Segment[]): TurnSegments {
  const cache = useMemo((): TurnCache<Segment[]> => new Map(), [document?.id]);
  return useMemo(() => segmentsByTurn(document?.turns ?? [], segments, cache), [document, segments, cache]);
}

/** The search terms marked in each turn, relative to it; a turn whose words did not change keeps its array. */
export function termsByTurn(turns: readonly Turn[], query: string, cache: TurnCache<{ text: string; query: string; found: Range[] }>): Map<number, Range[]> {
  const map = new Map<number, Range[]>();
  if (!query) return map;
  for (const item of turns) {
    let held = cache.get(item.position);
    if (!held || held.text !== item.text || held.query !== query) cache.set(item.position, (held = { text: item.text, query, found: findTerms(item.text, query) }));
    if (held.found.length) map.set(item.position, held.found);
  }
  return map;
}

export function useTermsByTurn(document: DocumentDetail | null, query: string): Map<number, Range[]> {
  const cache = useMemo(() => new Map<number, { text: string; query: string; found: Range[] }>(), [document?.id]);
  return useMemo(() => termsByTurn(document?.turns ?? [], query, cache), [document, query, cache]);
}

/** A quiet tint per speaker, in the order they first speak. */
export function useSpeakerTints(document: DocumentDetail | null): Map<string, number> {
  return useMemo(() => {
    const map = new Map<string, number>();
    for (const item of document?.turns ?? []) if (item.speaker && !map.has(item.speaker)) map.set(item.speaker, map.size % SPEAKER_TINTS);
    return map;
  }, [document]);
}

/** The guide marks starting in each turn, relative to it; a turn keeps its array while its marks are the same. */
export function guideByTurn(document: DocumentDetail, guideSpans: readonly GuideSpan[], cache: TurnCache<{ key: string; spans: TurnGuideSpan[] }>) {
  const map = new Map<number, TurnGuideSpan[]>();
  for (const item of document.turns) {
    const here = guideSpans.filter((g) => g.start >= item.start && g.start < item.end);
    if (here.length === 0) continue;
    const spans = here.map((g) => ({ ...g, start: g.start - item.start, end: g.end - item.start, quote: document.text.slice(g.start, g.end).replace(/\s+/g, ' ').trim() }));
    const key = JSON.stringify(spans.map((g) => [g.id, g.start, g.end, g.sectionId, g.sectionTitle, g.questionId, g.questionText, g.quote]));
    const cached = cache.get(item.position);
    if (cached && cached.key === key) map.set(item.position, cached.spans);
    else {
      cache.set(item.position, { key, spans });
      map.set(item.position, spans);
    }
  }
  return map;
}

/**
 * The guide marks starting in each turn, and the turns that (partly) answer a marked section (a quiet
 * bar beside their text).
 */
export function useGuideByTurn(document: DocumentDetail | null, guideSpans: GuideSpan[]) {
  const cache = useMemo(() => new Map<number, { key: string; spans: TurnGuideSpan[] }>(), [document?.id]);
  const guidedTurns = useMemo(() => {
    const marked = new Set<number>();
    for (const item of document?.turns ?? []) if (guideSpans.some((g) => g.start < item.end && g.end > item.start)) marked.add(item.position);
    return marked;
  }, [document, guideSpans]);
  const byTurn = useMemo(() => (document ? guideByTurn(document, guideSpans, cache) : new Map<number, TurnGuideSpan[]>()), [document, guideSpans, cache]);
  return { guidedTurns, guideByTurn: byTurn };
}

const sameMemos = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) => a.size === b.size && [...a].every(([id, words]) => b.get(id) === words);

/**
 * Per turn the memos of the segments starting in it (segment id → the memo's title or first words),
 * so that a memo's change repaints only its turn; a turn keeps its map while its memos read the same.
 */
export function memosByTurn(segments: TurnSegments, memos: readonly Memo[], cache: TurnCache<ReadonlyMap<string, string>>): Map<number, ReadonlyMap<string, string>> {
  const bySegment = new Map<string, string>();
  for (const memo of memos) {
    if (memo.target.kind !== 'segment' || !memo.target.id || bySegment.has(memo.target.id)) continue;
    const words = (memo.title || memo.bodyText).trim();
    if (words) bySegment.set(memo.target.id, words.length > 60 ? `${words.slice(0, 60)}…` : words);
  }
  const out = new Map<number, ReadonlyMap<string, string>>();
  if (bySegment.size === 0) return out;
  for (const [position, inTurn] of segments) {
    let forTurn: Map<string, string> | null = null;
    for (const s of inTurn) {
      const memo = bySegment.get(s.id);
      if (memo !== undefined) (forTurn ??= new Map()).set(s.id, memo);
    }
    if (!forTurn) continue;
    const held = cache.get(position);
    const shared = held && sameMemos(held, forTurn) ? held : forTurn;
    cache.set(position, shared);
    out.set(position, shared);
  }
  return out;
}

export function useMemosByTurn(document: DocumentDetail | null, segments: TurnSegments, memos: readonly Memo[]) {
  const cache = useMemo((): TurnCache<ReadonlyMap<string, string>> => new Map(), [document?.id]);
  return useMemo(() => memosByTurn(segments, memos, cache), [segments, memos, cache]);
}
