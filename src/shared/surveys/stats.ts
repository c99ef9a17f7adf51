import type { Summary } from './model.ts';

/** n, mean, median, sample standard deviation, min and max; numbers unrounded. */
export function summarise(values: number[]): Summary {
  const n = values.length;
  if (n === 0) return { n: 0, mean: null, median: null, sd: null, min: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / n;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const sd = n < 2 ? null : Math.sqrt(sorted.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1));
  return { n, mean, median, sd, min: sorted[0]!, max: sorted[n - 1]! };
}

/** A number as a Dutch or English spreadsheet writes it: `2,5`, `2.5`, `-1`; null for anything else. */
export function parseNumber(value: string | number | null): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}
