import type { DocumentDetail, Segment, Turn } from '../../../shared/model.ts';
import { applyEdits, moveSpan, offsetMap } from '../../../shared/text/offset-map.ts';
import type { TranscriptEditResult } from '../../../shared/transcripts.ts';

/**
 * A correction's reply applied to what the page holds, so that it need not read the whole
 * transcript and its segments again (300,000 characters and 2,000 codings at size L): the turns the
 * reply names are spliced in, every later one and every segment it does not name move by the edit,
 * as the core moved them (the same offset map). Objects that did not change stay the same objects,
 * so the reader repaints only what moved. The property test of core/transcripts checks both against
 * the core's own answer after every random edit.
 */
export function patchDocument(document: DocumentDetail, result: TranscriptEditResult): DocumentDetail {
  const edits = result.edit ? [result.edit] : [];
  const map = offsetMap(edits);
  const { from, remove, insert } = result.turns;
  const shift = insert.length - remove;
  const later = document.turns.slice(from + remove).map((turn): Turn => {
    const start = map.map(turn.start, 'start');
    return start === turn.start && shift === 0 ? turn : { ...turn, position: turn.position + shift, start, end: start + (turn.end - turn.start) };
  });
  return {
    ...document,
    text: applyEdits(document.text, edits),
    turns: [...document.turns.slice(0, from), ...insert, ...later],
    wordCount: result.document.wordCount,
    turnCount: result.document.turnCount,
    speakers: result.document.speakers,
  };
}

export function patchSegments(segments: Segment[], result: TranscriptEditResult): Segment[] {
  if (!result.edit) return segments;
  const map = offsetMap([result.edit]);
  const told = new Map(result.segments.map((s) => [s.id, s]));
  const next = segments.map((segment) => {
    const now = told.get(segment.id);
    if (now) return now;
    const { start, end } = moveSpan(map, segment.start, segment.end);
    return start === segment.start && end === segment.end ? segment : { ...segment, start, end };
  });
  return next.sort((a, b) => a.start - b.start || a.end - b.end);
}
