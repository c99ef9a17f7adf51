/**
 * The diverging stacked bar chart of the scales view, as one SVG document: the page shows it and
 * the export writes it, so the picture in a report is the one on screen. Per dimension (and per
 * group under it) the share of answers on each scale point; points below the scale's middle lie left
 * of the centre line, points above it right, the middle point half on either side. Numeric
 * questions (days per domain) follow as bars of their mean.
 */
import type { ScaleRow, ScalesResult } from './model.ts';

export interface ChartText {
  title: string;
  all: string;
  /** "n = {n}" in the reader's language. */
  n: (n: number) => string;
  /** A mean as the reader writes it ("3,25"); default: two decimals with a point. */
  number?: (value: number) => string;
}

/** Colour-blind-safe diverging colours (ColorBrewer RdBu), low → high. */
const PALETTE: Record<number, string[]> = {
  2: ['#ef8a62', '#67a9cf'],
  3: ['#ef8a62', '#f7f7f7', '#67a9cf'],
  4: ['#ca0020', '#f4a582', '#92c5de', '#0571b0'],
  5: ['#ca0020', '#f4a582', '#f7f7f7', '#92c5de', '#0571b0'],
  6: ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#67a9cf', '#2166ac'],
  7: ['#b2182b', '#ef8a62', '#fddbc7', '#f7f7f7', '#d1e5f0', '#67a9cf', '#2166ac'],
  8: ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'],
  9: ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'],
  10: ['#67001f', '#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'],
  11: ['#67001f', '#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'],
};

export function colourOf(point: number, points: number): string {
  const palette = PALETTE[Math.min(11, Math.max(2, points))]!;
  return palette[Math.min(palette.length - 1, Math.round((point / Math.max(1, points - 1)) * (palette.length - 1)))]!;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const fixed = (value: number) => Number(value.toFixed(2));

interface Bar {
  label: string;
  n: number;
  distribution: Record<string, number>;
  heading: boolean;
  /** The group's value, for a group's bar. */
  group?: string;
}

function barsOf(row: ScaleRow, result: ScalesResult, text: ChartText): Bar[] {
  const bars: Bar[] = [{ label: `${short(row.name, 28)}${result.by ? ` · ${text.all}` : ''}`, n: row.n, distribution: row.distribution ?? {}, heading: true }];
  for (const value of result.groupValues) {
    const group = row.groups[value];
    if (group && group.n > 0) bars.push({ label: short(value, 26), n: group.n, distribution: group.distribution ?? {}, heading: false, group: value });
  }
  return bars;
}

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

/** A numeric question's axis: its header's `/N` (days of a 5-day week), else the largest answer. */
function numericMax(row: ScaleRow): number {
  const denominator = /\/\s*(\d+(?:[.,]\d+)?)\s*$/.exec(row.name);
  if (denominator) return Number(denominator[1]!.replace(',', '.'));
  const maxima = [row.max, ...Object.values(row.groups).map((g) => g.max)].filter((v): v is number => v !== null);
  return Math.max(1, ...maxima);
}

const WIDTH = 760;
const LABEL_WIDTH = 230;
const ROW_HEIGHT = 22;

/** The chart as SVG markup. */
export function scalesChartSvg(result: ScalesResult, text: ChartText): string {
  return scalesChart(result, text).svg;
}

/** Where the bars go: right of the labels, with room for the counts at the right. */
const BAR_AREA = WIDTH - LABEL_WIDTH - 70;
/** The dimensions' centre line, and how far 100 % reaches either side of it. */
const CENTRE = LABEL_WIDTH + BAR_AREA / 2;
const HALF = BAR_AREA / 2;

/** The chart being drawn: its markup so far and the top of the next row. */
interface Canvas {
  parts: string[];
  y: number;
  result: ScalesResult;
  text: ChartText;
  number: (v: number) => string;
}

/**
 * The chart with its size: dimensions as diverging stacked bars on a shared centre line (with the
 * legend of their scale), numeric questions below as bars of their mean on their own axis (0 to the
 * header's `/N`, else the largest answer), each overall and per group.
 */
export function scalesChart(result: ScalesResult, text: ChartText): ChartSvg {
  const dimensions = result.items.filter((r) => r.kind === 'dimension' && r.scale);
  const numerics = result.items.filter((r) => r.kind === 'numeric');
  const c: Canvas = { parts: [], y: 44, result, text, number: text.number ?? ((v: number) => String(fixed(v))) };
  const width = WIDTH;
  c.parts.push(`<text x="16" y="26" font-size="16" font-weight="bold">${escape(text.title)}</text>`);
  if (dimensions.length) drawDimensions(c, dimensions);
  drawNumerics(c, numerics);
  const height = c.y + 4;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, 'DejaVu Sans', sans-serif" role="img"><rect width="100%" height="100%" fill="#fff"/>${c.parts.join('')}</svg>`;
  return { svg, width, height };
}

/** A bar's label at the left and its count at the right. */
function drawLabel({ parts, y, text }: Canvas, bar: Bar): void {
  parts.push(
    `<text x="${bar.heading ? 16 : 28}" y="${y + 15}" font-size="12"${bar.heading ? ' font-weight="bold"' : ''}>${escape(bar.label)}</text>`,
    `<text x="${WIDTH - 8}" y="${y + 15}" font-size="11" text-anchor="end" fill="#555">${escape(text.n(bar.n))}</text>`,
  );
}

/** The dimensions as diverging stacked bars, their percentage axis, and the legend of the first one's scale. */
function drawDimensions(c: Canvas, dimensions: ScaleRow[]): void {
  const { parts } = c;
  const top = c.y - 6;
  let legend: { min: number; max: number; words: string[] | null } | null = null;
  for (const row of dimensions) {
    const scale = row.scale!;
    legend ??= scale;
    for (const bar of barsOf(row, c.result, c.text)) {
      drawLabel(c, bar);
      drawDiverging(c, bar, scale);
      c.y += ROW_HEIGHT;
    }
    c.y += 8;
  }
  parts.push(`<line x1="${CENTRE}" y1="${top}" x2="${CENTRE}" y2="${c.y}" stroke="#333" stroke-width="1"/>`);
  for (const pct of [-100, -50, 50, 100]) {
    const x = CENTRE + (pct / 100) * HALF;
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${c.y}" stroke="#ddd" stroke-width="0.5"/>`, `<text x="${x}" y="${c.y + 12}" font-size="10" text-anchor="middle" fill="#555">${Math.abs(pct)}%</text>`);
  }
  c.y += 24;
  if (legend) drawLegend(c, legend);
}

/** One bar's answers, from the centre outwards: below the middle of the scale to the left, above it to the right. */
function drawDiverging({ parts, y }: Canvas, bar: Bar, scale: { min: number; max: number }): void {
  const total = Object.values(bar.distribution).reduce((s, v) => s + v, 0);
  if (total <= 0) return;
  const points = scale.max - scale.min + 1;
  const middle = (scale.min + scale.max) / 2;
  // Left of the centre, from the middle outwards: the points just below the middle first.
  let left = CENTRE;
  let right = CENTRE;
  // All answers on one side fill that side: the axis runs from 100 % left to 100 % right.
  const share = (v: number) => ((bar.distribution[String(v)] ?? 0) / total) * HALF;
  for (let v = Math.floor(middle); v >= scale.min; v--) {
    const w = v === middle ? share(v) / 2 : v < middle ? share(v) : 0;
    if (w <= 0) continue;
    left -= w;
    parts.push(`<rect x="${fixed(left)}" y="${y + 3}" width="${fixed(w)}" height="${ROW_HEIGHT - 6}" fill="${colourOf(v - scale.min, points)}" stroke="#fff" stroke-width="0.5"><title>${escape(`${v}: ${bar.distribution[String(v)] ?? 0}`)}</title></rect>`);
  }
  for (let v = Math.ceil(middle); v <= scale.max; v++) {
    const w = v === middle ? share(v) / 2 : v > middle ? share(v) : 0;
    if (w <= 0) continue;
    parts.push(`<rect x="${fixed(right)}" y="${y + 3}" width="${fixed(w)}" height="${ROW_HEIGHT - 6}" fill="${colourOf(v - scale.min, points)}" stroke="#fff" stroke-width="0.5"><title>${escape(`${v}: ${bar.distribution[String(v)] ?? 0}`)}</title></rect>`);
    right += w;
  }
}

/** The scale's points with their words, wrapped to the chart's width. */
function drawLegend(c: Canvas, legend: { min: number; max: number; words: string[] | null }): void {
  const points = legend.max - legend.min + 1;
  let x = 16;
  for (let v = legend.min; v <= legend.max; v++) {
    const word = legend.words?.[v - legend.min];
    const name = word ? `${v} ${word}` : String(v);
    c.parts.push(`<rect x="${fixed(x)}" y="${c.y}" width="12" height="12" fill="${colourOf(v - legend.min, points)}" stroke="#999" stroke-width="0.5"/>`, `<text x="${fixed(x + 16)}" y="${c.y + 10}" font-size="11">${escape(name)}</text>`);
    x += 22 + name.length * 6.2;
    if (x > WIDTH - 120) {
      x = 16;
      c.y += 18;
    }
  }
  c.y += 26;
}

/** Numeric questions: the mean per group as a bar from 0 on the question's own axis. */
function drawNumerics(c: Canvas, numerics: ScaleRow[]): void {
  const { parts, number } = c;
  const start = LABEL_WIDTH;
  const span = BAR_AREA;
  for (const row of numerics) {
    const max = numericMax(row);
    const top = c.y - 6;
    for (const bar of barsOf(row, c.result, c.text)) {
      const mean = bar.heading ? row.mean : row.groups[bar.group!]?.mean ?? null;
      drawLabel(c, bar);
      if (mean !== null) {
        const w = Math.max(0, Math.min(1, mean / max)) * span;
        parts.push(
          `<rect x="${start}" y="${c.y + 3}" width="${fixed(w)}" height="${ROW_HEIGHT - 6}" fill="${bar.heading ? '#2166ac' : '#67a9cf'}"><title>${escape(number(mean))}</title></rect>`,
          `<text x="${fixed(start + w + 4)}" y="${c.y + 15}" font-size="11" fill="#222">${escape(number(mean))}</text>`,
        );
      }
      c.y += ROW_HEIGHT;
    }
    parts.push(`<line x1="${start}" y1="${top}" x2="${start}" y2="${c.y}" stroke="#333" stroke-width="1"/>`);
    for (const step of [0.5, 1]) {
      const x = start + step * span;
      parts.push(`<line x1="${fixed(x)}" y1="${top}" x2="${fixed(x)}" y2="${c.y}" stroke="#ddd" stroke-width="0.5"/>`);
    }
    for (const step of [0, 0.5, 1]) parts.push(`<text x="${fixed(start + step * span)}" y="${c.y + 12}" font-size="10" text-anchor="middle" fill="#555">${escape(number(step * max))}</text>`);
    c.y += 28;
  }
}
