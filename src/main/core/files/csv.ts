import { parse } from 'csv-parse/sync';
import { DuidingError } from '../../../shared/errors.ts';

/**
 * Reads a small CSV (participants, pseudonyms) as rows of trimmed cells. The delimiter is found from
 * the first line: Dutch spreadsheets save with semicolons, others with commas or tabs.
 */
export function readCsv(fileName: string, text: string): string[][] {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  try {
    return (parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][]).filter(
      (row) => row.some((cell) => cell !== ''),
    );
  } catch (error) {
    throw new DuidingError(`${fileName} is not a readable CSV file: ${(error as Error).message}`);
  }
}
