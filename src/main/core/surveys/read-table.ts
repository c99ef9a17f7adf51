import { extname } from 'node:path';
import { DuidingError, isDuidingError } from '../../../shared/errors.ts';
import type { SurveyCell } from '../../../shared/surveys/model.ts';
import { canonicalText } from '../../../shared/text/normalize.ts';
import { readCsv } from '../files/csv.ts';
import { decodeText } from '../documents/importers/decode.ts';
import { damaged, guardZip, openWordZip } from '../documents/importers/word-zip.ts';
import type { ZipLimits } from '../refi-qda/zip.ts';
import type { LoadedFile } from '../files/files.ts';

/**
 * Reading a survey table (.csv or .xlsx) within issue 16's limits: the file's size is checked by
 * the loader before a byte is read; an .xlsx's parts are counted while they are unpacked (a bomb
 * stops at the limit), entity declarations are refused, and its rows and cells are counted in the
 * sheet's XML before the reader builds them. Every refusal names the file, and the sheet and cell
 * where there is one.
 */
export const SURVEY_MAX_BYTES = 50 * 1024 * 1024;
/** A workbook's XML parts: one sheet of 10,000 respondents is a few MB. */
export const XLSX_ZIP_LIMITS: ZipLimits = { perEntry: 32 * 1024 * 1024, total: 64 * 1024 * 1024 };
/** One row per respondent. */
export const MAX_RESPONDENTS = 10_000;
export const MAX_COLUMNS = 1_000;
export const MAX_CELLS = 1_000_000;
/** Excel's own limit for one cell. */
export const MAX_CELL_CHARS = 32_767;

export interface SurveyTable {
  sheet: string | null;
  header: string[];
  rows: SurveyCell[][];
  /** Each row's number as the spreadsheet shows it (1-based; the header's is before the first). */
  rowNumbers: number[];
}

function refuse(message: string, code: string, file: string, params: Record<string, string | number> = {}): never {
  throw new DuidingError(message, 'input', { code, params: { file, ...params } });
}

/** `A`, `B`, … `Z`, `AA`: the column letters a spreadsheet shows. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const where = (file: string, sheet: string | null, row: number, column: number) => `${file}${sheet ? `, sheet "${sheet}"` : ''}, cell ${columnLetter(column)}${row + 1}`;

function count(haystack: string, needle: RegExp): number {
  let n = 0;
  needle.lastIndex = 0;
  while (needle.exec(haystack)) n++;
  return n;
}

/** The workbook's sheets in order, each with the path of its XML part. */
function sheetParts(xml: Map<string, string>): Array<{ name: string; path: string }> {
  const workbook = xml.get('xl/workbook.xml') ?? '';
  const rels = xml.get('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: Array<{ name: string; path: string }> = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const rel = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[0])?.[1];
    const path = rel ? targets.get(rel) : undefined;
    if (path) sheets.push({ name: name.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'"), path });
  }
  return sheets;
}

/**
 * Unpacks (within the limits) and checks every XML part before the reader sees the file: the
 * reader inflates the archive again itself, but only what this check has already counted, since
 * the sizes it finds are the ones verified here.
 */
function checkXlsx(file: LoadedFile): { firstSheet: string } {
  const name = file.name;
  const zip = openWordZip(name, 'xlsx', file.bytes, XLSX_ZIP_LIMITS);
  const paths = new Set<string>();
  for (const entry of zip.entries) {
    // Two entries of one name: the check would count the first and the reader unpack the last.
    if (paths.has(entry.path.toLowerCase())) throw damaged(name, 'xlsx', `it holds the part "${entry.path}" twice`);
    paths.add(entry.path.toLowerCase());
  }
  const xml = new Map<string, string>();
  const decoder = new TextDecoder('utf-8');
  guardZip(name, 'xlsx', () => {
    for (const entry of zip.entries) if (/\.(xml|rels)$/i.test(entry.path)) xml.set(entry.path, decoder.decode(zip.read(entry)));
  });
  for (const [path, text] of xml) {
    if (/<!(DOCTYPE|ENTITY)/i.test(text)) refuse(`${name} is refused: its part "${path}" declares entities (<!DOCTYPE>), which a workbook never needs and an entity bomb uses.`, 'xlsxEntities', name, { part: path });
  }
  const sheets = sheetParts(xml);
  if (!xml.has('xl/workbook.xml') || sheets.length === 0) throw damaged(name, 'xlsx', 'it has no worksheet');
  for (const sheet of sheets) {
    const text = xml.get(sheet.path);
    if (text === undefined) throw damaged(name, 'xlsx', `its sheet "${sheet.name}" is missing`);
    const rows = count(text, /<(?:\w+:)?row\b/g);
    if (rows > MAX_RESPONDENTS + 1) {
      refuse(
        `${name}, sheet "${sheet.name}": more than ${MAX_RESPONDENTS.toLocaleString('en-US')} rows (the first beyond the limit is row ${MAX_RESPONDENTS + 2}, cell A${MAX_RESPONDENTS + 2}); a survey has one row per respondent and at most ${MAX_RESPONDENTS.toLocaleString('en-US')} respondents.`,
        'surveyTooManyRows',
        name,
        { sheet: sheet.name, limit: MAX_RESPONDENTS },
      );
    }
    const cells = count(text, /<(?:\w+:)?c\b/g);
    if (cells > MAX_CELLS) {
      refuse(`${name}, sheet "${sheet.name}": ${cells.toLocaleString('en-US')} cells, more than the ${MAX_CELLS.toLocaleString('en-US')} a survey may have.`, 'surveyTooManyCells', name, { sheet: sheet.name, limit: MAX_CELLS });
    }
  }
  return { firstSheet: sheets[0]!.name };
}

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

async function readXlsx(file: LoadedFile): Promise<{ sheet: string; cells: SurveyCell[][] }> {
  const { firstSheet } = checkXlsx(file);
  const buffer = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    // Loaded on first use: every CLI call would otherwise pay for the reader at start-up.
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    sheets = (await readXlsxFile(buffer)) as unknown as Array<{ sheet: string; data: unknown[][] }>;
  } catch (error) {
    if (isDuidingError(error)) throw error;
    throw damaged(file.name, 'xlsx', (error as Error).message.split('\n')[0]!);
  }
  const sheet = sheets.find((s) => s.sheet === firstSheet) ?? sheets[0];
  if (!sheet) throw damaged(file.name, 'xlsx', 'it has no worksheet');
  const cells = sheet.data.map((row) =>
    row.map((value): SurveyCell => {
      if (value === null || value === undefined) return null;
      if (typeof value === 'number') return value;
      if (value instanceof Date) return isoDate(value);
      if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
      return String(value).normalize('NFC');
    }),
  );
  return { sheet: sheet.sheet, cells };
}

/** The header row and the respondents' rows, checked: a header, unique headers, the limits. */
function shape(name: string, sheet: string | null, cells: SurveyCell[][]): SurveyTable {
  const nonEmpty = (row: SurveyCell[]) => row.some((c) => c !== null && String(c).trim() !== '');
  const indexed = cells.map((row, at) => ({ row, at })).filter((r) => nonEmpty(r.row));
  const rows = indexed.map((r) => r.row);
  const first = indexed[0]?.at ?? 0;
  if (rows.length === 0) refuse(`${name}${sheet ? `, sheet "${sheet}"` : ''} is empty: a survey has a header row and one row per respondent.`, 'surveyEmpty', name);
  const [headerRow, ...body] = rows as [SurveyCell[], ...SurveyCell[][]];
  const width = Math.max(...rows.map((r) => r.length));
  if (width > MAX_COLUMNS) refuse(`${name}${sheet ? `, sheet "${sheet}"` : ''}: ${width} columns, more than the ${MAX_COLUMNS} a survey may have (the first beyond is column ${columnLetter(MAX_COLUMNS)}).`, 'surveyTooManyColumns', name);
  if (body.length > MAX_RESPONDENTS) refuse(`${name}: more than ${MAX_RESPONDENTS.toLocaleString('en-US')} respondents (rows); a survey may have at most that many.`, 'surveyTooManyRows', name, { limit: MAX_RESPONDENTS });
  const header = Array.from({ length: width }, (_, i) => (headerRow[i] === null || headerRow[i] === undefined ? '' : String(headerRow[i]).replace(/\s+/g, ' ').trim()));
  // A first row of numbers or scale answers is data: the survey has no header row.
  const filled = header.filter((h) => h !== '');
  if (filled.length === 0 || filled.every((h) => /^-?\d+(?:[.,]\d+)?$/.test(h))) {
    refuse(`${name}${sheet ? `, sheet "${sheet}"` : ''} has no header row: its first row (row ${first + 1}) holds ${filled.length ? 'numbers' : 'nothing'}, not the questions. Put the questions (or column names) in the first row.`, 'surveyNoHeader', name);
  }
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    const hasData = body.some((r) => r[i] !== null && r[i] !== undefined && String(r[i]).trim() !== '');
    if (h === '' && hasData) refuse(`${where(name, sheet, first, i)}: column ${columnLetter(i)} has answers but no header.`, 'surveyNoHeader', name, { cell: `${columnLetter(i)}${first + 1}` });
    if (h === '') return;
    const key = h.toLowerCase();
    if (seen.has(key)) refuse(`${where(name, sheet, first, i)}: the header "${h}" is also column ${columnLetter(seen.get(key)!)}'s; each column needs a header of its own.`, 'surveyDuplicateHeader', name, { header: h });
    seen.set(key, i);
  });
  const rowNumbers = indexed.slice(1).map((r) => r.at + 1);
  body.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) {
        refuse(`${where(name, sheet, rowNumbers[r]! - 1, c)}: ${cell.length.toLocaleString('en-US')} characters, more than the ${MAX_CELL_CHARS.toLocaleString('en-US')} a cell may hold.`, 'surveyCellTooLong', name);
      }
    }),
  );
  return { sheet, header, rows: body.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null)), rowNumbers };
}

export const SURVEY_EXTENSIONS = ['.csv', '.xlsx'] as const;

/** A survey file's header and rows; a .csv in any of the encodings transcripts may have, `,` or `;`. */
export async function readSurveyTable(file: LoadedFile): Promise<SurveyTable> {
  const extension = extname(file.name).toLowerCase();
  if (file.bytes.length === 0) refuse(`${file.name} is empty (0 bytes): a survey has a header row and one row per respondent.`, 'surveyEmpty', file.name);
  if (extension === '.xlsx') {
    const { sheet, cells } = await readXlsx(file);
    return shape(file.name, sheet, cells);
  }
  if (extension === '.csv') {
    const text = canonicalText(decodeText(file.name, file.bytes).text);
    return shape(file.name, null, readCsv(file.name, text));
  }
  refuse(`${file.name}: a survey is a .csv or .xlsx file (got "${extension || 'no extension'}"). An old .xls: save it as .xlsx first.`, 'surveyFormat', file.name);
}
