import { DuidingError, isDuidingError } from '../../../shared/errors.ts';
import { decodeText } from '../documents/importers/decode.ts';
import { parseXml, type XmlElement } from './xml.ts';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipEntry, type ZipLimits, type ZipReader } from './zip.ts';

/**
 * A .qdpx as Duiding reads it: its one .qde, parsed, and a way to find the text files its sources
 * name. A bare .qde (XML, no zip) is read too; it then carries only inline texts.
 */
export interface QdpxPackage {
  fileName: string;
  qdeName: string;
  root: XmlElement;
  /**
   * The bytes of a file the project names (internal://, relative://, absolute://, file:// or a bare
   * name), looked up inside the archive only; otherwise why it was not read, as a phrase.
   */
  find(path: string): { name: string; bytes: Uint8Array } | string;
}

/** The largest .qdpx read at all (it is read into memory whole); video sources make the big ones. */
export const MAX_QDPX_BYTES = 512 * 1024 * 1024;

const baseOf = (path: string) => path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1).toLowerCase();

/** Decodes an XML file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
export function decodeXml(name: string, bytes: Uint8Array): string {
  return decodeText(name, bytes).text;
}

function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return true;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x3c;
}

function pickQde(fileName: string, entries: ZipEntry[]): ZipEntry {
  const qdes = entries.filter((e) => e.path.toLowerCase().endsWith('.qde') && !e.path.startsWith('__MACOSX/') && !baseOf(e.path).startsWith('.'));
  if (qdes.length === 0) {
    throw new DuidingError(`${fileName} contains no .qde file, so it is not a REFI-QDA project (a .qdpx holds project.qde and its sources).`, 'input', {
      code: 'qdpxNoQde',
      params: { file: fileName },
    });
  }
  if (qdes.length === 1) return qdes[0]!;
  const top = qdes.filter((e) => !e.path.includes('/'));
  if (top.length === 1) return top[0]!;
  throw new DuidingError(`${fileName} contains ${qdes.length} .qde files (${qdes.map((e) => e.path).join(', ')}); a REFI-QDA project has exactly one.`, 'input', {
    code: 'qdpxManyQde',
    params: { file: fileName, count: qdes.length },
  });
}

type Scheme = 'internal' | 'relative' | 'absolute' | 'file' | 'bare';

/** A reference's scheme and path, or null when its %-escapes are broken (`%c0`, a lone `%`). */
function refPath(path: string): { scheme: Scheme; rest: string } | null {
  const match = /^(internal|relative|absolute|file):\/\/(.*)$/i.exec(path.trim());
  const scheme = match ? (match[1]!.toLowerCase() as Scheme) : 'bare';
  const raw = match ? match[2]! : path.trim();
  try {
    return { scheme, rest: scheme === 'bare' ? raw : decodeURIComponent(raw) };
  } catch {
    return null;
  }
}

const shown = (path: string) => JSON.stringify(path.length > 120 ? `${path.slice(0, 120)}…` : path);

export function openQdpx(fileName: string, bytes: Uint8Array, options: { limits?: ZipLimits } = {}): QdpxPackage {
  let zip: ZipReader | null = null;
  let qdeName = fileName;
  let qdeBytes: Uint8Array;
  if (bytes.length > 0 && looksLikeXml(bytes)) {
    qdeBytes = bytes;
  } else {
    zip = openZip(fileName, bytes, options.limits ?? DEFAULT_ZIP_LIMITS);
    const entry = pickQde(fileName, zip.entries);
    qdeName = `${fileName}: ${entry.path}`;
    qdeBytes = zip.read(entry);
  }
  let xml: string;
  try {
    xml = decodeXml(qdeName, qdeBytes);
  } catch (error) {
    if (!isDuidingError(error)) throw error;
    throw new DuidingError(`${qdeName} is not readable text: ${error.message}`, 'input', { code: 'xmlMalformed', params: { file: qdeName, line: 1, col: 1, reason: error.message } });
  }
  const root = parseXml(qdeName, xml);
  const byBase = new Map<string, ZipEntry[]>();
  for (const entry of zip?.entries ?? []) {
    const list = byBase.get(baseOf(entry.path)) ?? [];
    list.push(entry);
    byBase.set(baseOf(entry.path), list);
  }
  // Sources live in `sources/` (the standard) or `Sources/`; elsewhere as a last resort.
  const rank = (e: ZipEntry) => (/^sources\//i.test(e.path) ? 0 : e.path.includes('/') ? 2 : 1);
  const inZip = (name: string) => {
    const found = (byBase.get(baseOf(name)) ?? []).sort((a, b) => rank(a) - rank(b))[0];
    return found && zip ? { name: found.path, bytes: zip.read(found) } : null;
  };
  return {
    fileName,
    qdeName,
    root,
    // Never the disk: a .qdpx naming `absolute:///etc/passwd` or `relative://../../x` would otherwise
    // pull any readable local file into the project (and into every later export).
    find(path) {
      const ref = refPath(path);
      if (!ref) return `its path ${shown(path)} is malformed (a broken %-escape)`;
      const local = inZip(ref.rest);
      if (local) return local;
      if (ref.scheme === 'internal' || ref.scheme === 'bare') return `its text ${shown(path)} is not in the file`;
      return `its text ${shown(path)} lies outside the archive, and Duiding reads sources only from inside the .qdpx; it was skipped, not read`;
    },
  };
}
