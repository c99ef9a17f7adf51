/**
 * A table to export (codebook, coded segments, matrix), and its CSV form.
 *
 * CSV choice: UTF-8 with a byte-order mark, `;` between fields, CRLF line ends. Duiding's users
 * work in Dutch: Excel in nl-BE and nl-NL uses `;` as the list separator and opens a comma file as
 * one column; without the BOM it reads UTF-8 as Windows-1252 and garbles "zorgcontinuüm". R
 * (`read.csv2`), pandas (`sep=";"`), LibreOffice and Duiding's own CSV reader take it as it is.
 */
export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Width in characters, for spreadsheets. */
  width?: number;
  /** Long text (quotes, definitions) wraps in a spreadsheet. */
  wrap?: boolean;
  /** Indentation level per row (label depth), shown as a spreadsheet indent; CSV keeps the plain name. */
  indent?: number[];
}

export interface Table {
  /** Sheet name (max 31 characters in Excel). */
  name: string;
  columns: Column[];
  /** An optional row above the headers that spans columns (the matrix's attribute groups). */
  groups?: Array<{ label: string; from: number; span: number }>;
  rows: Cell[][];
}

/**
 * Spreadsheets run a cell starting with = + - @ as a formula (CSV injection); a transcript is
 * someone else's words, so such text is prefixed with an apostrophe, Excel's own "this is text" mark.
 */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

// Control characters (a NUL from a project imported before they were removed at import) break the
// programs that read an export; tab, line feed and carriage return are text.
// eslint-disable-next-line no-control-regex
export const EXPORT_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = defuse(cell.replace(EXPORT_CONTROLS, ''));
  return /[;"\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(table: Table): Uint8Array {
  const lines: string[] = [];
  if (table.groups?.length) {
    const row: Cell[] = table.columns.map(() => null);
    for (const group of table.groups) row[group.from] = group.label;
    lines.push(row.map(csvField).join(';'));
  }
  lines.push(table.columns.map((c) => csvField(c.header)).join(';'));
  for (const row of table.rows) lines.push(row.map(csvField).join(';'));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
