import { constants, inflateSync } from 'node:zlib';
import { DuidingError } from '../../../../../shared/errors.ts';

/**
 * What a PDF's compressed streams may unpack to. pdf.js inflates a stream whole, with no limit of
 * its own: a few hundred kilobytes of zeros deflated make gigabytes. So before pdf.js sees the file,
 * every Flate stream is unpacked here with zlib's output limit (it stops at the limit, whatever the
 * stream's dictionary claims), as the zip-based formats are (issue 16). An article's streams
 * (fonts, page contents, pictures) come to a few tens of megabytes.
 */
export const PDF_STREAM_LIMITS = { perStream: 64 * 1024 * 1024, total: 256 * 1024 * 1024 };

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/**
 * Refuses a PDF whose Flate streams unpack to more than the limits. Streams that do not inflate
 * (damaged, or in another filter) are left to pdf.js, which refuses what it cannot read.
 */
export function checkPdfStreams(name: string, bytes: Uint8Array, limits = PDF_STREAM_LIMITS): void {
  const text = latin1(bytes, 0, bytes.length);
  let total = 0;
  let from = 0;
  for (;;) {
    const keyword = text.indexOf('stream', from);
    if (keyword < 0) break;
    from = keyword + 6;
    // `endstream` contains `stream`; a stream's data begins after `stream` and its end of line.
    if (text.startsWith('end', keyword - 3)) continue;
    let start = keyword + 6;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    from = end + 9;
    const dictionary = text.slice(Math.max(0, text.lastIndexOf('<<', keyword - 1) - 1), keyword);
    if (!/\/FlateDecode|\/Fl\b/.test(dictionary)) continue;
    const room = Math.min(limits.perStream, limits.total - total);
    let size: number;
    try {
      size = inflateSync(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start), { maxOutputLength: room + 1, finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') size = room + 1;
      else continue;
    }
    total += size;
    if (size > room) {
      const limit = room < limits.perStream ? limits.total : limits.perStream;
      throw new DuidingError(
        `${name} unpacks to more than ${limit / 1024 / 1024} MB${limit === limits.total ? ' in all' : ' in one stream'} (a "PDF bomb"): it was refused before it was read.`,
        'input',
        { code: 'pdfBomb', params: { file: name, limit: `${limit / 1024 / 1024} MB` } },
      );
    }
  }
}
