import { describe, expect, it } from 'vitest';
import type { Label, Segment } from '../../src/shared/model.ts';
import { reloadFor } from '../../src/renderer/store/change-reload.ts';
import { withLabel, withSegment } from '../../src/renderer/store/merge.ts';

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

describe('what a change event reloads', () => {
  it('skips the window\'s own codings, fetches the long lists only when they can have changed', () => {
    expect(reloadFor('codings/apply', true)).toEqual({ documents: false, participants: false, afterWrite: false });
    expect(reloadFor('codings/apply', false)).toEqual({ documents: false, participants: false, afterWrite: true });
    expect(reloadFor('memos/save', true)).toEqual({ documents: false, participants: false, afterWrite: true });
    expect(reloadFor('participants/update', true)).toEqual({ documents: true, participants: true, afterWrite: true });
    expect(reloadFor('history/undo', true)).toEqual({ documents: true, participants: true, afterWrite: false });
    expect(reloadFor('something/new', false)).toEqual({ documents: true, participants: true, afterWrite: true });
  });
});
