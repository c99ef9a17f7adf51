import { memo, type CSSProperties } from 'react';
import type { Label, Segment } from '../../../shared/model.ts';
import type { Range } from '../../../shared/text/highlight.ts';
import { turnRuns } from './runs.ts';

const MAX_STACK = 4;

function underlines(colours: string[]): CSSProperties {
  const shown = colours.slice(0, MAX_STACK);
  return {
    backgroundImage: shown.map((c) => `linear-gradient(${c}, ${c})`).join(', '),
    backgroundSize: shown.map(() => '100% 2px').join(', '),
    backgroundPosition: shown.map((_, i) => `0 calc(100% - ${i * 3}px)`).join(', '),
    backgroundRepeat: 'no-repeat',
    paddingBottom: `${(shown.length - 1) * 3 + 1}px`,
  };
}

/**
 * One turn's text, cut into runs at segment and search-mark boundaries. A coded run carries a
 * stacked underline per label (overlaps stay readable), its label names on hover, and the ids of its
 * segments for clicks. Offsets (segments, terms, a run's `data-o`) are relative to the turn's start,
 * so that a correction of an earlier turn changes nothing here. Memoised: coding one turn repaints
 * that turn only.
 */
export const CodedTurnText = memo(function CodedTurnText(props: {
  text: string;
  /** Relative to the turn's start. */
  segments: Segment[];
  labelsById: Map<string, Label>;
  terms: Range[];
  selectedId: string | null;
  hoveredId: string | null;
}) {
  const { text, segments, labelsById, terms, selectedId, hoveredId } = props;
  const byId = new Map(segments.map((s) => [s.id, s]));
  const runs = turnRuns(0, text.length, segments, terms);
  return (
    <div className="turn__text">
      {runs.map((run) => {
        const runText = text.slice(run.start, run.end);
        if (run.segmentIds.length === 0) {
          return (
            <span key={run.start} data-o={run.start} className={run.term ? 'term' : undefined}>
              {runText}
            </span>
          );
        }
        const labels: Label[] = [];
        for (const id of run.segmentIds) {
          for (const coding of byId.get(id)!.codings) {
            const label = labelsById.get(coding.labelId);
            if (label && !labels.includes(label)) labels.push(label);
          }
        }
        const classes = ['coded'];
        if (run.term) classes.push('term');
        if (selectedId && run.segmentIds.includes(selectedId)) classes.push('is-selected');
        if (hoveredId && run.segmentIds.includes(hoveredId)) classes.push('is-hovered');
        return (
          <span
            key={run.start}
            data-o={run.start}
            data-segments={run.segmentIds.join(' ')}
            className={classes.join(' ')}
            style={underlines(labels.map((l) => l.colour))}
            title={labels.map((l) => l.name).join(' · ')}
          >
            {runText}
          </span>
        );
      })}
    </div>
  );
});
