/**
 * A report document as a Word file the researcher keeps editing: built-in heading styles with their
 * outline levels, the Quote style on every quote, real list numbering on findings, an optional
 * table-of-contents field.
 */
import { isSafeLink } from '../../../shared/lexical-validate.ts';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  FootnoteReferenceRun,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { reportTexts, titleLine, type ReportDocument, type ReportOptions, type RichRun } from '../../../shared/report-document.ts';
import { elementText, reportElements, type ReportElement } from '../../../shared/report-elements.ts';
import { svgToPng } from './chart-png.ts';
import { reportNumbering, reportStyles } from './docx-styles.ts';

/** The page's text width in pixels at 96 to the inch: A4 (11906 twips) less two margins of 1418. */
const TEXT_WIDTH_PX = ((11906 - 2 * 1418) / 1440) * 96;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/** Heading 1–6 through docx's own levels, 7–9 through the styles we add. */
function headingProps(depth: number): { heading: (typeof HeadingLevel)[keyof typeof HeadingLevel] } | { style: string } {
  const level = Math.min(Math.max(depth, 1), 9);
  return level <= 6 ? { heading: HEADINGS[level - 1]! } : { style: `Heading${level}` };
}

/** Text with its line breaks as Word breaks, so that a quote across lines stays one paragraph. */
function textRuns(text: string, format: { bold?: boolean; italics?: boolean; underline?: boolean; style?: string; color?: string } = {}): TextRun[] {
  return text.split('\n').map(
    (line, index) =>
      new TextRun({
        text: line,
        break: index > 0 ? 1 : undefined,
        bold: format.bold,
        italics: format.italics,
        underline: format.underline ? {} : undefined,
        style: format.style,
        color: format.color,
      }),
  );
}

function richRuns(runs: RichRun[]): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] => {
    const children = textRuns(run.text, {
      bold: run.bold,
      italics: run.italic,
      underline: run.underline,
      style: run.link ? 'Hyperlink' : undefined,
    });
    return run.link && isSafeLink(run.link) ? [new ExternalHyperlink({ link: run.link, children })] : children;
  });
}

type Png = Awaited<ReturnType<typeof svgToPng>>;

/** A chart as a picture in a paragraph of its own (scaled to the text width), its note under it. */
function chartParagraphs(element: ReportElement, png: Png): Paragraph[] {
  const chart = element.chart!;
  const width = Math.min(TEXT_WIDTH_PX, chart.width);
  const height = Math.round((chart.height * width) / chart.width);
  const title = elementText(element);
  const picture = new Paragraph({
    keepNext: chart.note !== null,
    spacing: { before: 120, after: 120 },
    children: [new ImageRun({ type: 'png', data: png.png, transformation: { width: Math.round(width), height }, altText: { name: title, title, description: chart.table.map((row) => row.join(' · ')).join('\n') } })],
  });
  return chart.note ? [picture, new Paragraph({ style: 'ReportNote', children: [new TextRun({ text: chart.note })] })] : [picture];
}

/**
 * The verbatim text of the edited quotes, when the researcher asks for it: each a Word comment on the
 * quote's text or a footnote after it, numbered in reading order.
 */
class VerbatimNotes {
  readonly comments: Array<{ id: number; author: string; initials: string; children: Paragraph[] }> = [];
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  constructor(private readonly options: ReportOptions) {}

  /** The quote's runs with its note around or after them. */
  wrap(element: ReportElement, runs: ParagraphChild[]): ParagraphChild[] {
    const mode = this.options.verbatimNotes ?? 'none';
    if (element.verbatim === undefined || mode === 'none') return runs;
    const note = [new Paragraph({ children: [new TextRun({ text: `${reportTexts(this.options.language).verbatim}: `, bold: true }), ...textRuns(element.verbatim)] })];
    if (mode === 'footnote') {
      const id = Object.keys(this.footnotes).length + 1;
      this.footnotes[id] = { children: note };
      return [...runs, new FootnoteReferenceRun(id)];
    }
    const id = this.comments.length;
    this.comments.push({ id, author: 'Duiding', initials: 'D', children: note });
    return [new CommentRangeStart(id), ...runs, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
  }
}

/** Each element of the laid-out report as a Word paragraph: the same list the live preview renders. */
function elementParagraph(element: ReportElement, pngs: Map<ReportElement, Png>, notes: VerbatimNotes): Paragraph | TableOfContents | Paragraph[] {
  switch (element.kind) {
    case 'chart':
      return chartParagraphs(element, pngs.get(element)!);
    case 'title':
      return new Paragraph({ heading: HeadingLevel.TITLE, children: richRuns(element.runs) });
    case 'heading':
    case 'text-heading':
      return new Paragraph({ ...headingProps(element.depth ?? 1), children: richRuns(element.runs) });
    case 'contents':
      return new Paragraph({ style: 'ReportNote', spacing: { before: 360 }, children: [new TextRun({ text: elementText(element), bold: true, size: 26, color: '1F4E79' })] });
    case 'toc':
      return new TableOfContents(element.runs.map((r) => r.text).join('') || 'TOC', { hyperlink: true, headingStyleRange: '1-3' });
    case 'quote': {
      const children: ParagraphChild[] = notes.wrap(element, richRuns(element.runs));
      if (element.attribution) children.push(new TextRun({ text: ` (${element.attribution})`, italics: false, color: '595959' }));
      // Plain quotes are body paragraphs: no style of their own.
      return new Paragraph({ style: element.style === 'Quote' ? 'Quote' : undefined, children });
    }
    default: {
      const numbering = element.list ? { reference: element.list.reference, level: element.list.level, instance: element.list.instance } : undefined;
      return new Paragraph({ style: element.style === 'Normal' ? undefined : element.style, numbering, children: richRuns(element.runs) });
    }
  }
}

const LANGUAGE_TAGS = { nl: 'nl-BE', en: 'en-GB' } as const;

export async function writeDocx(report: ReportDocument, options: ReportOptions): Promise<Uint8Array> {
  const elements = reportElements(report, options);
  // Drawn here, from the figures of this export: the report never carries a stored picture.
  const pngs = new Map<ReportElement, Png>();
  for (const element of elements) if (element.chart) pngs.set(element, await svgToPng(element.chart.svg));
  const notes = new VerbatimNotes(options);
  const body = elements.flatMap((element) => elementParagraph(element, pngs, notes));

  const styles = {
    ...reportStyles,
    default: {
      ...reportStyles.default,
      document: {
        ...reportStyles.default!.document,
        run: { ...reportStyles.default!.document!.run, language: { value: LANGUAGE_TAGS[options.language] } },
      },
    },
  };
  const document = new Document({
    title: titleLine(report.titleBlock, 'title'),
    subject: report.titleBlock.lines.filter((line) => line.kind === 'subtitle').map((line) => line.text).join(' — '),
    creator: report.titleBlock.lines.filter((line) => line.kind === 'author').map((line) => line.text).join('; ') || 'Duiding',
    description: 'Duiding',
    styles,
    numbering: reportNumbering,
    ...(notes.comments.length ? { comments: { children: notes.comments } } : {}),
    ...(Object.keys(notes.footnotes).length ? { footnotes: notes.footnotes } : {}),
    features: options.toc ? { updateFields: true } : undefined,
    sections: [
      {
        properties: { page: { margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, color: '595959' })] })],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
