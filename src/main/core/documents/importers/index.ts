import { extname } from 'node:path';
import { DuidingError } from '../../../../shared/errors.ts';
import type { DocumentKind } from '../../../../shared/model.ts';
import { canonicalText } from '../../../../shared/text/normalize.ts';
import { decodeText } from './decode.ts';
import { textLines, turnsFromLines, type SourceLine } from './line-transcript.ts';
import { looksLikeObservations, parseObservations } from './observation.ts';
import { parseSrt, parseVtt, turnsFromCues } from './subtitles.ts';
import type { RawTurn } from './turn-builder.ts';
import { linesFromBlocks } from './word-processor.ts';

export type { RawTurn } from './turn-builder.ts';

/** The largest transcript file accepted: far above a long interview (a two-hour .docx is < 1 MB). */
export const MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;

export const TRANSCRIPT_EXTENSIONS = ['.txt', '.md', '.docx', '.odt', '.vtt', '.srt', '.pdf'] as const;

/**
 * The longest text one document may have after decoding, in UTF-16 units: some 3 million words, ten
 * times the longest transcript seen. A zip-based file can stay within its byte limits and still
 * unpack to more text than the reader can draw.
 */
export const MAX_TEXT_LENGTH = 20_000_000;

export interface ParsedTranscript {
  turns: RawTurn[];
  /** Which reader made the turns, e.g. `vtt` or `txt (windows-1252)`; kept as import provenance. */
  importer: string;
  /** Repairs and leavings-out the user must hear about (a dropped cue, removed control characters). */
  notes: string[];
  /** The kind the file itself shows (a PDF is literature, dated entries are observation notes); else the caller's. */
  kind?: DocumentKind;
  /** Sections of the document (an observation's dated entries): a title and the turns it spans, `to` exclusive. */
  sections?: Array<{ title: string; from: number; to: number }>;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// C0 controls other than tab, line feed and form feed (\r is gone after canonicalText), DEL and C1.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000D-\u001F\u007F-\u009F]/g;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}${c === '\0' ? ' (NUL)' : ''}`;

/**
 * Removes control characters, which no transcript means to hold and which broke the CSV and HTML
 * exports (a NUL byte travelled all the way into them); says how many of which went, and where the
 * first one was.
 */
export function removeControls(text: string, where: (index: number) => string | null = () => null): { text: string; note: string | null } {
  const first = text.search(CONTROL);
  if (first < 0) return { text, note: null };
  const counts = new Map<string, number>();
  const cleaned = text.replace(CONTROL, (c) => {
    counts.set(c, (counts.get(c) ?? 0) + 1);
    return '';
  });
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const place = where(first);
  const kinds = [...counts].map(([c, n]) => `${codePoint(c)} ×${n}`).join(', ');
  return { text: cleaned, note: `removed ${total} control character${total === 1 ? '' : 's'} (${kinds})${place ? `, the first on ${place}` : ''}` };
}

const lineAt = (text: string) => (index: number) => `line ${text.slice(0, index).split('\n').length}`;

function markdownToText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, ''))
    .join('\n')
    .replace(/(\*\*|__)(.+?)\1/g, '$2');
}

function textOf(name: string, bytes: Uint8Array, notes: string[]): { text: string; encoding: string } {
  const decoded = decodeText(name, bytes);
  const canonical = canonicalText(decoded.text);
  checkLength(name, canonical.length);
  const { text, note } = removeControls(canonical, lineAt(canonical));
  if (note) notes.push(note);
  return { text, encoding: decoded.encoding };
}

function checkLength(name: string, length: number): void {
  if (length > MAX_TEXT_LENGTH) {
    throw new DuidingError(
      `${name} holds ${length.toLocaleString('en-US')} characters of text; the limit is ${MAX_TEXT_LENGTH.toLocaleString('en-US')} per document. Split it into smaller files.`,
      'input',
      { code: 'textTooLong', params: { file: name, length, limit: MAX_TEXT_LENGTH } },
    );
  }
}

export function isTranscriptFile(name: string): boolean {
  return (TRANSCRIPT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/**
 * Reads one transcript file into turns. Every refusal names the file and the problem; nothing here
 * touches a project.
 */
export async function parseTranscript(name: string, bytes: Uint8Array, options: { kind?: DocumentKind } = {}): Promise<ParsedTranscript> {
  const ext = checkTranscriptFile(name, bytes);
  let turns: RawTurn[];
  let importer: string = ext.slice(1);
  const notes: string[] = [];
  let kind = options.kind;
  let sections: ParsedTranscript['sections'];
  // Dated entries are observation notes when the caller says so or the file reads as nothing else.
  const fromLines = (lines: SourceLine[]): RawTurn[] => {
    if (kind === 'observation' || (kind === undefined && looksLikeObservations(lines))) {
      const observed = parseObservations(lines);
      if (observed) {
        kind = 'observation';
        sections = observed.entries.map((e) => ({ title: e.title, from: e.from, to: e.to }));
        notes.push(`${observed.entries.length} dated entr${observed.entries.length === 1 ? 'y' : 'ies'}, each a section: ${observed.entries.map((e) => e.date).join(', ')}`);
        return observed.turns;
      }
    }
    return turnsFromLines(lines);
  };
  switch (ext) {
    case '.pdf': {
      // pdf.js is loaded with the first PDF: `duiding --help` and `info` never load it.
      const { parsePdf } = await import('./pdf/index.ts');
      const pdf = await parsePdf(name, bytes);
      checkLength(name, pdf.turns.reduce((n, t) => n + t.text.length, 0));
      turns = pdf.turns;
      notes.push(...pdf.notes);
      importer = `pdf (${pdf.pages} page${pdf.pages === 1 ? '' : 's'})`;
      kind ??= 'literature';
      break;
    }
    case '.docx':
    case '.odt': {
      // Their readers (mammoth, an XML parser) load with the first such file, not with every command.
      const blocks = ext === '.docx' ? await (await import('./docx.ts')).readDocx(name, bytes) : (await import('./odt.ts')).readOdt(name, bytes);
      checkLength(name, blocks.reduce((n, b) => n + (b.type === 'row' ? b.cells.reduce((m, c) => m + c.length, 0) : b.runs.reduce((m, r) => m + r.text.length, 0)), 0));
      turns = fromLines(linesFromBlocks(blocks));
      break;
    }
    case '.vtt':
    case '.srt': {
      const { text, encoding } = textOf(name, bytes, notes);
      turns = turnsFromCues(ext === '.vtt' ? parseVtt(name, text, notes) : parseSrt(name, text, notes));
      importer = `${importer} (${encoding})`;
      break;
    }
    default: {
      const { text, encoding } = textOf(name, bytes, notes);
      turns = fromLines(textLines(ext === '.md' ? markdownToText(text) : text));
      importer = `${importer} (${encoding})`;
    }
  }
  ({ turns, sections } = cleanTurns(turns, sections, notes));
  if (turns.length === 0) throw new DuidingError(`${name} contains no text.`, 'input', { code: 'noText', params: { file: name } });
  return { turns, importer, notes, ...(kind ? { kind } : {}), ...(sections ? { sections } : {}) };
}

/** Refuses a file that is not a transcript, is empty or is too large; returns its extension. */
function checkTranscriptFile(name: string, bytes: Uint8Array): string {
  const ext = extname(name).toLowerCase();
  if (!isTranscriptFile(name)) {
    const hint = ext === '.doc' ? ' Save it as .docx in Word first.' : '';
    throw new DuidingError(
      `${name}: ${ext ? `"${ext}" files are` : 'files without an extension are'} not supported. ` +
        `Supported transcripts: ${TRANSCRIPT_EXTENSIONS.join(', ')}; participants: .csv.${hint}`,
      'input',
      { code: 'unsupported', params: { file: name, extension: ext || '—' } },
    );
  }
  if (bytes.length === 0) throw new DuidingError(`${name} is empty (0 bytes).`, 'input', { code: 'empty', params: { file: name } });
  if (bytes.length > MAX_TRANSCRIPT_BYTES) {
    throw new DuidingError(`${name} is ${megabytes(bytes.length)}; the limit is ${megabytes(MAX_TRANSCRIPT_BYTES)} per transcript file.`, 'input', {
      code: 'tooLarge',
      params: { file: name, size: megabytes(bytes.length), limit: megabytes(MAX_TRANSCRIPT_BYTES) },
    });
  }
  return ext;
}

/** The turns without control characters, in NFC, and without the turns that leaves empty; the sections follow their turns. */
function cleanTurns(raw: RawTurn[], rawSections: ParsedTranscript['sections'], notes: string[]): { turns: RawTurn[]; sections: ParsedTranscript['sections'] } {
  let turns = raw;
  let sections = rawSections;
  // Word processors can carry control characters too (as character references); none is stored.
  let removed = 0;
  const clean = (value: string) => {
    const { text } = removeControls(value);
    removed += value.length - text.length;
    return text.normalize('NFC');
  };
  turns = turns.map((turn) => ({ ...turn, text: clean(turn.text), speaker: turn.speaker === null ? null : clean(turn.speaker) }));
  if (sections) {
    // Turns left empty by the cleaning go; the sections keep their turns.
    const kept: number[] = [];
    let count = 0;
    for (const turn of turns) {
      kept.push(count);
      if (turn.text.trim() !== '') count++;
    }
    kept.push(count);
    sections = sections.map((s) => ({ ...s, from: kept[s.from]!, to: kept[s.to]! })).filter((s) => s.to > s.from);
  }
  turns = turns.filter((turn) => turn.text.trim() !== '');
  if (removed > 0) notes.push(`removed ${removed} control character${removed === 1 ? '' : 's'}`);
  return { turns, sections };
}
