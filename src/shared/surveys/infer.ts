/**
 * The import plan: what each column of a survey becomes, inferred from its header and values
 * (issue 27, "Survey import"), then changed by the researcher (the screen, or `--plan FILE.json`).
 */
import type { AttributeType } from '../model.ts';
import type { PlanColumn, PlanOverride, ScaleDefinition, SurveyCell, SurveyPlan } from './model.ts';
import { isScaleWord, itemCode, KNOWN_SCALES, pointOf, recogniseScale, wordKey, wordsOf } from './scales.ts';
import { parseNumber } from './stats.ts';

/** Headers of a respondent's id or name column (as for a participants table). */
export const ID_HEADER = /^(id|nr|nummer|number|code|name|naam|participant|deelnemer|respondent|respondent ?id|pseudonym|pseudoniem|case)$/i;
/** A share of a whole, as year 2's questionnaire asks it: `Onderwijsloopbaan: /5`. */
const SHARE_HEADER = /\/\s*\d+\s*$/;
/** At most this many different whole numbers make a scale (0–10 has eleven). */
const MAX_SCALE_POINTS = 11;
const DATE = /^(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?|\d{1,2}[/-]\d{1,2}[/-]\d{4}(?: \d{1,2}:\d{2}(?::\d{2})?)?)$/;
const TRUE = /^(ja|yes|true|waar|j|y)$/i;
const FALSE = /^(nee|no|false|onwaar|n)$/i;

export const cellText = (cell: SurveyCell): string => (cell === null ? '' : typeof cell === 'number' ? String(cell) : cell.trim());
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function attributeType(values: string[]): AttributeType {
  if (values.every((v) => parseNumber(v) !== null)) return 'number';
  if (values.every((v) => TRUE.test(v) || FALSE.test(v))) return 'boolean';
  if (values.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))) return 'date';
  return 'text';
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** A scale for whole numbers alone: from 0 when 0 was answered, else from 1, to the highest answer. */
function numberScale(numbers: number[]): ScaleDefinition {
  return { min: Math.min(...numbers) <= 0 ? Math.min(0, ...numbers) : 1, max: Math.max(...numbers), words: null, name: null };
}

function inferColumn(header: string, index: number, cells: SurveyCell[], idTaken: boolean): PlanColumn {
  const present = cells.map(cellText).filter((v) => v !== '');
  const base = { index, header, filled: present.length, samples: distinct(present).slice(0, 5) };
  if (present.length === 0) return { ...base, kind: 'ignore', reason: 'empty' };
  // By its header alone: an id that repeats is the import's to refuse by its cell, not a reason to
  // number the respondents anew.
  if (!idTaken && ID_HEADER.test(header.trim())) return { ...base, kind: 'id', reason: 'an id or name header' };

  const numbers = present.map(parseNumber);
  const numeric = numbers.filter((n): n is number => n !== null);
  const texts = present.filter((_, i) => numbers[i] === null);
  const wholes = numeric.every((n) => Number.isInteger(n));
  const smallRange = numeric.length > 0 && wholes && distinct(numeric.map(String)).length <= MAX_SCALE_POINTS && Math.max(...numeric) - Math.min(...numeric) <= 10 && Math.min(...numeric) >= 0;

  if (texts.length === 0) {
    if (SHARE_HEADER.test(header)) return { ...base, kind: 'numeric', reason: 'a share (/N) in numbers' };
    if (smallRange) return { ...base, kind: 'scale', scale: numberScale(numeric), reason: `whole numbers ${Math.min(...numeric)}–${Math.max(...numeric)}` };
    return { ...base, kind: 'numeric', reason: wholes ? 'numbers over a wide range' : 'numbers with fractions' };
  }
  // Words of a known scale (numbers beside them in its range); a few stray words still make it a
  // scale item, whose import then refuses the stray word by its cell.
  const scaleWords = texts.filter(isScaleWord);
  if (scaleWords.length > 0 && (numeric.length === 0 || smallRange) && scaleWords.length * 2 >= texts.length) {
    const span = numeric.length ? Math.max(...numeric) - Math.min(...numeric) + 1 : 0;
    const known = recogniseScale(distinct(scaleWords), span)!;
    const min = numeric.length ? (Math.min(...numeric) === 0 ? 0 : 1) : 1;
    const scale: ScaleDefinition = { min, max: min + known.points.length - 1, words: wordsOf(known), name: known.name };
    return { ...base, kind: 'scale', scale, reason: `words of the scale ${known.name}` };
  }
  if (present.every((v) => DATE.test(v))) return { ...base, kind: 'attribute', attributeType: /^\d{4}-\d{2}-\d{2}$/.test(present[0]!) ? 'date' : 'text', reason: 'dates' };
  const meanWords = present.reduce((sum, v) => sum + words(v), 0) / present.length;
  const longest = Math.max(...present.map((v) => v.length));
  if (meanWords >= 4 || longest >= 60) return { ...base, kind: 'open', reason: 'long, varied text' };
  return { ...base, kind: 'attribute', attributeType: attributeType(present), reason: 'short values' };
}

/**
 * Items whose headers share a code form a dimension (`A1.1`, `A1.2` → A1); an item without a code,
 * or the only one with its code, is a dimension of its own, named by its header. Scales the
 * researcher defined, and dimensions they set, are kept.
 */
function groupDimensions(columns: PlanColumn[], dimensionSet: ReadonlySet<number> = new Set(), scaleSet: ReadonlySet<number> = new Set()): void {
  const scaleItems = columns.filter((c) => c.kind === 'scale');
  const counts = new Map<string, number>();
  for (const c of scaleItems) {
    const code = itemCode(c.header)?.dimension;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  for (const c of scaleItems) {
    if (dimensionSet.has(c.index) && c.dimension) continue;
    const code = itemCode(c.header)?.dimension;
    c.dimension = code && counts.get(code)! >= 2 ? code : c.header;
  }
  // A file numbers its scales one way: a 0 answered anywhere makes every scale start at 0, and
  // items answered in numbers alone take the points of the words answered elsewhere in the file.
  const inferred = scaleItems.filter((c) => c.scale && !scaleSet.has(c.index));
  const zeroBased = inferred.some((c) => c.scale!.min === 0);
  const wordPoints = Math.max(0, ...inferred.map((c) => c.scale!.words?.length ?? 0));
  const byDimension = new Map<string, PlanColumn[]>();
  for (const c of inferred) byDimension.set(c.dimension!, [...(byDimension.get(c.dimension!) ?? []), c]);
  for (const items of byDimension.values()) {
    const numeric = items.filter((c) => !c.scale!.words);
    const min = zeroBased ? 0 : 1;
    const observed = Math.max(...numeric.map((c) => c.scale!.max));
    for (const c of numeric) c.scale = { ...c.scale!, min, max: Math.max(observed, wordPoints ? min + wordPoints - 1 : observed) };
    for (const c of items.filter((i) => i.scale!.words)) c.scale = { ...c.scale!, min, max: min + c.scale!.words!.length - 1 };
  }
}

/**
 * One questionnaire uses one scale: a column whose few words fit a smaller scale ("oneens" alone is
 * on the 5-point one) takes the largest scale of that language the file's other columns answered in.
 */
function preferFileScale(columns: PlanColumn[], rows: SurveyCell[][]): void {
  const named = columns.filter((c) => c.kind === 'scale' && c.scale?.name);
  for (const c of named) {
    const language = c.scale!.name!.slice(0, 2);
    const largest = named
      .map((o) => KNOWN_SCALES.find((s) => s.name === o.scale!.name)!)
      .filter((s) => s.name.startsWith(language))
      .sort((a, b) => b.points.length - a.points.length)[0]!;
    if (largest.name === c.scale!.name) continue;
    const texts = rows.map((r) => cellText(r[c.index] ?? null)).filter((v) => v !== '' && parseNumber(v) === null && isScaleWord(v));
    if (texts.every((w) => pointOf(largest, w) >= 0)) {
      c.scale = { min: c.scale!.min, max: c.scale!.min + largest.points.length - 1, words: wordsOf(largest), name: largest.name };
      c.reason = `words of the scale ${largest.name}`;
    }
  }
}

export function inferPlan(file: string, sheet: string | null, header: string[], rows: SurveyCell[][]): SurveyPlan {
  let idTaken = false;
  const columns = header.map((title, index) => {
    const column = inferColumn(title, index, rows.map((row) => row[index] ?? null), idTaken);
    if (column.kind === 'id') idTaken = true;
    return column;
  });
  for (const c of columns) if (c.kind === 'scale') c.reversed = false;
  preferFileScale(columns, rows);
  groupDimensions(columns);
  return { file, sheet, respondents: rows.length, columns };
}

/** A scale for a column the researcher made a scale item: its words' known scale, or its numbers. */
function scaleFromValues(cells: SurveyCell[]): ScaleDefinition | null {
  const present = cells.map(cellText).filter((v) => v !== '');
  const numeric = present.map(parseNumber).filter((n): n is number => n !== null && Number.isInteger(n));
  const texts = present.filter((v) => parseNumber(v) === null);
  if (texts.length === 0) return numeric.length ? numberScale(numeric) : null;
  const known = recogniseScale(distinct(texts.filter(isScaleWord)), numeric.length ? Math.max(...numeric) - Math.min(...numeric) + 1 : 0);
  if (!known) return null;
  const min = numeric.length && Math.min(...numeric) === 0 ? 0 : 1;
  return { min, max: min + known.points.length - 1, words: wordsOf(known), name: known.name };
}

/**
 * The plan with the researcher's changes, matched by header. An unknown header, a second id column
 * or a scale without words or numbers is a usage error: nothing is imported on a plan that does not fit.
 */
export function applyOverrides(plan: SurveyPlan, overrides: PlanOverride[], rows: SurveyCell[][], fail: (message: string) => never): SurveyPlan {
  const columns = plan.columns.map((c) => ({ ...c }));
  const dimensionSet = new Set<number>();
  const scaleSet = new Set<number>();
  for (const override of overrides) {
    const column = columns.find((c) => c.header.trim() === override.header.trim());
    if (!column) fail(`The plan names a column "${override.header}" that ${plan.file} does not have; its columns are: ${plan.columns.map((c) => c.header).join(', ')}.`);
    if (override.kind) column.kind = override.kind;
    if (column.kind === 'attribute' && !column.attributeType) {
      column.attributeType = attributeType(rows.map((r) => cellText(r[column.index] ?? null)).filter((v) => v !== ''));
    }
    if (column.kind === 'scale') {
      if (override.scale) {
        const words = override.scale.words?.length ? override.scale.words.map((w) => w.trim()) : null;
        const max = words ? override.scale.min + words.length - 1 : override.scale.max;
        if (max === undefined || max <= override.scale.min) fail(`The plan's scale for "${column.header}" needs its words in order, or a highest number above ${override.scale.min}.`);
        column.scale = { min: override.scale.min, max, words, name: null };
        scaleSet.add(column.index);
      } else if (!column.scale) {
        const scale = scaleFromValues(rows.map((r) => r[column.index] ?? null));
        if (!scale) fail(`"${column.header}" cannot be a scale item as it is: its answers are neither whole numbers nor words of a known scale; define the scale (its words in order) in the plan.`);
        column.scale = scale;
      }
      column.reversed = override.reversed ?? column.reversed ?? false;
      if (override.dimension?.trim()) {
        column.dimension = override.dimension.trim();
        dimensionSet.add(column.index);
      }
    } else {
      delete column.scale;
      delete column.dimension;
      delete column.reversed;
    }
  }
  const ids = columns.filter((c) => c.kind === 'id');
  if (ids.length > 1) fail(`The plan has ${ids.length} id columns (${ids.map((c) => c.header).join(', ')}); a survey has at most one.`);
  groupDimensions(columns, dimensionSet, scaleSet);
  return { ...plan, columns };
}

/**
 * The number an answer stands for on its scale, or a sentence why it has none. Words of a known
 * scale are matched in any of its phrasings; a defined scale's words as written (case and accents aside).
 */
export function scaleValue(cell: SurveyCell, scale: ScaleDefinition): number | { problem: string } {
  const text = cellText(cell);
  const number = parseNumber(cell);
  const range = scale.words ? `${scale.words[0]} … ${scale.words[scale.words.length - 1]} or ${scale.min}–${scale.max}` : `${scale.min}–${scale.max}`;
  if (number !== null) {
    if (Number.isInteger(number) && number >= scale.min && number <= scale.max) return number;
    return { problem: `${text} is not a point of the scale (${range})` };
  }
  if (scale.words) {
    const known = scale.name ? KNOWN_SCALES.find((s) => s.name === scale.name) : undefined;
    const at = known ? pointOf(known, text) : scale.words.findIndex((w) => wordKey(w) === wordKey(text));
    if (at >= 0) return scale.min + at;
  }
  return { problem: `"${text}" is not a word of the scale (${range})` };
}
