import { parseTimecode } from '../../../../shared/text/timecode.ts';
import { acceptLabels, labelCandidate, TIMECODE_LINE, type LabelCandidate } from './speaker-labels.ts';
import { speakerKey, TurnBuilder, type RawTurn } from './turn-builder.ts';

/**
 * A transcript as lines: what text files, Word and OpenDocument files have in common once read.
 * `paragraph` marks a line that starts a paragraph (after a blank line, or any paragraph of a
 * word-processor file); a line without it continues the one before (a hard wrap) and is joined with a
 * space. `label` is a speaker label the file marked itself (a bold name in Word).
 */
export interface SourceLine {
  text: string;
  paragraph: boolean;
  label?: string;
  labelTimeMs?: number | null;
}

/** Splits plain text into lines; blank lines become paragraph marks on the next line. */
export function textLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let paragraph = true;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      paragraph = true;
      continue;
    }
    lines.push({ text: line, paragraph });
    paragraph = false;
  }
  return lines;
}

interface Classified {
  line: SourceLine;
  candidate: LabelCandidate | null;
  timecode: number | null;
}

function classify(lines: SourceLine[]): Classified[] {
  const out: Classified[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.label !== undefined) {
      out.push({ line, candidate: { label: line.label, timeMs: line.labelTimeMs ?? null, rest: line.text, strong: true }, timecode: null });
      continue;
    }
    const tc = TIMECODE_LINE.exec(line.text);
    if (tc) {
      out.push({ line, candidate: null, timecode: parseTimecode(tc[1]!) });
      continue;
    }
    let candidate = labelCandidate(line.text);
    // A name alone on its line followed by a time alone on the next (Otter's other layout).
    const next = lines[i + 1];
    // Not trusted on one sight (it needs to recur), and never a line that ends like a sentence.
    if (!candidate && next && !/[.?!,;…]$/u.test(line.text) && TIMECODE_LINE.test(next.text)) {
      const named = labelCandidate(`${line.text}:`);
      if (named) {
        candidate = { ...named, timeMs: parseTimecode(TIMECODE_LINE.exec(next.text)![1]!), strong: false };
        i++;
      }
    }
    out.push({ line, candidate, timecode: null });
  }
  return out;
}

/**
 * Turns from lines: accepted labels start turns, a timecode alone on a line dates the next turn,
 * other lines continue the current turn. Text before the first label is a turn without speaker; a
 * file without any label becomes one speakerless turn per paragraph.
 */
export function turnsFromLines(lines: SourceLine[]): RawTurn[] {
  const classified = classify(lines);
  const accepted = acceptLabels(classified.flatMap((c) => (c.candidate ? [c.candidate] : [])));
  const builder = new TurnBuilder();
  let pendingTime: number | null = null;
  for (const { line, candidate, timecode } of classified) {
    if (timecode !== null) {
      pendingTime = timecode;
      continue;
    }
    if (candidate && accepted.has(speakerKey(candidate.label)!)) {
      builder.speaker(candidate.label, candidate.timeMs ?? pendingTime, '\n');
      pendingTime = null;
      builder.text(candidate.rest, '\n');
      continue;
    }
    if (accepted.size === 0 && line.paragraph) builder.endTurn();
    builder.text(line.text, line.paragraph ? '\n' : ' ');
  }
  return builder.finish();
}
