import { useMemo } from 'react';
import type { Segment } from '../../../shared/model.ts';
import { useData } from '../../data/index.ts';
import { useStore } from '../../store/index.ts';
import { PENDING_PREFIX, withSegment } from '../../store/merge.ts';

const EMPTY: Segment[] = [];

/**
 * A transcript's segments as the reader draws them: the stored ones, with a coding drawn ahead of
 * the core's answer in its place, filtered to one coder when the user asks, or to this coder's own
 * while blind coding is on (issue 25: two researchers code one transcript without seeing each
 * other's codings). A segment filtered once stays the same object while it is, so that a coding
 * repaints its own turn only.
 */
export function useTranscriptSegments(documentId: string) {
  const stored = useData('segments/list', { documentId }, EMPTY);
  const pendingCoding = useStore((s) => (s.pendingCoding?.documentId === documentId ? s.pendingCoding : null));
  const chosen = useStore((s) => s.coderFilter);
  const blind = useStore((s) => s.blindCoding);
  const me = useStore((s) => s.coderId);
  // Before this coder's first coding in the project they have no key yet: blind, nobody else's shows.
  const coderFilter = blind ? (me ?? `${PENDING_PREFIX}coder`) : chosen;
  const allSegments = useMemo(() => (pendingCoding ? withSegment(stored, pendingCoding.pending) : stored), [stored, pendingCoding]);
  const coders = useMemo(() => {
    const byId = new Map<string, string>();
    for (const s of allSegments) for (const c of s.codings) if (!c.coder.startsWith(PENDING_PREFIX)) byId.set(c.coder, c.coderName);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }, [allSegments]);
  const filtered = useMemo(() => new WeakMap<Segment, Segment>(), [coderFilter, blind]);
  const segments = useMemo(() => {
    if (coderFilter === null) return allSegments;
    const shown: Segment[] = [];
    for (const s of allSegments) {
      let own = filtered.get(s);
      if (!own) {
        own = { ...s, codings: s.codings.filter((c) => c.coder === coderFilter || (blind && c.coder.startsWith(PENDING_PREFIX))) };
        filtered.set(s, own);
      }
      if (own.codings.length > 0) shown.push(own);
    }
    return shown;
  }, [allSegments, coderFilter, filtered, blind]);
  return { allSegments, segments, coders, coderFilter: blind ? null : chosen, blind };
}
