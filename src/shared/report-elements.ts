/**
 * A report document laid out as the paragraphs every reader sees, in order: each with its Word
 * style, its number label and its runs. The .docx writer and the live preview both render this
 * list, so numbering, emphasis, order and the title block cannot differ between them. Pure.
 */
import {
  formatAttribution,
  numberLabel,
  quoted,
  reportTexts,
  sectionHeading,
  type ReportDocument,
  type ReportOptions,
  type ReportSection,
  type RichBlock,
  type RichRun,
} from './report-document.ts';
import type { OutlineChartFigures } from './analysis.ts';
import { scalesChart } from './surveys/chart.ts';

export type ReportElementKind =
  | 'title'
  | 'subtitle'
  | 'author'
  | 'contents'
  | 'toc'
  | 'heading'
  | 'note'
  | 'definition'
  | 'paragraph'
  | 'text-heading'
  | 'list-item'
  | 'text-quote'
  | 'quote'
  | 'finding'
  /** The paragraph under a titled finding, in line with the finding's text. */
  | 'finding-text'
  | 'implication'
  /** A scales chart: `chart` holds its SVG and figures; the runs are its title, the text a reader without the picture gets. */
  | 'chart'
  | 'date';

export interface ReportElement {
  kind: ReportElementKind;
  /** Word's style id (Title, Heading2, Quote, ListBullet…); the preview uses it as its class. */
  style: string;
  /** The printed number or bullet before the text ("1)", "•", "2."), or null. */
  label: string | null;
  runs: RichRun[];
  /** For headings: 1 for a top-level section; Word's outline level + 1. */
  depth?: number;
  /** For list items: which list, which level, ordered or not (Word's numbering instance). */
  list?: { reference: ListReference; level: number; instance: number };
  /** For quotes: the attribution printed after the text, without parentheses, and where it comes from. */
  attribution?: string | null;
  segmentId?: string;
  /** For a chart: the picture (SVG, drawn from the figures), its size in pixels, and the figures as a table. */
  chart?: ReportChart;
  /** For an edited quote: the verbatim text (its runs print the edited form). */
  verbatim?: string;
}

/** A chart as every writer needs it: the SVG the page and .html show, its size (.docx scales its PNG), the figures as a table (.md). */
export interface ReportChart {
  svg: string;
  width: number;
  height: number;
  /** Header row first; one row per dimension or question and group: name, group, n, mean, median. */
  table: string[][];
  /** What the chart cannot show any more (a row or attribute gone), one sentence, or null. */
  note: string | null;
}

/** A number as the report's language writes it, to two decimals at most. */
function decimal(value: number | null, separator: string): string {
  if (value === null) return '–';
  return String(Math.round(value * 100) / 100).replace('.', separator);
}

/** The chart of a report item, drawn from its figures in the report's language. */
export function reportChart(figures: OutlineChartFigures, options: Pick<ReportOptions, 'language'>): { title: string; chart: ReportChart } {
  const texts = reportTexts(options.language);
  const title = texts.chartTitle(figures.items.map((row) => row.name), figures.by);
  const drawn = scalesChart(figures, { title, all: texts.chartAll, n: (n) => `n = ${n}`, number: (v) => decimal(v, texts.decimal) });
  const table = [[texts.chartRow, texts.chartGroup, 'n', texts.mean, texts.median]];
  for (const row of figures.items) {
    table.push([row.name, texts.chartAll, String(row.n), decimal(row.mean, texts.decimal), decimal(row.median, texts.decimal)]);
    for (const value of figures.groupValues) {
      const group = row.groups[value];
      if (group && group.n > 0) table.push([row.name, value, String(group.n), decimal(group.mean, texts.decimal), decimal(group.median, texts.decimal)]);
    }
  }
  const notes = [figures.missing.length ? texts.chartMissing(figures.missing) : null, figures.missingBy ? texts.chartMissingBy(figures.missingBy) : null, figures.items.length ? null : texts.chartEmpty];
  const note = notes.filter(Boolean).join(' ') || null;
  return { title, chart: { ...drawn, table, note } };
}

/** Word numbering definitions: bullets and ordered lists of rich text, and one per way of numbering findings. */
export const FINDING_LISTS = { bullet: 'findings', '1)': 'findings-paren', '1.': 'findings-dot', 'A.': 'findings-upper', 'a.': 'findings-lower', 'I.': 'findings-roman' } as const;
export type ListReference = 'bullets' | 'numbers' | (typeof FINDING_LISTS)[keyof typeof FINDING_LISTS];

const BULLETS = ['•', '◦', '▪', '•'];

/** The style id of a heading at a depth (Word has nine). */
export function headingStyle(depth: number): string {
  return `Heading${Math.min(Math.max(depth, 1), 9)}`;
}

/** The plain text of an element as printed, its number label before it when that is part of the text. */
export function elementText(element: ReportElement): string {
  const text = element.runs.map((run) => run.text).join('');
  if (element.kind === 'quote' && element.attribution) return `${text} (${element.attribution})`;
  return text;
}

class Lists {
  /** Each numbered list restarts at 1 in Word only with a numbering instance of its own. */
  private next = 1;
  take(): number {
    return this.next++;
  }
}

function blockElements(blocks: RichBlock[], depth: number, lists: Lists): ReportElement[] {
  const out: ReportElement[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push({ kind: 'paragraph', style: 'Normal', label: null, runs: block.runs });
    else if (block.kind === 'quote') out.push({ kind: 'text-quote', style: 'Quote', label: null, runs: block.runs });
    else if (block.kind === 'heading') {
      out.push({ kind: 'text-heading', style: headingStyle(depth + block.level), label: null, runs: block.runs, depth: depth + block.level });
    } else {
      const instance = block.ordered ? lists.take() : 0;
      const counters = [0, 0, 0, 0];
      for (const item of block.items) {
        const level = Math.min(item.level, 3);
        counters[level]!++;
        for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
        out.push({
          kind: 'list-item',
          style: block.ordered ? 'ListNumber' : 'ListBullet',
          label: block.ordered ? `${counters[level]}.` : BULLETS[level]!,
          runs: item.runs,
          list: { reference: block.ordered ? 'numbers' : 'bullets', level, instance },
        });
      }
    }
  }
  return out;
}

function sectionElements(section: ReportSection, options: ReportOptions, lists: Lists): ReportElement[] {
  const texts = reportTexts(options.language);
  const out: ReportElement[] = [
    { kind: 'heading', style: headingStyle(section.depth), label: section.number, runs: [{ text: sectionHeading(section) }], depth: section.depth },
  ];
  if (options.includeCounts && section.counts && section.counts.quotes > 0) {
    out.push({ kind: 'note', style: 'ReportNote', label: null, runs: [{ text: texts.counts(section.counts.quotes, section.counts.interviews) }] });
  }
  if (options.includeDefinitions && section.definition.length) {
    // "Definitie: …" runs into the definition's first paragraph; any other first block gets the label above it.
    const label: RichRun = { text: `${texts.definition}: `, bold: true };
    const [first, ...rest] = section.definition;
    if (first!.kind === 'paragraph') {
      out.push({ kind: 'definition', style: 'Normal', label: null, runs: [label, ...first!.runs] }, ...blockElements(rest, section.depth, lists));
    } else out.push({ kind: 'definition', style: 'Normal', label: null, runs: [label] }, ...blockElements(section.definition, section.depth, lists));
  }
  out.push(...blockElements(section.intro, section.depth, lists));
  const numbering = section.itemNumbering ?? 'bullet';
  // The section's findings are one list, counted across the quotes and paragraphs between them.
  const findingsList = numbering === 'bullet' || numbering === 'none' ? 0 : lists.take();
  let findings = 0;
  for (const item of section.items) {
    switch (item.kind) {
      case 'quote':
        out.push({
          kind: 'quote',
          style: options.quoteStyle === 'plain' ? 'Normal' : 'Quote',
          label: null,
          runs: [{ text: quoted(item.text, options) }],
          attribution: formatAttribution(item.source, options.attribution, options.language),
          segmentId: item.segmentId,
          ...(item.verbatim !== undefined ? { verbatim: item.verbatim } : {}),
        });
        break;
      case 'finding': {
        findings++;
        const listed = numbering !== 'none';
        out.push({
          kind: 'finding',
          style: numbering === 'bullet' ? 'ListBullet' : listed ? 'ListNumber' : 'Normal',
          label: numbering === 'bullet' ? BULLETS[0]! : numberLabel(numbering, findings),
          runs: item.title ? [{ text: item.title, bold: true }] : [{ text: item.text }],
          ...(listed ? { list: { reference: FINDING_LISTS[numbering], level: 0, instance: findingsList } } : {}),
        });
        if (item.title && item.text) out.push({ kind: 'finding-text', style: listed ? 'ListContinue' : 'Normal', label: null, runs: [{ text: item.text }] });
        break;
      }
      case 'implication':
        out.push({ kind: 'implication', style: 'Implication', label: null, runs: [{ text: `--> ${item.text}` }] });
        break;
      case 'paragraph':
        out.push(...blockElements(item.blocks, section.depth, lists));
        break;
      case 'chart': {
        const { title, chart } = reportChart(item.figures, options);
        out.push({ kind: 'chart', style: 'Chart', label: null, runs: [{ text: title }], chart });
        break;
      }
    }
  }
  return out;
}

const TITLE_STYLES = { title: 'Title', subtitle: 'Subtitle', author: 'ReportAuthors', date: 'ReportAuthors' } as const;

/** The report's paragraphs in reading order: the title block, the contents (when asked), the sections. */
export function reportElements(report: ReportDocument, options: ReportOptions): ReportElement[] {
  const out: ReportElement[] = report.titleBlock.lines.map((line): ReportElement => ({
    kind: line.kind,
    style: TITLE_STYLES[line.kind],
    label: null,
    runs: [{ text: line.text }],
  }));
  if (options.toc) {
    const contents = reportTexts(options.language).contents;
    out.push({ kind: 'contents', style: 'ReportNote', label: null, runs: [{ text: contents, bold: true }] }, { kind: 'toc', style: 'TOC', label: null, runs: [{ text: contents }] });
  }
  const lists = new Lists();
  for (const section of report.sections) out.push(...sectionElements(section, options, lists));
  return out;
}
