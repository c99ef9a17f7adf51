import { describe, expect, it } from 'vitest';
import { groupSpans, visibleRange } from '../../src/renderer/features/matrix/grid-window.ts';

describe('the window of a large heat map', () => {
  it('draws what is in view and a margin, snapped to chunks', () => {
    // 1,000 columns of 40 px, 800 px in view, scrolled to 4,000 px: columns 100 to 120 are in view.
    expect(visibleRange(1000, 40, 4000, 800, 8, 8)).toEqual({ start: 96 - 8, end: 120 + 8 });
    // A few pixels back the drawn window does not change: no redraw per pixel; past the chunk it moves.
    expect(visibleRange(1000, 40, 3990, 800, 8, 8)).toEqual({ start: 88, end: 128 });
    expect(visibleRange(1000, 40, 4030, 800, 8, 8)).toEqual({ start: 88, end: 136 });
  });

  it('stays inside the axis at both ends, and is empty for an empty axis', () => {
    expect(visibleRange(500, 31, 0, 600)).toEqual({ start: 0, end: 32 });
    expect(visibleRange(500, 31, 500 * 31, 600)).toEqual({ start: 488, end: 500 });
    expect(visibleRange(5, 31, 0, 600)).toEqual({ start: 0, end: 5 });
    expect(visibleRange(0, 31, 0, 600)).toEqual({ start: 0, end: 0 });
    // A view smaller than nothing (headers taller than the box) still draws the first rows.
    expect(visibleRange(500, 31, 0, -20)).toEqual({ start: 0, end: 8 });
  });

  it('splits the column groups at the window edges', () => {
    const columns = ['ASO', 'ASO', 'ASO', 'TSO', 'TSO', null, null].map((group) => ({ group }));
    expect(groupSpans(columns, { start: 1, end: 6 })).toEqual([
      { group: 'ASO', span: 2, first: 1 },
      { group: 'TSO', span: 2, first: 3 },
      { group: null, span: 1, first: 5 },
    ]);
    expect(groupSpans(columns, { start: 3, end: 3 })).toEqual([]);
  });
});
