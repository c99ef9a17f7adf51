import { DuidingError } from '../../../../shared/errors.ts';
import { acceptLabels, labelCandidate, type LabelCandidate } from './speaker-labels.ts';
import { htmlText } from './markup.ts';
import { speakerKey, TurnBuilder, type RawTurn } from './turn-builder.ts';

/** A subtitle cue: its times and its payload lines, tags and entities still in place. */
export interface Cue {
  startMs: number;
  endMs: number;
  lines: string[];
}

const CUE_TIME = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})`;
const TIMING = new RegExp(String.raw`^\s*${CUE_TIME}\s*-->\s*${CUE_TIME}(?:\s.*)?$`);

function ms(h: string | undefined, m: string, s: string, frac: string): number {
  return ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0'));
}

function parseTiming(line: string): { startMs: number; endMs: number } | null {
  const t = TIMING.exec(line);
  if (!t) return null;
  return { startMs: ms(t[1], t[2]!, t[3]!, t[4]!), endMs: ms(t[5], t[6]!, t[7]!, t[8]!) };
}

interface Block {
  /** The 1-based line number of the block's first line. */
  line: number;
  lines: string[];
}

/** Blocks separated by blank lines (a line of only spaces counts as blank), each as its lines. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  let current: Block | null = null;
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      out.push(current);
    }
    current.lines.push(line);
  });
  return out;
}

const quoted = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * The cue of a block: the timing line may follow a cue id (VTT) or a number (SRT). A block that
 * has a timing line Duiding cannot read is left out and said in `notes`: it used to vanish without
 * a word.
 */
function cueOf(block: Block, notes: string[] | null): Cue | null {
  const { lines } = block;
  const at = lines.findIndex((line) => line.includes('-->'));
  if (at < 0 || at > 1) return null;
  const timing = parseTiming(lines[at]!);
  const text = lines.slice(at + 1).filter((line) => line.trim() !== '');
  if (!timing) {
    notes?.push(`left out the cue on line ${block.line + at}: its timing ${quoted(lines[at]!.trim())} is broken${text.length ? ` (its text was ${quoted(text.join(' '))})` : ''}`);
    return null;
  }
  return { ...timing, lines: text };
}

export function parseVtt(name: string, text: string, notes: string[] | null = null): Cue[] {
  if (!/^WEBVTT(?:[ \t].*)?$/.test(text.split('\n', 1)[0]!.trim())) {
    throw new DuidingError(`${name} is not a WebVTT file: its first line must be "WEBVTT".`, 'input', { code: 'notVtt', params: { file: name } });
  }
  const cues: Cue[] = [];
  const all = blocks(text);
  for (const block of all.slice(1)) {
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block.lines[0]!)) continue;
    const cue = cueOf(block, notes);
    if (cue) cues.push(cue);
  }
  // The header block may itself hold the first cue when the blank line after WEBVTT is missing.
  const headerCue = cueOf({ line: all[0]!.line + 1, lines: all[0]!.lines.slice(1) }, notes);
  if (headerCue) cues.unshift(headerCue);
  if (cues.length === 0) throw new DuidingError(`${name} contains no cues: there is no timed text in this WebVTT file.`, 'input', {
      code: 'noCues',
      params: { file: name },
    });
  return cues;
}

export function parseSrt(name: string, text: string, notes: string[] | null = null): Cue[] {
  const cues = blocks(text)
    .map((block) => cueOf(block, notes))
    .filter((cue): cue is Cue => cue !== null);
  if (cues.length === 0) {
    throw new DuidingError(`${name} contains no subtitles: no "00:00:01,000 --> 00:00:04,000" timing lines were found.`, 'input', {
      code: 'noSubtitles',
      params: { file: name },
    });
  }
  return cues;
}

function stripMarkup(text: string): string {
  // Tags (<i>, <c.x>, <00:01.000>, </v>) and SRT positioning codes ({\an8}).
  return htmlText(text.replace(/\{\\[^}]*\}/g, ''));
}

interface Piece {
  voice: string | null;
  text: string;
  lineStart: boolean;
  cue: Cue;
}

const VOICE = /<v(?:\.[^\s>]*)?[ \t]+([^>]*)>/g;

/** Splits a cue into pieces by WebVTT voice spans; a `<v>` left open lasts to the end of the cue. */
function pieces(cue: Cue): Piece[] {
  const out: Piece[] = [];
  let voice: string | null = null;
  for (const line of cue.lines) {
    let last = 0;
    let lineStart = true;
    const push = (raw: string) => {
      const text = stripMarkup(raw).replace(/^\s*-\s+/, '');
      if (text.trim()) out.push({ voice, text, lineStart, cue });
      lineStart = false;
    };
    for (const m of line.matchAll(VOICE)) {
      push(line.slice(last, m.index));
      voice = stripMarkup(m[1]!).trim() || null;
      last = m.index + m[0].length;
    }
    push(line.slice(last));
  }
  return out;
}

/**
 * Turns from cues. A voice tag names the speaker; without one, a label at the start of a cue line
 * (`Naam: …`, as SRT transcripts and Zoom write) does; a cue with neither continues the current
 * speaker. Consecutive cues of one speaker are one turn, timed from its first cue to its last.
 */
export function turnsFromCues(cues: Cue[]): RawTurn[] {
  const all = cues.flatMap(pieces);
  const labelled = new Map<Piece, LabelCandidate>();
  for (const piece of all) {
    if (piece.voice !== null || !piece.lineStart) continue;
    const candidate = labelCandidate(piece.text.trim());
    if (candidate) labelled.set(piece, candidate);
  }
  const accepted = acceptLabels(labelled.values());
  const builder = new TurnBuilder();
  for (const piece of all) {
    const candidate = labelled.get(piece);
    let text = piece.text;
    if (piece.voice !== null) {
      builder.speaker(piece.voice, piece.cue.startMs, ' ');
    } else if (candidate && accepted.has(speakerKey(candidate.label)!)) {
      builder.speaker(candidate.label, candidate.timeMs ?? piece.cue.startMs, ' ');
      text = candidate.rest;
    } else {
      builder.ensureTurn(piece.cue.startMs);
    }
    builder.text(text, ' ', piece.cue.endMs);
  }
  return builder.finish();
}
