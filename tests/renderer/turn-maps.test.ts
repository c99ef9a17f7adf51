import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentDetail, Segment } from '../../src/shared/model.ts';
import type { TranscriptEditResult } from '../../src/shared/transcripts.ts';
import { patchDocument, patchSegments } from '../../src/renderer/features/transcript-edit/patch.ts';
import { segmentsByTurn, termsByTurn, type TurnCache } from '../../src/renderer/features/transcript/turn-maps.ts';
import { newSession } from '../support/temp.ts';
import { caller } from '../core/analysis-fixture.ts';

/** Twelve turns, a coded passage in each, one passage running over two turns. */
async function codedTranscript() {
  const { session, dir } = newSession('hanne');
  const call = caller(session);
  const lines = Array.from({ length: 12 }, (_, i) => `${i % 2 ? 'Katrien' : 'Interviewer'}: Beurt ${i}. We plannen de zorg samen met het team, week ${i}.`);
  const file = join(dir, 'interview.txt');
  writeFileSync(file, lines.join('\n\n'));
  await call('documents/import', { files: [{ path: file }] });
  const documentId = ((await call('documents/list', {})) as Array<{ id: string }>)[0]!.id;
  const get = async () => (await call('documents/get', { id: documentId })) as DocumentDetail;
  const text = (await get()).text;
  for (let i = 0; i < 12; i++) {
    const start = text.indexOf(`zorg samen`, text.indexOf(`Beurt ${i}.`));
    await call('codings/apply', { documentId, start, end: start + 'zorg samen'.length, labelName: 'Zorg' });
  }
  // From the end of turn 8 into turn 9.
  const over = text.indexOf('week 8');
  await call('codings/apply', { documentId, start: over, end: text.indexOf('We plannen', text.indexOf('Beurt 9.')) + 2, labelName: 'Over' });
  const segments = async () => (await call('segments/list', { documentId })) as Segment[];
  return { session, call, documentId, get, segments };
}

describe('what each drawn turn is given (issue 28)', () => {
  it('a correction of one turn gives every other turn the very same segments and terms; the corrected turn new ones, relative to it, as the core answers', async () => {
    const { session, call, documentId, get, segments } = await codedTranscript();
    try {
      const document = await get();
      const held = await segments();
      const cache: TurnCache<Segment[]> = new Map();
      const termCache: TurnCache<{ text: string; query: string; found: Array<{ start: number; end: number }> }> = new Map();
      const before = segmentsByTurn(document.turns, held, cache);
      const termsBefore = termsByTurn(document.turns, 'team', termCache);
      // Turn 4 longer before its passage: it moves in its turn, every later turn and segment in the document.
      const turn = document.turns[4]!;
      const result = (await call('transcript/edit-turn', { documentId, position: 4, text: turn.text.replace('We plannen', 'Wij plannen nu') })) as TranscriptEditResult;
      const patched = patchDocument(document, result);
      const patchedSegments = patchSegments(held, result);
      expect(patchedSegments.filter((s, i) => s !== held[i]).length).toBeGreaterThan(5);
      const after = segmentsByTurn(patched.turns, patchedSegments, cache);
      const termsAfter = termsByTurn(patched.turns, 'team', termCache);
      for (const t of patched.turns) {
        if (t.position === 4) {
          expect(after.get(4)).not.toBe(before.get(4));
          expect(termsAfter.get(4)).not.toBe(termsBefore.get(4));
        } else {
          expect(after.get(t.position), `turn ${t.position}`).toBe(before.get(t.position));
          expect(termsAfter.get(t.position), `turn ${t.position}`).toBe(termsBefore.get(t.position));
        }
      }
      // Relative to each turn, clipped to one outside it, and where the core now has them.
      const fresh = await get();
      const freshSegments = await segments();
      for (const t of fresh.turns) {
        const expected = freshSegments
          .filter((s) => s.start < t.end && s.end > t.start)
          .map((s) => ({ id: s.id, start: Math.max(-1, s.start - t.start), end: Math.min(t.end - t.start + 1, s.end - t.start) }));
        expect(after.get(t.position)!.map((s) => ({ id: s.id, start: s.start, end: s.end })), `turn ${t.position}`).toEqual(expected);
        for (const s of after.get(t.position)!) if (s.start >= 0 && s.end <= t.text.length) expect(t.text.slice(s.start, s.end)).toBe(freshSegments.find((f) => f.id === s.id)!.text);
      }
      // The passage running from turn 8 into turn 9 starts before turn 9 (-1) however far back.
      expect(after.get(9)!.some((s) => s.start === -1)).toBe(true);
    } finally {
      session.close();
    }
  });
});
