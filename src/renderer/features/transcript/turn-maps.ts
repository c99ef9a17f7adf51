import { useMemo } from 'react';
import type { DocumentDetail, GuideSpan, Segment } from '../../../shared/model.ts';
import { findTerms, type Range } from '../../../shared/text/highlight.ts';

const EMPTY: Segment[] = [];
const SPEAKER_TINTS = 4;

/**
 * Segments per turn in one sweep (both lists are sorted by start). A write replaces only the
 * segments it touched, so a turn whose segments are the very same objects keeps its array, and its
 * memoised text is not rendered again.
 */
export function useSegmentsByTurn(document: DocumentDetail | null, segments: Segment[]): Map<number, Segment[]> {
  const cache = useMemo(() => new Map<number, Segment[]>(), [document?.id]);
  return useMemo(() => {
    const map = new Map<number, Segment[]>();
    let next = 0;
    let active: Segment[] = [];
    for (const item of document?.turns ?? []) {
      // Every segment taken in starts before this turn ends; those that ended before it go.
      while (next < segments.length && segments[next]!.start < item.end) active.push(segments[next++]!);
      // An empty segment (its words deleted by a correction) belongs to the turn it stands at the start of.
      const stays = (s: Segment) => s.end > item.start || (s.start === s.end && s.start === item.start);
      if (active.some((s) => !stays(s))) active = active.filter(stays);
      const cached = cache.get(item.position);
      const same = cached !== undefined && cached.length === active.length && cached.every((s, i) => s === active[i]);
      const list = same ? cached : active.length ? active.slice() : EMPTY;
      cache.set(item.position, list);
      map.set(item.position, list);
    }
    return map;
  }, [document, segments, cache]);
}

/** The search terms marked in each turn. */
export function useTermsByTurn(document: DocumentDetail | null, query: string): Map<number, Range[]> {
  return useMemo(() => {
    const map = new Map<number, Range[]>();
    if (!query) return map;
    for (const item of document?.turns ?? []) {
      const found = findTerms(item.text, query).map((r) => ({ start: r.start + item.start, end: r.end + item.start }));
      if (found.length) map.set(item.position, found);
    }
    return map;
  }, [document, query]);
}

/** A quiet tint per speaker, in the order they first speak. */
export function useSpeakerTints(document: DocumentDetail | null): Map<string, number> {
  return useMemo(() => {
    const map = new Map<string, number>();
    for (const item of document?.turns ?? []) if (item.speaker && !map.has(item.speaker)) map.set(item.speaker, map.size % SPEAKER_TINTS);
    return map;
  }, [document]);
}

/**
 * The guide marks starting in each turn, and the turns that (partly) answer a marked section (a quiet
 * bar beside their text). A turn keeps its previous array while its marks are the same, as its memo needs.
 */
export function useGuideByTurn(document: DocumentDetail | null, guideSpans: GuideSpan[]) {
  const cache = useMemo(() => new Map<number, { key: string; spans: GuideSpan[] }>(), [document?.id]);
  const guidedTurns = useMemo(() => {
    const marked = new Set<number>();
    for (const item of document?.turns ?? []) if (guideSpans.some((g) => g.start < item.end && g.end > item.start)) marked.add(item.position);
    return marked;
  }, [document, guideSpans]);
  const guideByTurn = useMemo(() => {
    const map = new Map<number, GuideSpan[]>();
    for (const item of document?.turns ?? []) {
      const here = guideSpans.filter((g) => g.start >= item.start && g.start < item.end);
      if (here.length === 0) continue;
      const key = here.map((g) => `${g.id}:${g.start}-${g.end}:${g.sectionTitle}:${g.questionText ?? ''}`).join('|');
      const cached = cache.get(item.position);
      if (cached && cached.key === key) map.set(item.position, cached.spans);
      else {
        cache.set(item.position, { key, spans: here });
        map.set(item.position, here);
      }
    }
    return map;
  }, [document, guideSpans, cache]);
  return { guidedTurns, guideByTurn };
}
