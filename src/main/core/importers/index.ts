import { extname } from 'node:path';
import { DuidingError } from '../../../shared/errors.ts';
import { canonicalText } from '../../../shared/text/normalize.ts';
import { decodeText } from './decode.ts';
import { textLines, turnsFromLines } from './line-transcript.ts';
import { parseSrt, parseVtt, turnsFromCues } from './subtitles.ts';
import type { RawTurn } from './turn-builder.ts';
import { linesFromBlocks } from './word-processor.ts';

export type { RawTurn } from './turn-builder.ts';

/** The largest transcript file accepted: far above a long interview (a two-hour .docx is < 1 MB). */
export const MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;

export const TRANSCRIPT_EXTENSIONS = ['.txt', '.md', '.docx', '.odt', '.vtt', '.srt'] as const;

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
export async function parseTranscript(name: string, bytes: Uint8Array): Promise<ParsedTranscript> {
  const ext = extname(name).toLowerCase();
  if (!isTranscriptFile(name)) {
    const hint = ext === '.doc' ? ' Save it as .docx in Word first.' : ext === '.pdf' ? ' Export the text from the PDF first.' : '';
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
  let turns: RawTurn[];
  let importer: string = ext.slice(1);
  const notes: string[] = [];
  switch (ext) {
    case '.docx':
    case '.odt': {
      // Their readers (mammoth, an XML parser) load with the first such file, not with every command.
      const blocks = ext === '.docx' ? await (await import('./docx.ts')).readDocx(name, bytes) : (await import('./odt.ts')).readOdt(name, bytes);
      checkLength(name, blocks.reduce((n, b) => n + (b.type === 'row' ? b.cells.reduce((m, c) => m + c.length, 0) : b.runs.reduce((m, r) => m + r.text.length, 0)), 0));
      turns = turnsFromLines(linesFromBlocks(blocks));
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
      turns = turnsFromLines(textLines(ext === '.md' ? markdownToText(text) : text));
      importer = `${importer} (${encoding})`;
    }
  }
  // Word processors can carry control characters too (as character references); none is stored.
  let removed = 0;
  const clean = (value: string) => {
    const { text } = removeControls(value);
    removed += value.length - text.length;
    return text.normalize('NFC');
  };
  turns = turns.map((turn) => ({ ...turn, text: clean(turn.text), speaker: turn.speaker === null ? null : clean(turn.speaker) })).filter((turn) => turn.text.trim() !== '');
  if (removed > 0) notes.push(`removed ${removed} control character${removed === 1 ? '' : 's'}`);
  if (turns.length === 0) throw new DuidingError(`${name} contains no text.`, 'input', { code: 'noText', params: { file: name } });
  return { turns, importer, notes };
}
