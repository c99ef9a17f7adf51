/** Tables as an Excel workbook: bold frozen headers, filters, widths, wrapped long text. */
import ExcelJS from 'exceljs';
import type { Table } from './table.ts';

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}

export async function writeXlsx(tables: Table[], meta: { title: string; creator: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.title = meta.title;
  // Fixed so that the same project exports to the same bytes' content (no "now" in the file).
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name));
    let headerRow = 1;
    if (table.groups?.length) {
      const groupRow = sheet.getRow(1);
      for (const group of table.groups) {
        groupRow.getCell(group.from + 1).value = group.label;
        if (group.span > 1) sheet.mergeCells(1, group.from + 1, 1, group.from + group.span);
        groupRow.getCell(group.from + 1).alignment = { horizontal: 'center' };
      }
      groupRow.font = { bold: true };
      headerRow = 2;
    }
    const header = sheet.getRow(headerRow);
    table.columns.forEach((column, index) => {
      header.getCell(index + 1).value = column.header;
      sheet.getColumn(index + 1).width = column.width ?? Math.min(Math.max(column.header.length + 2, 8), 60);
    });
    header.font = { bold: true };
    header.alignment = { vertical: 'bottom', wrapText: true };
    table.rows.forEach((cells, r) => {
      const row = sheet.getRow(headerRow + 1 + r);
      cells.forEach((cell, c) => {
        const target = row.getCell(c + 1);
        target.value = cell;
        const column = table.columns[c]!;
        const indent = column.indent?.[r];
        if (column.wrap || indent) target.alignment = { vertical: 'top', wrapText: column.wrap, indent: indent || undefined };
      });
    });
    sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
    if (table.rows.length) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + table.rows.length, column: table.columns.length } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
