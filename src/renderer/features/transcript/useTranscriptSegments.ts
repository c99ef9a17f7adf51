import { useMemo } from 'react';
import type { Segment } from '../../../shared/model.ts';
import { useData } from '../../data/index.ts';
import { useStore } from '../../store/index.ts';
import { withSegment } from '../../store/merge.ts';

const EMPTY: Segment[] = [];

/**
 * A transcript's segments as the reader draws them: the stored ones, with a coding drawn ahead of
 * the core's answer in its place, filtered to one coder when the user asks. A segment filtered once
 * stays the same object while it is, so that a coding repaints its own turn only.
 */
export function useTranscriptSegments(documentId: string) {
  const stored = useData('segments/list', { documentId }, EMPTY);
  const pendingCoding = useStore((s) => (s.pendingCoding?.documentId === documentId ? s.pendingCoding : null));
  const coderFilter = useStore((s) => s.coderFilter);
  const allSegments = useMemo(() => (pendingCoding ? withSegment(stored, pendingCoding.pending) : stored), [stored, pendingCoding]);
  const coders = useMemo(() => [...new Set(allSegments.flatMap((s) => s.codings.map((c) => c.coder)))].sort(), [allSegments]);
  const filtered = useMemo(() => new WeakMap<Segment, Segment>(), [coderFilter]);
  const segments = useMemo(() => {
    if (coderFilter === null) return allSegments;
    const shown: Segment[] = [];
    for (const s of allSegments) {
      let own = filtered.get(s);
      if (!own) {
        own = { ...s, codings: s.codings.filter((c) => c.coder === coderFilter) };
        filtered.set(s, own);
      }
      if (own.codings.length > 0) shown.push(own);
    }
    return shown;
  }, [allSegments, coderFilter, filtered]);
  return { allSegments, segments, coders, coderFilter };
}
