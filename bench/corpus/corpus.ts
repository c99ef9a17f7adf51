import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalLength, generateInterview, renderTranscript, type GeneratedTurn } from './interview.ts';
import { createRng } from './prng.ts';
import { LONG_TRANSCRIPT, type CorpusSize } from './sizes.ts';
import { FIRST_NAMES, NETWORKS, ROLES, SCHOOL_TYPES } from './vocabulary.ts';

export interface Corpus {
  dir: string;
  /** The interview files (not the participants table). */
  files: string[];
  participantsCsv: string;
  /** Bytes of the interview files, the figure import throughput is measured against. */
  bytes: number;
  words: number;
  /** Every turn's text, for the raw-insert baseline that skips parsing. */
  turnTexts: string[];
  long: { file: string; characters: number };
}

export function participantName(index: number): string {
  return `${FIRST_NAMES[index % FIRST_NAMES.length]} ${String(index + 1).padStart(4, '0')}`;
}

function participantsTable(count: number): string {
  const rng = createRng(0xca5e);
  const rows = ['naam,schooltype,net,rol,jaren ervaring'];
  for (let i = 0; i <= count; i++) {
    rows.push([participantName(i), rng.pick(SCHOOL_TYPES), rng.pick(NETWORKS), rng.pick(ROLES), rng.between(1, 35)].map((v) => (String(v).includes(',') ? `"${v}"` : v)).join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** The long transcript: the turns of one big interview, cut just past the wanted length. */
function longTranscript(respondent: string): GeneratedTurn[] {
  const all = generateInterview(999_999, respondent, Math.ceil(LONG_TRANSCRIPT.characters / 5)).turns;
  const turns: GeneratedTurn[] = [];
  for (const turn of all) {
    turns.push(turn);
    if (canonicalLength(turns) >= LONG_TRANSCRIPT.characters) break;
  }
  return turns;
}

/**
 * Writes the corpus of one size into `dir`: one `.txt` per interview (named after its participant,
 * who is its respondent so that import links them), the participants table, and apart from those
 * the long transcript of the browser benchmark (its participant is the one after the last interview).
 */
export function writeCorpus(dir: string, size: CorpusSize): Corpus {
  const interviews = join(dir, 'interviews');
  mkdirSync(interviews, { recursive: true });
  const files: string[] = [];
  const turnTexts: string[] = [];
  let bytes = 0;
  let words = 0;
  for (let i = 0; i < size.interviews; i++) {
    const interview = generateInterview(i, participantName(i), size.wordsPerInterview);
    const file = join(interviews, `interview-${String(i + 1).padStart(4, '0')}.txt`);
    writeFileSync(file, interview.content);
    files.push(file);
    bytes += Buffer.byteLength(interview.content);
    words += interview.words;
    for (const turn of interview.turns) turnTexts.push(turn.text);
  }
  const participantsCsv = join(dir, 'deelnemers.csv');
  writeFileSync(participantsCsv, participantsTable(size.interviews));
  const turns = longTranscript(participantName(size.interviews));
  const long = join(dir, `${LONG_TRANSCRIPT.name}.txt`);
  writeFileSync(long, renderTranscript(turns));
  return { dir, files, participantsCsv, bytes, words, turnTexts, long: { file: long, characters: canonicalLength(turns) } };
}
