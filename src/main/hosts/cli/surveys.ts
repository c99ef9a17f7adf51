import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DuidingError } from '../../../shared/errors.ts';
import type { ExportResult } from '../../../shared/exports.ts';
import { COLUMN_KINDS, type PlanColumn, type PlanOverride, type ScalesResult, type SurveyImportResult } from '../../../shared/surveys/model.ts';
import { dispatch } from '../../core/handlers.ts';
import type { Session } from '../../core/session.ts';
import { columnLetter } from '../../core/surveys/read-table.ts';

/** The CLI's `import … --survey` and `scales` commands (issue 27). */
interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const n = (value: number) => value.toLocaleString('en-US');

/**
 * A plan file: `{ "columns": [...] }` or the array itself, each column `{ header, kind, dimension?,
 * reversed?, scale? }`. The plan `--dry-run --json` prints is such a file (its other fields are read past).
 */
function readPlan(path: string): PlanOverride[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DuidingError(`${basename(path)} is not a readable plan (JSON): ${(error as Error).message}`, 'usage');
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { columns?: unknown; plan?: { columns?: unknown } })?.columns ?? (parsed as { plan?: { columns?: unknown } })?.plan?.columns;
  if (!Array.isArray(list)) throw new DuidingError(`${basename(path)}: a plan is a list of columns, or an object with "columns".`, 'usage');
  return list.map((raw, i) => {
    const c = raw as Partial<PlanColumn> & { scale?: { min: number; max?: number; words?: string[] | null } };
    if (typeof c?.header !== 'string') throw new DuidingError(`${basename(path)}, column ${i + 1}: "header" is missing.`, 'usage');
    if (c.kind !== undefined && !(COLUMN_KINDS as readonly string[]).includes(c.kind)) {
      throw new DuidingError(`${basename(path)}, column "${c.header}": kind must be one of ${COLUMN_KINDS.join(', ')} (got "${String(c.kind)}").`, 'usage');
    }
    const out: PlanOverride = { header: c.header };
    if (c.kind) out.kind = c.kind;
    if (c.dimension) out.dimension = c.dimension;
    if (c.reversed !== undefined) out.reversed = c.reversed;
    if (c.scale) out.scale = { min: c.scale.min, ...(c.scale.max !== undefined ? { max: c.scale.max } : {}), ...(c.scale.words ? { words: c.scale.words } : {}) };
    return out;
  });
}

function describeColumn(c: PlanColumn): string {
  switch (c.kind) {
    case 'scale': {
      const s = c.scale!;
      const words = s.words ? ` (${s.words[0]} … ${s.words[s.words.length - 1]})` : '';
      return `scale ${s.min}–${s.max}${words}, dimension ${c.dimension}${c.reversed ? ', reversed' : ''}`;
    }
    case 'attribute':
      return `attribute (${c.attributeType ?? 'text'})`;
    default:
      return c.kind;
  }
}

function printResult(result: SurveyImportResult, out: Output): void {
  const plan = result.plan;
  out.stdout(`Plan for ${plan.file}${plan.sheet ? `, sheet "${plan.sheet}"` : ''} (${n(plan.respondents)} respondents):`);
  const width = Math.min(48, Math.max(...plan.columns.map((c) => c.header.length)));
  for (const c of plan.columns) {
    const header = c.header.length > width ? `${c.header.slice(0, width - 1)}…` : c.header;
    out.stdout(`  ${columnLetter(c.index).padEnd(3)} ${header.padEnd(width)}  ${describeColumn(c)}   [${c.reason}]`);
  }
  const what =
    `${n(result.participants.created + result.participants.updated)} respondents (${n(result.participants.created)} new, ${n(result.participants.updated)} updated), ` +
    `${n(result.items)} items${result.dimensions.length ? ` in ${result.dimensions.length} dimensions (${result.dimensions.join(', ')})` : ''}, ${n(result.answers)} answers, ` +
    `${n(result.openAnswers)} open answers in ${n(result.documents)} questionnaire documents`;
  if (result.replacements.length) out.stdout(`Pseudonyms: ${result.replacements.map((r) => `${r.name} → ${r.pseudonym} ×${r.count}`).join(', ')}`);
  out.stdout(result.dryRun ? `Would import ${what} (--dry-run: nothing written).` : `Imported ${what}.`);
}

/** `duiding import FILE SURVEY.(csv|xlsx) --survey [--plan FILE.json] [--dry-run] [--pseudonyms LIST.csv] [--json]`. */
export async function importSurveyCommand(
  session: Session,
  file: string,
  paths: string[],
  options: { plan?: string; dryRun: boolean; pseudonyms?: string; json: boolean },
  out: Output,
): Promise<number> {
  if (paths.length !== 1) throw new DuidingError('--survey imports one survey file (.csv or .xlsx) at a time.', 'usage');
  const plan = options.plan === undefined ? undefined : readPlan(options.plan);
  const project = session.open(file, options.dryRun);
  for (const notice of project.notices) out.stderr(`notice: ${notice}`);
  const result = (await dispatch(session, 'surveys/import', {
    file: { path: resolve(paths[0]!) },
    plan,
    pseudonyms: options.pseudonyms === undefined ? undefined : { path: resolve(options.pseudonyms) },
    dryRun: options.dryRun,
  })) as SurveyImportResult;
  if (options.json) out.stdout(JSON.stringify(result, null, 2));
  else printResult(result, out);
  return 0;
}

/**
 * `duiding scales FILE [--by ATTRIBUTE] [--json] [--out PATH.xlsx|PATH.svg]`. `--json` keeps the shape
 * the issue promises: `{ by, items: [{ name, kind, n, mean, median, groups: { value: { n, mean, median } } }] }`.
 */
export async function scalesCommand(session: Session, file: string, options: { by?: string; json: boolean; out?: string }, out: Output): Promise<number> {
  session.open(file, true);
  if (options.out !== undefined) {
    const format = options.out.toLowerCase().endsWith('.svg') ? 'svg' : options.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;
    if (!format) throw new DuidingError(`--out must end in .xlsx (the tables) or .svg (the chart); got ${basename(options.out)}.`, 'usage');
    const result = (await dispatch(session, 'surveys/export', { format, by: options.by, out: resolve(options.out) })) as ExportResult;
    if (options.json) out.stdout(JSON.stringify(result, null, 2));
    else out.stdout(`Wrote ${result.path} (${n(result.bytes)} bytes).`);
    return 0;
  }
  const result = (await dispatch(session, 'surveys/scales', { by: options.by })) as ScalesResult;
  if (options.json) {
    const items = result.items.map((i) => ({
      name: i.name,
      kind: i.kind,
      n: i.n,
      mean: i.mean,
      median: i.median,
      groups: Object.fromEntries(Object.entries(i.groups).map(([value, g]) => [value, { n: g.n, mean: g.mean, median: g.median }])),
    }));
    out.stdout(JSON.stringify({ by: result.by, items }, null, 2));
    return 0;
  }
  if (result.items.length === 0) {
    out.stdout('No scale or numeric answers yet: import a survey with `duiding import FILE SURVEY.csv --survey`.');
    return 0;
  }
  const fmt = (v: number | null) => (v === null ? '–' : (Math.round(v * 100) / 100).toFixed(2));
  const line = (name: string, s: { n: number; mean: number | null; median: number | null; sd: number | null }) =>
    `${name.padEnd(34)} ${String(s.n).padStart(4)} ${fmt(s.mean).padStart(7)} ${fmt(s.median).padStart(7)} ${fmt(s.sd).padStart(7)}`;
  out.stdout(`${''.padEnd(34)} ${'n'.padStart(4)} ${'mean'.padStart(7)} ${'median'.padStart(7)} ${'sd'.padStart(7)}`);
  for (const item of result.items) {
    out.stdout(line(item.name.length > 34 ? `${item.name.slice(0, 33)}…` : item.name, item));
    for (const value of result.groupValues) out.stdout(line(`  ${result.by}: ${value}`.slice(0, 34), item.groups[value]!));
  }
  return 0;
}
