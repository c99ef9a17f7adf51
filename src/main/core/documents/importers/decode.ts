import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import { DuidingError } from '../../../../shared/errors.ts';

/** iconv-lite, loaded by the first file that is not Unicode: most commands never need it and it is slow to load. */
function windows1252(body: Uint8Array): string {
  const iconv = createRequire(import.meta.url)('iconv-lite') as typeof Iconv;
  return iconv.decode(Buffer.from(body), 'win1252');
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function looksLikeUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  // Text in UTF-16 without a BOM: mostly-ASCII content puts a zero byte in every other position.
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

interface Utf8Scan {
  valid: boolean;
  multibyte: number;
  firstInvalid: number;
  /** Where the first valid multi-byte sequence starts, or -1. */
  firstMultibyte: number;
}

/**
 * Walks the whole file's UTF-8 sequences: counts valid multi-byte ones and finds the first valid
 * and the first invalid one. The whole file, not up to the first invalid byte: a file that is
 * Windows-1252 first and UTF-8 later was read as Windows-1252 and turned `café` into `cafÃ©`.
 */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0;
  let firstInvalid = -1;
  let firstMultibyte = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) {
      if (firstInvalid < 0) firstInvalid = i;
      i++;
      continue;
    }
    if (firstMultibyte < 0) firstMultibyte = i;
    multibyte++;
    i += length;
  }
  return { valid: firstInvalid < 0, multibyte, firstInvalid, firstMultibyte };
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f;
}

/**
 * Control characters other than tab, line feed, carriage return and form feed do not occur in
 * transcripts; a file with them is binary, whatever its extension says. `units` are bytes for
 * 8-bit encodings and UTF-16 code units after decoding.
 */
function assertTextual(
  name: string,
  length: number,
  unitAt: (i: number) => number,
  extraControl: (c: number) => boolean,
): void {
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const c = unitAt(i);
    if (isControl(c) || extraControl(c)) controls++;
  }
  // A few stray control characters (a NUL from a broken export) are removed later and reported; many mean binary data.
  if (controls > Math.max(8, length * 0.001) || controls * 10 > length) {
    throw new DuidingError(`${name} does not look like a text file (it contains binary data). Export the transcript as text, .docx or subtitles.`, 'input', {
      code: 'binary',
      params: { file: name },
    });
  }
}

/**
 * Decodes a text file: a BOM decides (UTF-8, UTF-16 LE/BE); without one, UTF-16 is recognised by its
 * zero bytes, valid UTF-8 is UTF-8, and text with no UTF-8 sequence at all is read as Windows-1252
 * (what Word and Notepad on Windows save as "ANSI"). A file that mixes valid UTF-8 with broken
 * sequences is refused: guessing there would silently corrupt names and quotes.
 */
export function decodeText(name: string, bytes: Uint8Array): DecodedText {
  let encoding: TextEncodingName;
  let body = bytes;
  let bom = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
    bom = true;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    encoding = looksLikeUtf16(bytes) ?? 'utf-8';
  }
  if (encoding === 'utf-8') assertTextual(name, body.length, (i) => body[i]!, () => false);

  if (encoding === 'utf-8') {
    const scan = scanUtf8(body);
    if (!scan.valid) {
      if (bom && scan.multibyte === 0) {
        const line = lineOf(body, scan.firstInvalid);
        throw new DuidingError(
          `${name} is not valid UTF-8: it starts with a UTF-8 mark, but line ${line} (byte ${scan.firstInvalid + 3}) has a byte that is not UTF-8. Save it again as UTF-8 and import it anew.`,
          'input',
          { code: 'invalidUtf8', params: { file: name, line } },
        );
      }
      if (scan.multibyte > 0) {
        const line = lineOf(body, scan.firstInvalid);
        const utf8Line = lineOf(body, scan.firstMultibyte);
        throw new DuidingError(
          `${name} is not valid UTF-8: line ${line} (byte ${scan.firstInvalid}) has a broken character, while ` +
            `${utf8Line === line ? 'other characters' : `line ${utf8Line}`} ${utf8Line === line ? 'are' : 'is'} UTF-8. The file mixes encodings; save it again as UTF-8 and import it anew.`,
          'input',
          { code: 'invalidUtf8', params: { file: name, line, utf8Line } },
        );
      }
      encoding = 'windows-1252';
    }
  }
  if (encoding.startsWith('utf-16') && body.length % 2 === 1) {
    throw new DuidingError(`${name} is not valid ${encoding.toUpperCase()}: it has an odd number of bytes (the file is cut off).`, 'input', {
      code: 'truncatedText',
      params: { file: name },
    });
  }
  let text: string;
  try {
    // Node's TextDecoder reads "windows-1252" as Latin-1 (0x80-0x9F become C1 controls, not € “ ” –),
    // so that one goes through iconv-lite; undefined bytes come out as U+FFFD and are caught below.
    text = encoding === 'windows-1252' ? windows1252(body) : new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    throw new DuidingError(`${name} is not valid ${encoding.toUpperCase()} text (it has a broken character); save it again as UTF-8 and import it anew.`, 'input', {
      code: 'invalidText',
      params: { file: name },
    });
  }
  if (encoding !== 'utf-8') {
    // C1 controls only arise from bytes Windows-1252 leaves undefined, or from broken UTF-16.
    assertTextual(name, text.length, (i) => text.charCodeAt(i), (c) => (c >= 0x80 && c <= 0x9f) || c === 0xfffd);
  }
  return { text, encoding };
}
