import type { DocumentDetail, Segment } from '../../src/shared/model.ts';
import { answerWords, type Span } from '../corpus/coding.ts';

export interface PressTarget extends Span {
  turn: number;
}

/**
 * Spans of three words that no segment touches, spread over the transcript: coding one of them
 * makes a highlight appear that was not there before, so the benchmark knows exactly which element
 * to wait for (`.coded[data-o="<start in its turn>"]` in the target's turn).
 */
export function pressTargets(document: DocumentDetail, segments: Segment[], count: number): PressTarget[] {
  const covered = new Uint8Array(document.text.length + 1);
  for (const s of segments) covered.fill(1, Math.max(0, s.start - 1), s.end + 1);
  const free = (span: Span) => covered.subarray(span.start, span.end).every((c) => c === 0);
  const turns = answerWords(document);
  const positions = document.turns.filter((t) => t.speaker !== 'Interviewer' && /\S/.test(t.text)).map((t) => t.position);
  const out: PressTarget[] = [];
  const stride = Math.max(1, Math.floor(turns.length / count));
  for (let pass = 0; pass < stride && out.length < count; pass++) {
    for (let t = pass; t < turns.length && out.length < count; t += stride) {
      const words = turns[t]!;
      for (let w = 0; w + 2 < words.length; w++) {
        const span = { start: words[w]!.start, end: words[w + 2]!.end };
        if (!free(span)) continue;
        out.push({ ...span, turn: positions[t]! });
        covered.fill(1, span.start - 1, span.end + 1);
        break;
      }
    }
  }
  if (out.length < count) throw new Error(`Only ${out.length} uncoded spans found for ${count} keypresses in "${document.name}".`);
  return out.sort((a, b) => a.start - b.start);
}
