import { constants, deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';

/**
 * Zip bombs built in the test: the bomb entry's deflate stream is one compressed megabyte (flushed
 * to a byte boundary with a fresh dictionary, so that copies of it can follow each other) repeated
 * `megabytes` times, then a final empty block: 400 MB of XML from some 400 KB, built in
 * milliseconds and never held unpacked. `declaredSize` lets the headers lie.
 */
export interface Bomb {
  path: string;
  head: string;
  chunk: string;
  megabytes: number;
  tail: string;
  /** The uncompressed size the headers claim; the true size when left out. */
  declaredSize?: number;
}

function rawDeflate(text: string, flush: number): Uint8Array {
  return deflateRawSync(Buffer.from(text), { level: 9, finishFlush: flush });
}

function bombStream(bomb: Bomb): { data: Uint8Array; size: number } {
  const unit = bomb.chunk.repeat(Math.ceil((1024 * 1024) / bomb.chunk.length)).slice(0, 1024 * 1024);
  const head = rawDeflate(bomb.head, constants.Z_FULL_FLUSH);
  const body = rawDeflate(unit, constants.Z_FULL_FLUSH);
  const tail = rawDeflate(bomb.tail, constants.Z_FINISH);
  const data = new Uint8Array(head.length + body.length * bomb.megabytes + tail.length);
  data.set(head, 0);
  for (let i = 0; i < bomb.megabytes; i++) data.set(body, head.length + i * body.length);
  data.set(tail, head.length + body.length * bomb.megabytes);
  return { data, size: Buffer.byteLength(bomb.head) + unit.length * bomb.megabytes + Buffer.byteLength(bomb.tail) };
}

export interface RawEntry {
  path: string;
  method: 0 | 8;
  data: Uint8Array;
  size: number;
}

/** A zip of entries given as stored bytes or raw deflate data, with the sizes the caller says. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.path);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, Math.min(entry.size, 0xfffffffe), true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, Math.min(entry.size, 0xfffffffe), true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const directory = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directory, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directory + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function zipBomb(entries: Record<string, string | Uint8Array>, bomb: Bomb): Uint8Array {
  const stored = Object.entries(entries).map(([path, content]) => {
    const data = typeof content === 'string' ? strToU8(content) : content;
    return { path, method: 0 as const, data, size: data.length };
  });
  const { data, size } = bombStream(bomb);
  return rawZip([...stored, { path: bomb.path, method: 8, data, size: bomb.declaredSize ?? size }]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx whose word/document.xml unpacks to `megabytes` MB of paragraphs. */
export function docxBomb(megabytes: number, declaredSize?: number): Uint8Array {
  return zipBomb(
    { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS },
    { path: 'word/document.xml', head: `<?xml version="1.0"?><w:document ${W}><w:body>`, chunk: '<w:p><w:r><w:t>Katrien: ja</w:t></w:r></w:p>', megabytes, tail: '</w:body></w:document>', declaredSize },
  );
}

/** A small, valid .docx with the given paragraphs (stored entries). */
export function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  const document = `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  return rawZip(
    Object.entries({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS, 'word/document.xml': document }).map(([path, text]) => {
      const data = strToU8(text);
      return { path, method: 0 as const, data, size: data.length };
    }),
  );
}

export const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
const OFFICE =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';

/** An .odt's content.xml around `body` (text:p elements). */
export function odtContent(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${OFFICE}><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
}

/** An .odt whose content.xml unpacks to `megabytes` MB. */
export function odtBomb(megabytes: number, declaredSize?: number): Uint8Array {
  const [head, tail] = odtContent('@').split('@') as [string, string];
  return zipBomb({ mimetype: ODT_MIMETYPE }, { path: 'content.xml', head, chunk: '<text:p>Katrien: ja</text:p>', megabytes, tail, declaredSize });
}

/** An .odt of the given entries (stored), content.xml given as its text:p body or whole. */
export function odt(entries: Record<string, string>): Uint8Array {
  return rawZip(
    Object.entries({ mimetype: ODT_MIMETYPE, ...entries }).map(([path, text]) => {
      const data = strToU8(text);
      return { path, method: 0 as const, data, size: data.length };
    }),
  );
}

const XLSX_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const XLSX_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const XLSX_WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="Antwoorden" sheetId="1" r:id="rId1"/></sheets></workbook>';
const XLSX_WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
export const XLSX_SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const XLSX_SHEET_TAIL = '</sheetData></worksheet>';
const XLSX_PARTS = { '[Content_Types].xml': XLSX_TYPES, '_rels/.rels': XLSX_RELS, 'xl/workbook.xml': XLSX_WORKBOOK, 'xl/_rels/workbook.xml.rels': XLSX_WORKBOOK_RELS };

/** A sheet row of inline strings and numbers, as the XML of an .xlsx holds it. */
export function xlsxRow(row: number, cells: Array<string | number>): string {
  const letter = (i: number) => String.fromCharCode(65 + i);
  return `<row r="${row}">${cells.map((v, i) => (typeof v === 'number' ? `<c r="${letter(i)}${row}"><v>${v}</v></c>` : `<c r="${letter(i)}${row}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`;
}

/** A small .xlsx (stored entries) with one sheet, "Antwoorden", of the given XML rows; `extra` adds or replaces parts. */
export function xlsx(rows: string, extra: Record<string, string> = {}): Uint8Array {
  return rawZip(xlsxParts(rows, extra));
}

/** The entries of `xlsx`, for a test that adds one of its own. */
export function xlsxParts(rows: string, extra: Record<string, string> = {}): RawEntry[] {
  return Object.entries({ ...XLSX_PARTS, 'xl/worksheets/sheet1.xml': XLSX_SHEET_HEAD + rows + XLSX_SHEET_TAIL, ...extra }).map(([path, text]) => {
    const data = strToU8(text);
    return { path, method: 0 as const, data, size: data.length };
  });
}

/** An .xlsx whose sheet unpacks to `megabytes` MB of rows (headers may lie about it). */
export function xlsxBomb(megabytes: number, declaredSize?: number): Uint8Array {
  return zipBomb(XLSX_PARTS, { path: 'xl/worksheets/sheet1.xml', head: XLSX_SHEET_HEAD + xlsxRow(1, ['Respondent', 'Vraag']), chunk: '<row><c t="inlineStr"><is><t>ja</t></is></c></row>', megabytes, tail: XLSX_SHEET_TAIL, declaredSize });
}
