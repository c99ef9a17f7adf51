import { createRng, zipfSampler, type Rng } from './prng.ts';
import { CONTENT_WORDS, FUNCTION_WORDS, INTERVIEWER_QUESTIONS, PLANTED_PHRASE, RARE_WORDS } from './vocabulary.ts';

export interface GeneratedTurn {
  speaker: string;
  /** Seconds since the start of the recording. */
  at: number;
  text: string;
}

export interface GeneratedInterview {
  /** The file as a transcription service would write it: `[hh:mm:ss] Naam: …` turns, blank lines between. */
  content: string;
  turns: GeneratedTurn[];
  words: number;
}

// Function words first: the Zipf draw makes them the most frequent, as in speech.
const drawWord = zipfSampler([...FUNCTION_WORDS, ...CONTENT_WORDS], 0.9);
const SHORT_REPLIES = ['Ja.', 'Oké.', 'Mm-hm.', 'Juist.', 'Interessant.', 'En verder?', 'Ja, ga door.'];

function timecode(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

function sentence(rng: Rng, words: number, extra: string | null): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(drawWord(rng));
    if (i > 2 && i < words - 2 && rng.chance(0.06)) out[out.length - 1] += ',';
  }
  if (extra) out.splice(1 + rng.int(Math.max(1, out.length - 1)), 0, extra);
  out[0] = out[0]!.charAt(0).toLocaleUpperCase('nl') + out[0]!.slice(1);
  const end = rng.next();
  return `${out.join(' ')}${end < 0.8 ? '.' : end < 0.9 ? '?' : '…'}`;
}

/**
 * One interview of about `words` words: short questions by the interviewer, long answers by the
 * respondent, each turn timed at a speaking rate of some 130 words a minute. Every tenth interview
 * mentions a rare word once; the planted phrase turns up in about one answer in fifty.
 */
export function generateInterview(index: number, respondent: string, words: number): GeneratedInterview {
  const rng = createRng(0x5eed + index * 7919);
  const turns: GeneratedTurn[] = [];
  let written = 0;
  let rareLeft = index % 10 === 0 ? 1 : 0;
  while (written < words) {
    const asking = turns.length % 2 === 0;
    let text: string;
    if (asking) {
      text = rng.chance(0.7) ? rng.pick(INTERVIEWER_QUESTIONS) : rng.pick(SHORT_REPLIES);
    } else {
      const target = Math.min(words - written, rng.between(40, 260));
      const sentences: string[] = [];
      let count = 0;
      while (count < target) {
        const length = Math.min(target - count, rng.between(5, 18));
        let extra: string | null = null;
        if (rareLeft > 0 && rng.chance(0.05)) {
          extra = RARE_WORDS[(index / 10) % RARE_WORDS.length]!;
          rareLeft--;
        } else if (rng.chance(0.004)) extra = PLANTED_PHRASE;
        sentences.push(sentence(rng, Math.max(1, length), extra));
        count += length;
      }
      text = sentences.join(' ');
    }
    const at = Math.floor((written / 130) * 60);
    turns.push({ speaker: asking ? 'Interviewer' : respondent, at, text });
    written += text.split(' ').length;
  }
  return { content: renderTranscript(turns), turns, words: written };
}

export function renderTranscript(turns: GeneratedTurn[]): string {
  return turns.map((t) => `[${timecode(t.at)}] ${t.speaker}: ${t.text}`).join('\n\n') + '\n';
}

/** The length of the canonical text the importer makes of these turns (joined by a blank line). */
export function canonicalLength(turns: GeneratedTurn[]): number {
  return turns.reduce((sum, t) => sum + t.text.length, 0) + 2 * Math.max(0, turns.length - 1);
}
