/** A table as a small self-contained HTML page: the preview of a spreadsheet export. */
import type { ReportLanguage } from '../../../shared/report-document.ts';
import { escapeHtml } from './html.ts';
import type { Table } from './table.ts';

/** A preview shows this many rows, and says how many more the file holds. */
export const PREVIEW_ROWS = 200;

const CSS = `
body { font: 10pt/1.4 Calibri, Carlito, "Segoe UI", Arial, sans-serif; color: #222; margin: 1rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.45rem; vertical-align: top; text-align: left; }
th { background: #f3f5f7; position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.long { min-width: 24rem; max-width: 40rem; white-space: pre-wrap; }
.more { color: #595959; margin-top: 0.5rem; }
`;

export function tableHtml(table: Table, title: string, language: ReportLanguage): string {
  const groups = table.groups?.length
    ? `<tr>${table.columns
        .map((_, index) => {
          const group = table.groups!.find((g) => g.from === index);
          if (group) return `<th colspan="${group.span}">${escapeHtml(group.label)}</th>`;
          return table.groups!.some((g) => index > g.from && index < g.from + g.span) ? '' : '<th></th>';
        })
        .join('')}</tr>`
    : '';
  const head = `<tr>${table.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr>`;
  const rows = table.rows.slice(0, PREVIEW_ROWS).map(
    (row, r) =>
      `<tr>${row
        .map((cell, c) => {
          const column = table.columns[c]!;
          const indent = column.indent?.[r] ? ` style="padding-left:${0.45 + column.indent[r]! * 1.2}rem"` : '';
          const kind = typeof cell === 'number' ? ' class="n"' : column.wrap ? ' class="long"' : '';
          return `<td${kind}${indent}>${cell === null ? '' : escapeHtml(String(cell))}</td>`;
        })
        .join('')}</tr>`,
  );
  const more = table.rows.length - PREVIEW_ROWS;
  const moreText = more > 0 ? `<p class="more">${language === 'nl' ? `… en nog ${more} rijen in het bestand.` : `… and ${more} more rows in the file.`}</p>` : '';
  return `<!DOCTYPE html>\n<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body><table><thead>${groups}${head}</thead><tbody>${rows.join('')}</tbody></table>${moreText}</body></html>\n`;
}
