/**
 * A report document laid out as the paragraphs every reader sees, in order: each with its Word
 * style, its number label and its runs. The .docx writer and the live preview both render this
 * list, so numbering, emphasis, order and the title block cannot differ between them. Pure.
 */
import {
  formatAttribution,
  quoted,
  reportTexts,
  sectionHeading,
  type ReportDocument,
  type ReportOptions,
  type ReportSection,
  type RichBlock,
  type RichRun,
} from './report-document.ts';

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
  | 'implication';

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
  list?: { reference: 'findings' | 'bullets' | 'numbers'; level: number; instance: number };
  /** For quotes: the attribution printed after the text, without parentheses, and where it comes from. */
  attribution?: string | null;
  segmentId?: string;
}

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
  for (const item of section.items) {
    switch (item.kind) {
      case 'quote':
        out.push({
          kind: 'quote',
          style: 'Quote',
          label: null,
          runs: [{ text: quoted(item.text, options) }],
          attribution: formatAttribution(item.source, options.attribution, options.language),
          segmentId: item.segmentId,
        });
        break;
      case 'finding':
        out.push({
          kind: 'finding',
          style: 'ListBullet',
          label: BULLETS[0]!,
          runs: item.title ? [{ text: `${item.title}: `, bold: true }, { text: item.text }] : [{ text: item.text }],
          list: { reference: 'findings', level: 0, instance: 0 },
        });
        break;
      case 'implication':
        out.push({ kind: 'implication', style: 'Implication', label: null, runs: [{ text: `--> ${item.text}` }] });
        break;
      case 'paragraph':
        out.push(...blockElements(item.blocks, section.depth, lists));
        break;
    }
  }
  return out;
}

/** The report's paragraphs in reading order: the title block, the contents (when asked), the sections. */
export function reportElements(report: ReportDocument, options: ReportOptions): ReportElement[] {
  const { title, subtitle, authors, date } = report.titleBlock;
  const out: ReportElement[] = [{ kind: 'title', style: 'Title', label: null, runs: [{ text: title }] }];
  if (subtitle) out.push({ kind: 'subtitle', style: 'Subtitle', label: null, runs: [{ text: subtitle }] });
  for (const line of [...authors, date].filter(Boolean)) out.push({ kind: 'author', style: 'ReportAuthors', label: null, runs: [{ text: line }] });
  if (options.toc) {
    const contents = reportTexts(options.language).contents;
    out.push({ kind: 'contents', style: 'ReportNote', label: null, runs: [{ text: contents, bold: true }] }, { kind: 'toc', style: 'TOC', label: null, runs: [{ text: contents }] });
  }
  const lists = new Lists();
  for (const section of report.sections) out.push(...sectionElements(section, options, lists));
  return out;
}
