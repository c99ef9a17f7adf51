/**
 * A report document as a Word file the researcher keeps editing: built-in heading styles with their
 * outline levels, the Quote style on every quote, real list numbering on findings, an optional
 * table-of-contents field.
 */
import { isSafeLink } from '../../../shared/lexical-validate.ts';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
  type ParagraphChild,
} from 'docx';
import {
  findingText,
  formatAttribution,
  quoted,
  reportTexts,
  sectionHeading,
  type ReportDocument,
  type ReportOptions,
  type ReportSection,
  type RichBlock,
  type RichRun,
} from '../../../shared/report-document.ts';
import { BULLET_LIST, FINDINGS, NUMBER_LIST, reportNumbering, reportStyles } from './docx-styles.ts';

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

/** One ordered rich-text list after another restarts at 1: each gets its own numbering instance. */
class ListInstances {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

function blockParagraphs(blocks: RichBlock[], depth: number, lists: ListInstances): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(new Paragraph({ children: richRuns(block.runs) }));
    else if (block.kind === 'quote') out.push(new Paragraph({ style: 'Quote', children: richRuns(block.runs) }));
    else if (block.kind === 'heading') out.push(new Paragraph({ ...headingProps(depth + block.level), children: richRuns(block.runs) }));
    else {
      const instance = block.ordered ? lists.take() : 0;
      for (const item of block.items) {
        out.push(
          new Paragraph({
            style: block.ordered ? 'ListNumber' : 'ListBullet',
            numbering: { reference: block.ordered ? NUMBER_LIST : BULLET_LIST, level: Math.min(item.level, 3), instance },
            children: richRuns(item.runs),
          }),
        );
      }
    }
  }
  return out;
}

function sectionParagraphs(section: ReportSection, options: ReportOptions, lists: ListInstances): Paragraph[] {
  const texts = reportTexts(options.language);
  const out: Paragraph[] = [new Paragraph({ ...headingProps(section.depth), children: textRuns(sectionHeading(section)) })];
  if (options.includeCounts && section.counts && section.counts.quotes > 0) {
    out.push(new Paragraph({ style: 'ReportNote', children: textRuns(texts.counts(section.counts.quotes, section.counts.interviews)) }));
  }
  if (options.includeDefinitions && section.definition.length) {
    // "Definitie: …" runs into the definition's first paragraph; any other first block gets the label above it.
    const label = new TextRun({ text: `${texts.definition}: `, bold: true });
    const [first, ...rest] = section.definition;
    if (first!.kind === 'paragraph') {
      out.push(new Paragraph({ children: [label, ...richRuns(first!.runs)] }), ...blockParagraphs(rest, section.depth, lists));
    } else out.push(new Paragraph({ children: [label] }), ...blockParagraphs(section.definition, section.depth, lists));
  }
  out.push(...blockParagraphs(section.intro, section.depth, lists));
  for (const item of section.items) {
    switch (item.kind) {
      case 'quote': {
        const attribution = formatAttribution(item.source, options.attribution, options.language);
        const children: ParagraphChild[] = textRuns(quoted(item.text, options));
        if (attribution) children.push(new TextRun({ text: ` (${attribution})`, italics: false, color: '595959' }));
        out.push(new Paragraph({ style: 'Quote', children }));
        break;
      }
      case 'finding':
        out.push(
          new Paragraph({
            style: 'ListBullet',
            numbering: { reference: FINDINGS, level: 0 },
            children: item.title
              ? [new TextRun({ text: `${item.title}: `, bold: true }), ...textRuns(item.text)]
              : textRuns(findingText(item)),
          }),
        );
        break;
      case 'implication':
        out.push(new Paragraph({ style: 'Implication', children: textRuns(`--> ${item.text}`) }));
        break;
      case 'paragraph':
        out.push(...blockParagraphs(item.blocks, section.depth, lists));
        break;
    }
  }
  return out;
}

function titleParagraphs(report: ReportDocument): Paragraph[] {
  const { title, subtitle, authors, date } = report.titleBlock;
  const out = [new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(title) })];
  if (subtitle) out.push(new Paragraph({ style: 'Subtitle', children: textRuns(subtitle) }));
  for (const line of [...authors, date].filter(Boolean)) out.push(new Paragraph({ style: 'ReportAuthors', children: textRuns(line) }));
  return out;
}

const LANGUAGE_TAGS = { nl: 'nl-BE', en: 'en-GB' } as const;

export async function writeDocx(report: ReportDocument, options: ReportOptions): Promise<Uint8Array> {
  const texts = reportTexts(options.language);
  const lists = new ListInstances();
  const body: Array<Paragraph | TableOfContents> = titleParagraphs(report);
  if (options.toc) {
    body.push(new Paragraph({ style: 'ReportNote', spacing: { before: 360 }, children: [new TextRun({ text: texts.contents, bold: true, size: 26, color: '1F4E79' })] }));
    body.push(new TableOfContents(texts.contents, { hyperlink: true, headingStyleRange: '1-3' }));
  }
  for (const section of report.sections) body.push(...sectionParagraphs(section, options, lists));

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
    title: report.titleBlock.title,
    subject: report.titleBlock.subtitle,
    creator: report.titleBlock.authors.join('; ') || 'Duiding',
    description: 'Duiding',
    styles,
    numbering: reportNumbering,
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
