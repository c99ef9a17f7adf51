import { describe, expect, it } from 'vitest';
import type { Label, Segment } from '../../src/shared/model.ts';
import { PENDING_PREFIX, replacePending, withLabel, withPendingCoding, withSegment } from '../../src/renderer/store/merge.ts';

const seg = (id: string, start: number, end: number, labels: string[] = ['l1']): Segment =>
  ({ id, documentId: 'd', start, end, text: 'x', createdBy: 'an', createdAt: '', codings: labels.map((labelId) => ({ id: `${id}-${labelId}`, segmentId: id, labelId, coder: 'an', createdAt: '' })) }) as unknown as Segment;

describe('merging a write answer into the store', () => {
  it('keeps the core order (start, then end) and replaces the old version of a segment', () => {
    const list = [seg('a', 0, 5), seg('b', 10, 20), seg('c', 10, 30), seg('d', 40, 50)];
    expect(withSegment(list, seg('n', 10, 25)).map((s) => s.id)).toEqual(['a', 'b', 'n', 'c', 'd']);
    expect(withSegment(list, seg('n', 0, 3)).map((s) => s.id)).toEqual(['n', 'a', 'b', 'c', 'd']);
    expect(withSegment(list, seg('n', 60, 70)).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'n']);
    const recoded = withSegment(list, seg('c', 10, 30, ['l1', 'l2']));
    expect(recoded.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(recoded[2]!.codings.map((c) => c.labelId)).toEqual(['l1', 'l2']);
    expect(recoded[0]).toBe(list[0]); // untouched segments stay the same objects, so their turns do not repaint
    expect(withSegment([], seg('n', 1, 2)).map((s) => s.id)).toEqual(['n']);
  });

  it('replaces a known label and leaves a new one to a fetch of the list', () => {
    const labels = [{ id: 'l1', segmentCount: 1 }, { id: 'l2', segmentCount: 0 }] as Label[];
    expect(withLabel(labels, { id: 'l2', segmentCount: 4 } as Label)).toEqual([{ id: 'l1', segmentCount: 1 }, { id: 'l2', segmentCount: 4 }]);
    expect(withLabel(labels, { id: 'l3', segmentCount: 1 } as Label)).toBeNull();
  });
});

describe('a coding drawn before the core answers', () => {
  const list = [seg('a', 0, 5), seg('b', 10, 20), seg('d', 40, 50)];
  const coding = (start: number, end: number, labelId = 'l2', coder = 'an') => ({ documentId: 'd', start, end, labelId, coder, coderName: coder, text: 'woorden' });

  it('draws a new span as a pending segment in the core order, and takes it away again', () => {
    const drawn = withPendingCoding(list, coding(12, 30))!;
    expect(drawn.pending.id.startsWith(PENDING_PREFIX)).toBe(true);
    expect(drawn.segments.map((s) => s.id)).toEqual(['a', 'b', drawn.pending.id, 'd']);
    expect(drawn.pending).toMatchObject({ start: 12, end: 30, text: 'woorden', codings: [{ labelId: 'l2', coder: 'an' }] });
    expect(drawn.before).toBeNull();
    expect(drawn.segments[0]).toBe(list[0]);
    expect(replacePending(drawn.segments, drawn.pending, drawn.before)).toEqual(list);
  });

  it('adds the label to a segment of the same span, and puts the old one back on a refusal', () => {
    const drawn = withPendingCoding(list, coding(10, 20))!;
    expect(drawn.pending.id).toBe('b');
    expect(drawn.segments.map((s) => s.id)).toEqual(['a', 'b', 'd']);
    expect(drawn.segments[1]!.codings.map((c) => c.labelId)).toEqual(['l1', 'l2']);
    const restored = replacePending(drawn.segments, drawn.pending, drawn.before);
    expect(restored[1]).toBe(list[1]);
    // Another coder's coding with the same label is a coding of its own.
    expect(withPendingCoding(list, coding(10, 20, 'l1', 'bo'))!.pending.codings).toHaveLength(2);
  });

  it('draws nothing when the coder already has that label on the span', () => {
    expect(withPendingCoding(list, coding(10, 20, 'l1'))).toBeNull();
  });
});
