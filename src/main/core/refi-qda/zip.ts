import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { ZipPassThrough } from 'fflate';
import { DuidingError } from '../../../shared/errors.ts';

/**
 * Reading a .qdpx (a zip) defensively: the central directory is read by hand so that every entry's
 * name is checked before anything is inflated, and inflating counts the bytes it produces, because a
 * zip bomb's headers lie about its sizes.
 */
export interface ZipLimits {
  /** Largest uncompressed size of one entry that is read. */
  perEntry: number;
  /** Largest uncompressed size of all entries read together. */
  total: number;
}

/**
 * A REFI-QDA project's .qde and each text source are far below 64 MB; all of them together below
 * 256 MB (audio and video entries are never unpacked). A 4 MB bomb within the old 1 GB limits took
 * 165 s and 14.8 GB of memory.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { perEntry: 64 * 1024 * 1024, total: 256 * 1024 * 1024 };

export interface ZipEntry {
  /** The path inside the zip, with `/` separators. */
  path: string;
  compressedSize: number;
  declaredSize: number;
}

export interface ZipReader {
  entries: ZipEntry[];
  /** Inflates one entry, within the limits; the running total covers every entry read so far. */
  read(entry: ZipEntry): Uint8Array;
  /**
   * Inflates one entry only to count its bytes (kept to one chunk at a time), within the limits and
   * adding to the running total: a check before handing the archive to a library that would
   * inflate it whole.
   */
  measure(entry: ZipEntry): number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function fail(fileName: string, problem: string, code: string): never {
  throw new DuidingError(`${fileName} ${problem}`, 'input', { code, params: { file: fileName } });
}

function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** Entry names that would land outside the folder they are unpacked into are refused, not cleaned. */
function checkPath(fileName: string, raw: string): string {
  const path = raw.replace(/\\/g, '/');
  const escapes = path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.split('/').some((part) => part === '..');
  if (escapes || path.includes('\0')) {
    throw new DuidingError(`${fileName} contains an entry whose path leaves the archive ("${raw}"); it was refused.`, 'input', {
      code: 'zipPathEscape',
      params: { file: fileName, entry: raw },
    });
  }
  return path;
}

export function openZip(fileName: string, bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipReader {
  if (bytes.length === 0) fail(fileName, 'is empty (0 bytes): a .qdpx file is a zip archive with a project.qde inside.', 'qdpxEmpty');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(fileName, bytes, view);
  const inflate = inflater(fileName, bytes, view, entries, limits);
  return {
    entries: entries.map(({ path, compressedSize, declaredSize }) => ({ path, compressedSize, declaredSize })),
    read: (entry) => inflate(entry, true),
    measure: (entry) => {
      inflate(entry, false);
      return entry.declaredSize;
    },
  };
}

type Entry = ZipEntry & { method: number; localOffset: number };

/** The entries the archive's table of contents (its central directory) lists, folders left out. */
function readDirectory(fileName: string, bytes: Uint8Array, view: DataView): Entry[] {
  const startsLikeZip = bytes.length >= 4 && view.getUint32(0, true) === LOCAL;
  const end = bytes.length >= 22 ? findEndRecord(bytes, view) : -1;
  if (end < 0) {
    if (startsLikeZip) fail(fileName, 'is a damaged or truncated zip archive (its table of contents at the end is missing); copy or export it again.', 'zipTruncated');
    fail(fileName, 'is not a zip archive, so it is not a REFI-QDA project (.qdpx).', 'notZip');
  }
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) fail(fileName, 'is a ZIP64 archive, which Duiding does not read (REFI-QDA projects are far smaller).', 'zip64');
  if (directoryOffset + directorySize > end) fail(fileName, 'is a damaged or truncated zip archive (its table of contents points past its end).', 'zipTruncated');

  const decoder = new TextDecoder('utf-8');
  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) fail(fileName, 'is a damaged zip archive (its table of contents is broken).', 'zipDamaged');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const raw = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) fail(fileName, `is encrypted (entry "${raw}"); export it again without a password.`, 'zipEncrypted');
    const path = checkPath(fileName, raw);
    if (!path.endsWith('/')) entries.push({ path, compressedSize, declaredSize, method, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Unpacks an entry (or only measures it, `keep` false) within the limits, which count what all
 * entries unpacked so far produced.
 */
function inflater(fileName: string, bytes: Uint8Array, view: DataView, entries: Entry[], limits: ZipLimits) {
  let produced = 0;
  return (wanted: ZipEntry, keep: boolean): Uint8Array => {
    const entry = entries.find((e) => e.path === wanted.path)!;
    const tooBig = () =>
      fail(
        fileName,
        `is refused: its entry "${entry.path}" unpacks to more than ${Math.round(limits.perEntry / 1048576)} MB (or all entries to more than ${Math.round(limits.total / 1048576)} MB), which is what a zip bomb does.`,
        'zipBomb',
      );
    if (entry.declaredSize > limits.perEntry || produced + entry.declaredSize > limits.total) tooBig();
    const local = entry.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) fail(fileName, `is a damaged zip archive (entry "${entry.path}" is missing).`, 'zipDamaged');
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + entry.compressedSize > bytes.length) fail(fileName, `is a truncated zip archive (entry "${entry.path}" is cut off).`, 'zipTruncated');
    const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    let out: Uint8Array;
    let size = 0;
    if (entry.method === 0) {
      out = data;
      size = data.length;
    } else if (entry.method === 8) {
      // zlib counts while it inflates and stops at the limit, so a bomb costs at most the limit
      // in memory and time, whatever its headers say.
      const room = Math.min(limits.perEntry, limits.total - produced);
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') tooBig();
        const message = (error as Error).message;
        if (/unexpected end/i.test(message)) fail(fileName, `is a truncated zip archive (entry "${entry.path}" ends early).`, 'zipTruncated');
        fail(fileName, `is a damaged zip archive (entry "${entry.path}" cannot be unpacked: ${message}).`, 'zipDamaged');
      }
      if (out.length > room) tooBig();
      size = out.length;
      if (!keep) out = new Uint8Array(0);
    } else {
      fail(fileName, `uses a compression method Duiding cannot unpack (method ${entry.method}, entry "${entry.path}").`, 'zipMethod');
    }
    if (size !== entry.declaredSize) {
      fail(fileName, `is a damaged zip archive (entry "${entry.path}" has another size than its header says).`, 'zipDamaged');
    }
    produced += entry.declaredSize;
    return out;
  };
}

/**
 * A deflated zip entry for fflate's streaming `Zip`, compressed by Node's zlib rather than fflate's
 * JavaScript deflate (several times faster). Each pushed chunk is deflated on its own and ended with a
 * sync flush, the last one finished: the pieces join into one valid deflate stream (as pigz does),
 * so an entry is compressed chunk by chunk and never held whole. fflate keeps the CRC and the sizes.
 */
/**
 * zlib's level 4: half the time of the default 6 for a .qde some 5% larger (2.77 against 2.63 MB for
 * the M project's 11 MB); the export's time is what a researcher waits for.
 */
const DEFLATE_LEVEL = 4;

export class ZipNativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    // A failure here throws through push() to the export, which then removes its temporary file.
    const out = deflateRawSync(chunk, { level: DEFLATE_LEVEL, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    this.ondata(null, new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Uint8Array<ArrayBuffer>, final);
  }
}
