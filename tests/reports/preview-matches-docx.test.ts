import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/main/core/reports/docx.ts';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../src/shared/report-document.ts';
import { reportElements } from '../../src/shared/report-elements.ts';
import { reportFromOutline } from '../../src/shared/report-from-outline.ts';
import { ReportElementsView } from '../../src/renderer/features/outline/ReportElementsView.tsx';
import { appendixOutline } from './appendix.ts';
import { readDocx, wordLabels, type DocxFile } from './docx-reader.ts';

/** One printed paragraph as a reader compares it: what it is, its number or bullet, its text, its style, its bold words. */
interface Seen {
  kind: string;
  label: string | null;
  text: string;
  style: string;
  bold: string;
}

const OPTIONS: ReportOptions = {
  ...DEFAULT_REPORT_OPTIONS,
  attribution: 'participant',
  titleLines: [
    { kind: 'title', text: 'Overzicht thema’s interviews' },
    { kind: 'subtitle', text: 'Citaten leerlingbegeleiders' },
    { kind: 'author', text: 'Onderzoek LLB' },
    { kind: 'author', text: 'hanne@example.org' },
    { kind: 'date', text: 'maart 2021' },
  ],
};

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const KIND_OF_STYLE = (style: string): string =>
  style === 'Title' ? 'title' : style === 'Subtitle' ? 'subtitle' : style === 'ReportAuthors' ? 'author' : /^Heading\d$/.test(style) ? 'heading' : style === 'Quote' ? 'quote' : style === 'Implication' ? 'implication' : style === 'ListBullet' || style === 'ListNumber' ? 'list' : 'paragraph';

/** The preview as the researcher sees it: its top-level paragraphs, read from the rendered HTML. */
function fromPreview(html: string): Seen[] {
  const out: Seen[] = [];
  for (const match of html.matchAll(/<(h\d|p|blockquote) class="[^"]*" (?:style="[^"]*" )?data-kind="([^"]+)" data-style="([^"]+)"(?: data-label="([^"]*)")?>([\s\S]*?)<\/\1>/g)) {
    const [, , , style, label, inner] = match;
    const withoutLabel = inner!.replace(/<span class="report-el__label">.*?<\/span>/, '');
    const bold = [...withoutLabel.matchAll(/<strong>(.*?)<\/strong>/g)].map((m) => decode(m[1]!)).join('|');
    out.push({ kind: KIND_OF_STYLE(style!), label: label ?? null, text: decode(withoutLabel), style: style!, bold });
  }
  return out;
}

/** The .docx as Word reads it: the label of a heading is its leading number, of a list paragraph the number Word counts from numbering.xml. */
function fromDocx(docx: DocxFile): Seen[] {
  const labels = wordLabels(docx);
  return docx.paragraphs.map((p, index) => {
    const style = p.style ?? 'Normal';
    const kind = KIND_OF_STYLE(style);
    let label: string | null = null;
    if (kind === 'heading') label = /^(\d+\)|[A-Za-z]\.|\d+\.|[IVXLC]+\.) /.exec(p.text)?.[1] ?? null;
    if (p.numbering) label = labels[index]!;
    const bold = p.runs.filter((r) => r.bold && r.text).map((r) => r.text).join('|');
    return { kind, label, text: p.text, style, bold };
  });
}

describe('the live preview and the .docx', () => {
  it('print the same paragraphs, in the same order, with the same style, number and emphasis', async () => {
    const options = OPTIONS;
    const document = reportFromOutline(appendixOutline(), { concepts: [], labels: [] }, 'LLB', options);
    const html = renderToStaticMarkup(createElement(ReportElementsView, { elements: reportElements(document, options) }));
    const preview = fromPreview(html);
    const docx = fromDocx(readDocx(await writeDocx(document, options)));
    expect(preview).toEqual(docx);
    // The appendix's shape is all there: title block, numbered tension groups, findings, quotes, implications.
    expect(preview.slice(0, 5).map((s) => s.kind)).toEqual(['title', 'subtitle', 'author', 'author', 'author']);
    expect(preview.filter((s) => s.kind === 'heading' && s.label === '1)')).toHaveLength(1);
    expect(preview.filter((s) => s.kind === 'heading' && s.label === '2)')).toHaveLength(1);
    for (const kind of ['quote', 'list', 'implication', 'paragraph']) expect(preview.some((s) => s.kind === kind)).toBe(true);
    expect(preview.filter((s) => s.kind === 'implication').every((s) => s.text.startsWith('--> ') && s.bold === '')).toBe(true);
  });

  it('agree on the shapes the researcher sets: numbered levels and points, a titled finding, plain quotes, a title block in any order', async () => {
    const outline = appendixOutline();
    const section = (id: string) => outline.sections.find((s) => s.id === id)!;
    // Seed 002's "A." … with points "a." …; the appendix's titled bullet with its paragraph under it.
    section('s4').numbering = 'A.';
    section('s411').itemNumbering = 'a.';
    section('s412').itemNumbering = 'I.';
    section('s411').items.splice(1, 0, { ...section('s411').items[0]!, id: 'titled', title: 'Doelpubliek breed', text: 'Een alinea onder de titel.' });
    section('s411').items.forEach((item, position) => (item.position = position));
    const options: ReportOptions = {
      ...OPTIONS,
      quoteStyle: 'plain',
      levelNumbering: ['I.'],
      titleLines: [
        { kind: 'title', text: 'Onderzoek krachtige leerlingenbegeleiding' },
        { kind: 'author', text: 'Arteveldehogeschool' },
        { kind: 'subtitle', text: 'Overzicht thema’s interviews' },
        { kind: 'subtitle', text: 'Citaten leerlingbegeleiders' },
      ],
    };
    const document = reportFromOutline(outline, { concepts: [], labels: [] }, 'LLB', options);
    const preview = fromPreview(renderToStaticMarkup(createElement(ReportElementsView, { elements: reportElements(document, options) })));
    expect(preview).toEqual(fromDocx(readDocx(await writeDocx(document, options))));
    expect(preview.slice(0, 4).map((s) => s.style)).toEqual(['Title', 'ReportAuthors', 'Subtitle', 'Subtitle']);
    const labelled = preview.filter((s) => s.label).map((s) => [s.label, s.text.slice(0, 22)]);
    expect(labelled).toEqual([
      ['I.', 'I. Wat wordt er van de'],
      ['II.', 'II. Hoe voer ik gespre'],
      ['III.', 'III. Hoe ondersteun en'],
      ['IV.', 'IV. Spanningsvelden in'],
      ['A.', 'A. Zelfopvatting leerl'],
      ['a.', 'Leerlingenbegeleiders '],
      ['b.', 'Doelpubliek breed'],
      ['c.', 'Leerlingenbegeleiders '],
      ['I.', 'Afstemming onder colle'],
      ['II.', 'Afstemming gebeurt voo'],
      ['B.', 'B. Personeelsbeleid'],
      ['•', 'Nascholing valt vaak i'],
    ]);
    const titled = preview.findIndex((s) => s.text === 'Doelpubliek breed');
    expect(preview[titled]).toMatchObject({ bold: 'Doelpubliek breed', style: 'ListNumber' });
    expect(preview[titled + 1]).toMatchObject({ text: 'Een alinea onder de titel.', style: 'ListContinue', label: null });
    expect(preview.filter((s) => s.style === 'Quote')).toEqual([]);
  });
});
