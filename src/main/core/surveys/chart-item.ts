/**
 * A scales chart in the report outline (issue 27): what it may name, checked when it is added, and
 * its figures, computed from the answers at every read so that a report never shows a stale image.
 */
import type { OutlineChart, OutlineChartFigures } from '../../../shared/analysis.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { ScalesResult } from '../../../shared/surveys/model.ts';
import type { Db } from '../db/database.ts';
import { listAttributes } from '../participants/store.ts';
import { rowNames } from './store.ts';
import { computeScales, resolveAttribute } from './scales.ts';

/** The chart with its rows as the scales view names them and its attribute as the project spells it; refused when either is unknown. */
export function checkChart(db: Db, chart: OutlineChart): OutlineChart {
  const rows = [...new Set(chart.rows.map((row) => row.trim().normalize('NFC')).filter(Boolean))];
  if (rows.length === 0) throw new DuidingError('A chart needs at least one dimension or numeric question to show.', 'usage', { code: 'chartNeedsRows', params: {} });
  const known = rowNames(db);
  const unknown = rows.filter((row) => !known.includes(row));
  if (unknown.length) {
    throw new DuidingError(`There is no dimension or numeric question "${unknown[0]}" to chart; there are: ${known.join(', ') || 'none yet (import a questionnaire first)'}.`, 'usage', {
      code: 'chartUnknownRow',
      params: { row: unknown[0]! },
    });
  }
  return { rows, by: resolveAttribute(db, chart.by) };
}

/**
 * Each chart's figures, by item id. The scales are computed once per attribute. A row or attribute
 * that has gone since the chart was added (regrouped, renamed) is named in `missing`/`missingBy`,
 * never an error: the report still opens and says what it lacks.
 */
export function chartFigures(db: Db, charts: Array<{ id: string; chart: OutlineChart }>): Record<string, OutlineChartFigures> {
  const attributes = new Set(listAttributes(db).map((a) => a.name));
  const computed = new Map<string | null, ScalesResult>();
  const out: Record<string, OutlineChartFigures> = {};
  for (const { id, chart } of charts) {
    const by = chart.by !== null && attributes.has(chart.by) ? chart.by : null;
    let scales = computed.get(by);
    if (!scales) {
      scales = computeScales(db, by);
      computed.set(by, scales);
    }
    const byName = new Map(scales.items.map((row) => [row.name, row]));
    out[id] = {
      by: scales.by,
      groupValues: scales.groupValues,
      items: chart.rows.flatMap((name) => byName.get(name) ?? []),
      missing: chart.rows.filter((name) => !byName.has(name)),
      missingBy: chart.by !== null && by === null ? chart.by : null,
    };
  }
  return out;
}
