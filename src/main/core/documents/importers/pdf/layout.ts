/**
 * From the positioned lines of a PDF's pages to paragraphs with their pages. Pure: the PDF library
 * stays in read.ts, so these rules are tested on lines written by hand as well as on real PDFs.
 *
 * A PDF holds no paragraphs, only pieces of text placed on a page. The rules, in order:
 * 1. Headers and footers: a line among the top or bottom lines of a page whose text (digits aside,
 *    so "Pagina 2" and "Pagina 3" are one) stands at the same height on every page — on all but one
 *    from three pages on, as a title page often has none — is left out, and listed.
 * 2. Paragraphs: a line starts a new one after a wider gap than the text's usual line spacing, at a
 *    change of font size, at an indented first line, or after a short line that ended a sentence.
 * 3. Lines are joined with a space; a word broken at a line's end ("begelei-" + "ding") is joined
 *    where the whole word is a Dutch or English word, else its hyphen is kept ("e-" + "mail").
 * 4. A paragraph that runs onto the next page is cut there: each turn stands on one page, so a
 *    search hit and a quote have one page (a word broken across the page break stays on the first).
 */

export interface PdfLine {
  text: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** The font size, in PDF units. */
  size: number;
}

export interface PdfPage {
  /** Counted from 1. */
  number: number;
  lines: PdfLine[];
}

export interface PdfParagraph {
  text: string;
  page: number;
}

export interface PdfLayout {
  paragraphs: PdfParagraph[];
  /** Headers and footers left out: the text as on the first page it stands on, and on how many pages. */
  leftOut: Array<{ text: string; pages: number }>;
}

/** How many lines at the top and at the bottom of a page can be a header or footer. */
const EDGE_LINES = 3;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const repeatKey = (text: string) => collapse(text).toLocaleLowerCase('nl').replace(/\d+/g, '#');

function edgeLines(page: PdfPage): PdfLine[] {
  const byHeight = [...page.lines].sort((a, b) => b.y - a.y);
  if (byHeight.length <= EDGE_LINES * 2) return byHeight;
  return [...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)];
}

/** The lines that repeat on (nearly) every page, by page. */
function repeatedLines(pages: PdfPage[]): { drop: Set<PdfLine>; leftOut: PdfLayout['leftOut'] } {
  const drop = new Set<PdfLine>();
  const leftOut: PdfLayout['leftOut'] = [];
  const withText = pages.filter((p) => p.lines.length > 0);
  if (withText.length < 2) return { drop, leftOut };
  const needed = withText.length >= 3 ? withText.length - 1 : withText.length;
  const seen = new Map<string, Array<PdfLine>>();
  for (const page of withText) {
    const onPage = new Map<string, PdfLine>();
    for (const line of edgeLines(page)) {
      const key = repeatKey(line.text);
      if (key && !onPage.has(key)) onPage.set(key, line);
    }
    for (const [key, line] of onPage) seen.set(key, [...(seen.get(key) ?? []), line]);
  }
  for (const lines of seen.values()) {
    if (lines.length < needed) continue;
    // A header or footer stands at one height on every page; the same words elsewhere are text.
    const heights = lines.map((l) => l.y);
    if (Math.max(...heights) - Math.min(...heights) > Math.max(...lines.map((l) => l.size))) continue;
    for (const line of lines) drop.add(line);
    leftOut.push({ text: collapse(lines[0]!.text), pages: lines.length });
  }
  return { drop, leftOut };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The usual distance between the baselines of two lines of one paragraph. */
function linePitch(pages: PdfPage[], drop: Set<PdfLine>): number | null {
  const gaps: number[] = [];
  for (const page of pages) {
    const lines = page.lines.filter((l) => !drop.has(l));
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1]!.y - lines[i]!.y;
      if (gap > 0 && Math.abs(lines[i - 1]!.size - lines[i]!.size) < 0.5) gaps.push(gap / lines[i]!.size);
    }
  }
  return median(gaps);
}

const SENTENCE_END = /[.!?:;…"”’)]$/u;

function startsParagraph(previous: PdfLine, line: PdfLine, pitch: number | null, rightEdge: number): boolean {
  const size = Math.max(line.size, previous.size);
  if (Math.abs(line.size - previous.size) > 0.15 * size) return true;
  const gap = (previous.y - line.y) / line.size;
  if (pitch !== null && gap > pitch * 1.35) return true;
  // A first line indented under a full line before it.
  if (line.x > previous.x + line.size * 1.5 && gap > 0) return true;
  // A short line that ends a sentence ends its paragraph.
  return SENTENCE_END.test(previous.text.trimEnd()) && previous.x + previous.width < rightEdge - size * 4;
}

export type IsWord = (word: string) => boolean;

const BROKEN = /(\p{L}+)[-\u00AD\u2010]$/u;
const FIRST_WORD = /^(\p{L}+)/u;
/** "zorg- en welzijnsbeleid": a hyphen before a conjunction stands for a left-out part, never a break. */
const CONJUNCTION = /^(en|of|tot|and|or|to)$/i;

/**
 * How a line ending in a hyphen goes on: the next line's first word joined to it without the hyphen
 * (a dictionary word, or a soft hyphen), with it ("e-mail"), or null when the line does not end in
 * a broken word.
 */
export function joinBroken(left: string, right: string, isWord: IsWord): { left: string; right: string } | null {
  const broken = BROKEN.exec(left);
  const next = FIRST_WORD.exec(right);
  if (!broken || !next) return null;
  const head = left.slice(0, -1);
  const soft = left.endsWith('\u00AD');
  const word = next[1]!;
  if (!soft && CONJUNCTION.test(word)) return null;
  // A capital after the hyphen is a name's part (Noord-Brabant), kept as written.
  const lower = word[0] === word[0]!.toLocaleLowerCase('nl');
  const keep = soft || (lower && isWord(broken[1]! + word)) ? head : left.replace(/[\u00AD\u2010]$/, '-');
  return { left: keep + word, right: right.slice(word.length).trimStart() };
}

interface Piece {
  page: number;
  text: string;
}

/** Joins a paragraph's lines; a new page starts a new piece. */
function joinLines(lines: Array<{ line: PdfLine; page: number }>, isWord: IsWord): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece | null = null;
  for (const { line, page } of lines) {
    let text = collapse(line.text);
    if (current) {
      const joined = joinBroken(current.text, text, isWord);
      if (joined) {
        current.text = joined.left;
        text = joined.right;
        if (text && current.page === page) current.text += ' ';
      } else if (current.page === page) {
        current.text += ' ';
      }
    }
    if (!text) continue;
    if (!current || current.page !== page) {
      current = { page, text };
      pieces.push(current);
    } else {
      current.text += text;
    }
  }
  return pieces.map((p) => ({ page: p.page, text: p.text.trim() })).filter((p) => p.text !== '');
}

export function layoutPages(pages: PdfPage[], isWord: IsWord): PdfLayout {
  const { drop, leftOut } = repeatedLines(pages);
  const pitch = linePitch(pages, drop);
  const paragraphs: PdfParagraph[] = [];
  let open: Array<{ line: PdfLine; page: number }> = [];
  const flush = () => {
    for (const piece of joinLines(open, isWord)) paragraphs.push(piece);
    open = [];
  };
  for (const page of pages) {
    const lines = page.lines.filter((l) => !drop.has(l) && collapse(l.text) !== '');
    const rightEdge = Math.max(0, ...lines.map((l) => l.x + l.width));
    lines.forEach((line, i) => {
      const previous = i > 0 ? lines[i - 1]! : null;
      // Across a page break a paragraph goes on only after a line that did not end a sentence.
      const carried = open.length > 0 ? open[open.length - 1]!.line : null;
      if (previous ? startsParagraph(previous, line, pitch, rightEdge) : carried !== null && SENTENCE_END.test(carried.text.trimEnd())) flush();
      open.push({ line, page: page.number });
    });
  }
  flush();
  return { paragraphs, leftOut };
}
