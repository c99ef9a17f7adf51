/** The commonalities matrix as a table, as the screen shows it: rows, one column per participant or document, a total. */
import type { Matrix } from '../../../shared/analysis.ts';
import type { ReportLanguage } from '../../../shared/report-document.ts';
import type { Column, Table } from './table.ts';

const TEXTS = {
  nl: { sheet: 'Matrix', concepts: 'Concept', labels: 'Label', total: 'Totaal', unassigned: 'Zonder deelnemer', ungrouped: '(geen waarde)' },
  en: { sheet: 'Matrix', concepts: 'Concept', labels: 'Label', total: 'Total', unassigned: 'No participant', ungrouped: '(no value)' },
} as const;

export function matrixTable(matrix: Matrix, language: ReportLanguage): Table {
  const texts = TEXTS[language];
  const columns: Column[] = [
    { header: matrix.rows === 'concepts' ? texts.concepts : texts.labels, width: 34, indent: matrix.items.map((item) => item.depth) },
    ...matrix.columns.map((column) => ({ header: column.id === null ? texts.unassigned : column.name, width: Math.max(column.name.length + 2, 8) })),
    { header: texts.total, width: 9 },
  ];
  // Consecutive columns of one group get one spanning label above them.
  const groups: NonNullable<Table['groups']> = [];
  if (matrix.groupBy) {
    matrix.columns.forEach((column, index) => {
      const label = column.group ?? texts.ungrouped;
      const last = groups[groups.length - 1];
      if (last && last.label === label && last.from + last.span === index + 1) last.span++;
      else groups.push({ label, from: index + 1, span: 1 });
    });
  }
  return {
    name: texts.sheet,
    columns,
    groups: groups.length ? groups : undefined,
    rows: matrix.items.map((item) => [item.name, ...item.cells, item.total]),
  };
}
