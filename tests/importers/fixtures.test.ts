import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/main/core/documents/importers/index.ts';
import { FIXTURES } from '../support/temp.ts';

/**
 * The six study fixtures against expectations written by hand by whoever wrote each transcript
 * (fixtures/transcripts/expected/*.json): speakers, turn count, and sample turns with their
 * opening and closing words and start time.
 */
interface Expected {
  file: string;
  speakers: string[];
  turnCount: number;
  samples: Array<{ turn: number; speaker: string | null; startsWith: string; endsWith: string; startMs: number | null }>;
}

const dir = join(FIXTURES, 'transcripts');
const expectations = readdirSync(join(dir, 'expected'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, 'expected', f), 'utf8')) as Expected);

describe('study fixtures', () => {
  it('has all six transcripts in four formats', () => {
    expect(expectations.map((e) => e.file).sort()).toEqual([
      'interview-01-aso.docx',
      'interview-02-aso.vtt',
      'interview-03-tso.srt',
      'interview-04-kso.txt',
      'interview-05-bso.vtt',
      'interview-06-dbso.docx',
    ]);
  });

  for (const expected of expectations) {
    describe(expected.file, () => {
      it('has the speakers, turns and sample turns written down for it', async () => {
        const { turns } = await parseTranscript(expected.file, readFileSync(join(dir, expected.file)));
        const speakers = [...new Set(turns.flatMap((t) => (t.speaker ? [t.speaker] : [])))];
        expect(speakers).toEqual(expected.speakers);
        expect(turns).toHaveLength(expected.turnCount);
        expect(expected.samples.length).toBeGreaterThanOrEqual(5);
        for (const sample of expected.samples) {
          const turn = turns[sample.turn]!;
          expect({ turn: sample.turn, speaker: turn.speaker }).toEqual({ turn: sample.turn, speaker: sample.speaker });
          expect(turn.text.startsWith(sample.startsWith), `turn ${sample.turn} starts "${turn.text.slice(0, 80)}"`).toBe(true);
          expect(turn.text.endsWith(sample.endsWith), `turn ${sample.turn} ends "${turn.text.slice(-80)}"`).toBe(true);
          expect(turn.startMs, `start of turn ${sample.turn}`).toBe(sample.startMs);
        }
      });
    });
  }
});
