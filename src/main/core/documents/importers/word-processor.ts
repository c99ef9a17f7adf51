import type { SourceLine } from './line-transcript.ts';
import { labelCandidate } from './speaker-labels.ts';
import { TIMECODE_SOURCE, parseTimecode } from '../../../../shared/text/timecode.ts';

/**
 * What Word (.docx) and OpenDocument (.odt) files share once read: paragraphs of runs, some bold,
 * and table rows of cells. A bold name at the start of a paragraph ending in a colon, or a bold
 * paragraph holding only a name, is a speaker label the author marked on purpose.
 */
export interface Run {
  text: string;
  bold: boolean;
}

export type Block = { type: 'paragraph'; runs: Run[] } | { type: 'row'; cells: string[] };

const LEADING_TIME = new RegExp(String.raw`^\s*[\[(]?(${TIMECODE_SOURCE})[\])]?\s*`);

function boldLabel(runs: Run[]): SourceLine | null {
  const full = runs.map((r) => r.text).join('');
  const time = LEADING_TIME.exec(full);
  const offset = time ? time[0].length : 0;
  // The runs from `offset` on: the label must be the first bold stretch.
  let position = 0;
  let bold = '';
  let restStart = -1;
  for (const run of runs) {
    const end = position + run.text.length;
    if (end > offset) {
      const piece = run.text.slice(Math.max(0, offset - position));
      if (run.bold && restStart < 0) bold += piece;
      else if (restStart < 0 && (bold || piece.trim())) restStart = Math.max(position, offset);
    }
    position = end;
  }
  if (restStart < 0) restStart = full.length;
  let label = bold.trim();
  let rest = full.slice(restStart);
  if (!label) return null;
  const colonInside = label.endsWith(':');
  if (colonInside) label = label.slice(0, -1).trim();
  else if (/^\s*:/.test(rest)) rest = rest.replace(/^\s*:/, '');
  else if (rest.trim()) return null; // bold emphasis at the start of a sentence, not a name
  const candidate = labelCandidate(`${label}:`);
  if (!candidate || candidate.label !== label) return null;
  return { text: rest.trim(), paragraph: true, label, labelTimeMs: time ? parseTimecode(time[1]!) : null };
}

export function linesFromBlocks(blocks: Block[]): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const block of blocks) {
    if (block.type === 'row') {
      // Transcript tables: [time,] speaker, text. Written as a line so the label rules apply.
      const cells = block.cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean);
      if (cells.length === 0) continue;
      const [first, second, ...others] = cells;
      if (cells.length >= 3 && parseTimecode(first!) !== null) lines.push({ text: `[${first}] ${second}: ${others.join(' ')}`, paragraph: true });
      else if (cells.length >= 2 && first!.length <= 40 && !first!.includes(':')) lines.push({ text: `${first}: ${[second, ...others].join(' ')}`, paragraph: true });
      else lines.push({ text: cells.join(' '), paragraph: true });
      continue;
    }
    const labelled = boldLabel(block.runs);
    if (labelled) {
      const [first = '', ...more] = labelled.text.split('\n');
      lines.push({ ...labelled, text: first.trim() });
      for (const text of more) if (text.trim()) lines.push({ text: text.trim(), paragraph: true });
      continue;
    }
    // A manual line break inside a paragraph is a deliberate new line, not a wrap.
    for (const text of block.runs.map((r) => r.text).join('').split('\n')) {
      if (text.trim()) lines.push({ text: text.trim(), paragraph: true });
    }
  }
  return lines;
}
