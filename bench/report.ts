import { BUDGETS, valueAt, verdict } from './budget.ts';

type Print = (line: string) => void;

function flatten(node: unknown, prefix: string, out: Array<[string, string]>): void {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else out.push([prefix, Array.isArray(node) ? `${node.length} entries` : String(node)]);
}

/** Every figure of the run, then the budget lines with their verdicts. */
export function printTable(figures: { size: string } & Record<string, unknown>, print: Print): void {
  const rows: Array<[string, string]> = [];
  flatten(figures, '', rows);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [key, value] of rows) print(`${key.padEnd(width)}  ${value}`);
  print('');
  print(`budget (issue 5 §3), size ${figures.size.toUpperCase()}`);
  for (const budget of BUDGETS) {
    const value = valueAt(figures, budget.path);
    const judged = budget.at && budget.at !== figures.size ? `(budget is for ${budget.at.toUpperCase()})` : verdict(budget, value);
    const shown = typeof value === 'number' ? `${value} ${budget.unit}` : String(value ?? 'not available yet');
    print(`  ${budget.what.padEnd(44)} ${shown.padStart(14)}  ${budget.kind === 'max' ? '≤' : '≥'} ${budget.limit} ${budget.unit}  ${judged}`);
  }
}
