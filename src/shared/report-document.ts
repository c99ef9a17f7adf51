/**
 * The report as a document, independent of any file format: what the theme-report builder produces
 * and what the Word, HTML and Markdown writers read. Pure: no I/O, no DOM.
 */
import type { ItemNumbering, Numbering, OutlineChartFigures, QuoteStyle, TitleLine } from './analysis.ts';
import type { AttributeValue } from './model.ts';
import { formatTimecode } from './text/timecode.ts';

/** A stretch of text with one formatting. */
export interface RichRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** A web address the run links to. */
  link?: string;
}

/** Rich text as blocks: what a Lexical editor state reduces to for export. */
export type RichBlock =
  | { kind: 'paragraph'; runs: RichRun[] }
  /** A heading written inside rich text; `level` 1 is the largest, relative to the section it is in. */
  | { kind: 'heading'; level: number; runs: RichRun[] }
  /** `level` 0 is the outer list; nested lists go one deeper. */
  | { kind: 'list'; ordered: boolean; items: Array<{ level: number; runs: RichRun[] }> }
  | { kind: 'quote'; runs: RichRun[] };

/** Where a quote comes from; the options decide how much of it the attribution shows. */
export interface QuoteSource {
  /** The participant who said it (the speaker's, in a focus group the person's own). */
  participant: string | null;
  /** Set for a passage of the interviewer's (or another non-participant's): the attribution names them. */
  role?: 'interviewer' | 'other';
  attributes: Record<string, AttributeValue>;
  document: string;
  startMs: number | null;
  /** 1-based number of the turn (paragraph) the quote starts in. */
  paragraph: number | null;
  /** A PDF's quote: its first and last page. The attribution then cites the document and the page. */
  page?: number;
  lastPage?: number;
  /** How the researcher cites the document, in place of its name. */
  citation?: string;
}

/** "p. 3", or "pp. 3–4" for a quote across a page break; a no-break space keeps the number by its "p.". */
export function pageText(source: Pick<QuoteSource, 'page' | 'lastPage'>): string | null {
  if (source.page === undefined) return null;
  return source.lastPage !== undefined && source.lastPage !== source.page ? `pp.\u00A0${source.page}–${source.lastPage}` : `p.\u00A0${source.page}`;
}

export type ReportItem =
  /**
   * `text` is the segment's snapshot, verbatim, or the researcher's edited form of it (issue 29), then
   * with the verbatim text in `verbatim`: writers never reflow or trim either.
   */
  | { kind: 'quote'; text: string; source: QuoteSource; segmentId?: string; verbatim?: string }
  /** A finding is a point of the section's list; a titled one prints its bold title by the bullet and its text as a paragraph under it. */
  | { kind: 'finding'; text: string; title?: string }
  | { kind: 'implication'; text: string }
  | { kind: 'paragraph'; blocks: RichBlock[] }
  /** A scales chart with its figures as computed for this report (never a stored image). */
  | { kind: 'chart'; figures: OutlineChartFigures };

export interface ReportSection {
  title: string;
  /** Shown before the title, e.g. "1)"; null when the section is not numbered. */
  number: string | null;
  /** 1 for a top-level section. */
  depth: number;
  intro: RichBlock[];
  /** The definition of the concept or label the section is about (shown with `includeDefinitions`). */
  definition: RichBlock[];
  /** Distinct quotes and interviews in the section and its sub-sections (shown with `includeCounts`). */
  counts: { quotes: number; interviews: number } | null;
  /** How its findings are numbered (default: bullets). */
  itemNumbering?: ItemNumbering;
  items: ReportItem[];
}

export interface ReportTitleBlock {
  /** Title, subtitle, author and date lines in the order they print. */
  lines: TitleLine[];
}

/** The first line of a kind ('' when there is none), for a file's metadata. */
export function titleLine(block: ReportTitleBlock, kind: TitleLine['kind']): string {
  return block.lines.find((line) => line.kind === kind)?.text ?? '';
}

/** The label of the `n`th (1-based) entry of a list numbered so; null for "none". */
export function numberLabel(numbering: Numbering, n: number): string | null {
  switch (numbering) {
    case 'none':
      return null;
    case '1)':
      return `${n})`;
    case '1.':
      return `${n}.`;
    case 'A.':
      return `${letters(n)}.`;
    case 'a.':
      return `${letters(n).toLowerCase()}.`;
    case 'I.':
      return `${roman(n)}.`;
  }
}

/** A, B, … Z, AA, AB … as Word counts. */
function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}

export interface ReportDocument {
  titleBlock: ReportTitleBlock;
  /** Sections in reading order; `depth` gives the tree. */
  sections: ReportSection[];
}

export const REPORT_LANGUAGES = ['nl', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** none · the participant · the participant with chosen attributes · the document with timestamp or paragraph. */
/** `full`: the participant, all their attributes, then the document and the time or paragraph. */
export type Attribution = 'none' | 'participant' | 'source' | 'full' | { attrs: string[] };

export interface ReportOptions {
  attribution: Attribution;
  quotationMarks: boolean;
  includeDefinitions: boolean;
  includeCounts: boolean;
  /** The language of the fixed texts (contents, counts, "Definition"…). */
  language: ReportLanguage;
  toc: boolean;
  /** Word's Quote style (indented, italic) or plain body paragraphs. */
  quoteStyle: QuoteStyle;
  /** The title block's lines, in order; none: the project's title and the default subtitle. */
  titleLines?: TitleLine[];
  /** Numbering of the section headings per depth (from depth 1); null or absent: automatic. */
  levelNumbering?: Array<Numbering | null>;
  /**
   * The verbatim text of each edited quote: left out (the default), or beside it as a Word comment
   * or a footnote (.html and .md print both as notes at the end).
   */
  verbatimNotes?: VerbatimNotes;
}

export const VERBATIM_NOTES = ['none', 'comment', 'footnote'] as const;
export type VerbatimNotes = (typeof VERBATIM_NOTES)[number];

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  attribution: 'participant',
  quotationMarks: false,
  includeDefinitions: false,
  includeCounts: false,
  language: 'nl',
  toc: false,
  quoteStyle: 'quote',
};

/** `none`, `participant`, `source`, `full` or `attrs:KEY,KEY` (the CLI's spelling) → an Attribution; null when it is none of those. */
export function parseAttribution(value: string): Attribution | null {
  if (value === 'none' || value === 'participant' || value === 'source' || value === 'full') return value;
  const match = /^attrs:(.+)$/.exec(value);
  if (!match) return null;
  const keys = match[1]!.split(',').map((key) => key.trim()).filter(Boolean);
  return keys.length ? { attrs: keys } : null;
}

const TEXTS = {
  nl: {
    contents: 'Inhoud',
    tocHint: 'Klik met de rechtermuisknop en kies "Veld bijwerken" om de inhoudsopgave te vullen.',
    definition: 'Definitie',
    paragraph: 'alinea',
    interviewer: 'interviewer',
    otherSpeaker: 'andere spreker',
    counts: (quotes: number, interviews: number) =>
      `${quotes} ${quotes === 1 ? 'citaat' : 'citaten'} uit ${interviews} ${interviews === 1 ? 'interview' : 'interviews'}`,
    labelsInNoConcept: 'Labels zonder concept',
    noQuotes: 'Nog geen citaten.',
    chartTitle: (rows: string[], by: string | null) => `${rows.join(', ')}${by ? ` per ${by}` : ''}`,
    chartAll: 'Alle',
    chartMissing: (rows: string[]) => `Niet meer in het project: ${rows.join(', ')}.`,
    chartMissingBy: (by: string) => `Het kenmerk "${by}" bestaat niet meer: alle respondenten samen.`,
    chartEmpty: 'Deze grafiek heeft niets meer om te tonen.',
    chartGroup: 'Groep',
    chartRow: 'Dimensie of vraag',
    mean: 'Gemiddelde',
    median: 'Mediaan',
    decimal: ',',
    verbatim: 'Letterlijk',
    verbatimNotes: 'Letterlijke tekst van de bewerkte citaten',
  },
  en: {
    contents: 'Contents',
    tocHint: 'Right-click and choose "Update Field" to fill in the table of contents.',
    definition: 'Definition',
    paragraph: 'paragraph',
    interviewer: 'interviewer',
    otherSpeaker: 'other speaker',
    counts: (quotes: number, interviews: number) =>
      `${quotes} ${quotes === 1 ? 'quote' : 'quotes'} from ${interviews} ${interviews === 1 ? 'interview' : 'interviews'}`,
    labelsInNoConcept: 'Labels in no concept',
    noQuotes: 'No quotes yet.',
    chartTitle: (rows: string[], by: string | null) => `${rows.join(', ')}${by ? ` by ${by}` : ''}`,
    chartAll: 'All',
    chartMissing: (rows: string[]) => `No longer in the project: ${rows.join(', ')}.`,
    chartMissingBy: (by: string) => `The attribute "${by}" no longer exists: all respondents together.`,
    chartEmpty: 'This chart has nothing left to show.',
    chartGroup: 'Group',
    chartRow: 'Dimension or question',
    mean: 'Mean',
    median: 'Median',
    decimal: '.',
    verbatim: 'Verbatim',
    verbatimNotes: 'Verbatim text of the edited quotes',
  },
} as const;

export type ReportTexts = (typeof TEXTS)[ReportLanguage];

export function reportTexts(language: ReportLanguage): ReportTexts {
  return TEXTS[language];
}

function attributeText(value: AttributeValue, language: ReportLanguage): string {
  if (typeof value === 'boolean') return language === 'nl' ? (value ? 'ja' : 'nee') : value ? 'yes' : 'no';
  return String(value);
}

/**
 * The attribution after a quote, without parentheses ("K.L., ASO"), or null when there is nothing to
 * show. Attribute keys match case-insensitively; a participant without the attribute shows the others.
 */
export function formatAttribution(source: QuoteSource, attribution: Attribution, language: ReportLanguage): string | null {
  if (attribution === 'none') return null;
  // Literature is cited as literature, whatever the attribution chosen for interviews: the work and the page.
  const page = pageText(source);
  const work = source.citation ?? source.document;
  if (page !== null) return `${work}, ${page}`;
  const where =
    source.startMs !== null
      ? formatTimecode(source.startMs)
      : source.paragraph !== null
        ? `${reportTexts(language).paragraph} ${source.paragraph}`
        : null;
  if (attribution === 'source') return [work, where].filter(Boolean).join(', ');
  const parts: string[] = [];
  if (source.participant) parts.push(source.participant);
  // An interviewer's passage that the researcher still quotes is the interviewer's, never the participant's.
  else if (source.role) parts.push(source.role === 'interviewer' ? reportTexts(language).interviewer : reportTexts(language).otherSpeaker);
  if (attribution === 'full') {
    for (const value of Object.values(source.attributes)) if (value !== '') parts.push(attributeText(value, language));
    return [...parts, work, where].filter(Boolean).join(', ');
  }
  if (typeof attribution === 'object') {
    const byKey = new Map(Object.entries(source.attributes).map(([key, value]) => [key.toLowerCase(), value]));
    for (const key of attribution.attrs) {
      const value = byKey.get(key.toLowerCase());
      if (value !== undefined && value !== '') parts.push(attributeText(value, language));
    }
  }
  // A document without a participant still needs a source, or the quote is unattributed.
  if (parts.length === 0) parts.push(work);
  return parts.join(', ');
}

/** The quote's text with the chosen quotation marks; the text itself is never changed. */
export function quoted(text: string, options: Pick<ReportOptions, 'quotationMarks'>): string {
  return options.quotationMarks ? `“${text}”` : text;
}

/** "Title: text" for a titled finding, else the text. */
export function findingText(item: { text: string; title?: string }): string {
  return item.title ? `${item.title}: ${item.text}` : item.text;
}

/** The section title as printed: with its number, if any. */
export function sectionHeading(section: Pick<ReportSection, 'number' | 'title'>): string {
  return section.number ? `${section.number} ${section.title}` : section.title;
}

/** Plain text of rich blocks, one line per paragraph or list item. */
export function richPlainText(blocks: RichBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'list') for (const item of block.items) lines.push(item.runs.map((r) => r.text).join(''));
    else lines.push(block.runs.map((r) => r.text).join(''));
  }
  return lines.join('\n');
}
