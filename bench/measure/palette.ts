import type { Label } from '../../src/shared/model.ts';
import { createLabelSearch, searchLabels } from '../../src/renderer/features/coding/label-search.ts';
import { generateCodebook } from '../corpus/codebook.ts';
import { summarize, type Summary } from '../stats.ts';

/** What a coder types into the palette, one keystroke at a time. */
const TYPED = ['taakopvatting', 'samenwerking clb', 'grens', 'knelpunt ouders', 'motivatie', 'zorgbeleid beleid', 'frustratie werkdruk', 'xyz'];

export interface PaletteFigures {
  labels: number;
  /** Building the index: the palette does it each time it opens. */
  open: Summary;
  keystroke: Summary;
}

/** The palette's own search module over a codebook of `count` labels, keystroke by keystroke. */
export function measurePalette(count: number, rounds: number): PaletteFigures {
  const labels: Label[] = generateCodebook(count, 0xfa1e).map((l, i) => ({
    id: `label-${i}`,
    name: l.name,
    parentId: l.parent === null ? null : `label-${l.parent}`,
    position: i,
    colour: '#0072B2',
    definition: l.definition,
    definitionRich: null,
    inclusion: '',
    exclusion: '',
    example: '',
    origin: l.origin,
    round: 1,
    createdBy: 'bench',
    createdAt: '2025-01-01T00:00:00.000Z',
    segmentCount: 0,
    documentCount: 0,
    branchSegmentCount: 0,
    branchDocumentCount: 0,
  }));
  const open: number[] = [];
  const keystroke: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const word of TYPED) {
      let started = performance.now();
      const fuse = createLabelSearch(labels);
      open.push(performance.now() - started);
      for (let i = 1; i <= word.length; i++) {
        const typed = word.slice(0, i).trim();
        if (!typed) continue;
        started = performance.now();
        searchLabels(fuse, typed);
        keystroke.push(performance.now() - started);
      }
    }
  }
  return { labels: labels.length, open: summarize(open), keystroke: summarize(keystroke) };
}
