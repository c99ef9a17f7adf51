import { extname } from 'node:path';
import { DuidingError } from '../../../shared/errors.ts';
import { canonicalText } from '../../../shared/text/normalize.ts';
import { decodeText } from './decode.ts';
import { readDocx } from './docx.ts';
import { textLines, turnsFromLines } from './line-transcript.ts';
import { readOdt } from './odt.ts';
import { parseSrt, parseVtt, turnsFromCues } from './subtitles.ts';
import type { RawTurn } from './turn-builder.ts';
import { linesFromBlocks } from './word-processor.ts';

export type { RawTurn } from './turn-builder.ts';

/** The largest transcript file accepted: far above a long interview (a two-hour .docx is < 1 MB). */
export const MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;

export const TRANSCRIPT_EXTENSIONS = ['.txt', '.md', '.docx', '.odt', '.vtt', '.srt'] as const;

export interface ParsedTranscript {
  turns: RawTurn[];
  /** Which reader made the turns, e.g. `vtt` or `txt (windows-1252)`; kept as import provenance. */
  importer: string;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function markdownToText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, ''))
    .join('\n')
    .replace(/(\*\*|__)(.+?)\1/g, '$2');
}

function textOf(name: string, bytes: Uint8Array): { text: string; encoding: string } {
  const decoded = decodeText(name, bytes);
  return { text: canonicalText(decoded.text), encoding: decoded.encoding };
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
  switch (ext) {
    case '.docx':
      turns = turnsFromLines(linesFromBlocks(await readDocx(name, bytes)));
      break;
    case '.odt':
      turns = turnsFromLines(linesFromBlocks(readOdt(name, bytes)));
      break;
    case '.vtt':
    case '.srt': {
      const { text, encoding } = textOf(name, bytes);
      turns = turnsFromCues(ext === '.vtt' ? parseVtt(name, text) : parseSrt(name, text));
      importer = `${importer} (${encoding})`;
      break;
    }
    default: {
      const { text, encoding } = textOf(name, bytes);
      turns = turnsFromLines(textLines(ext === '.md' ? markdownToText(text) : text));
      importer = `${importer} (${encoding})`;
    }
  }
  turns = turns.map((turn) => ({ ...turn, text: turn.text.normalize('NFC'), speaker: turn.speaker?.normalize('NFC') ?? null }));
  if (turns.length === 0) throw new DuidingError(`${name} contains no text.`, 'input', { code: 'noText', params: { file: name } });
  return { turns, importer };
}
