/**
 * A report document as one self-contained HTML file: inline styles, no scripts, no external
 * resources, readable on screen and printed (A4, headings kept with what follows).
 */
import { isSafeLink } from '../../../shared/lexical-validate.ts';
import { EXPORT_CONTROLS } from './table.ts';
import { reportChart } from '../../../shared/report-elements.ts';
import {
  formatAttribution,
  numberLabel,
  quoted,
  titleLine,
  reportTexts,
  sectionHeading,
  type ReportDocument,
  type ReportItem,
  type ReportOptions,
  type ReportSection,
  type RichBlock,
  type RichRun,
} from '../../../shared/report-document.ts';

export function escapeHtml(text: string): string {
  return text.replace(EXPORT_CONTROLS, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escaped text with its line breaks kept. */
function lines(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function safeLink(url: string): string | null {
  return isSafeLink(url) ? url : null;
}

function runsHtml(runs: RichRun[]): string {
  return runs
    .map((run) => {
      let html = lines(run.text);
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.underline) html = `<u>${html}</u>`;
      const link = run.link && safeLink(run.link);
      return link ? `<a href="${escapeHtml(link)}">${html}</a>` : html;
    })
    .join('');
}

/** `<hN>` for a depth (the title is h1, so top-level sections are h2); past h6 the level is told to assistive tech. */
function heading(depth: number, inner: string, id?: string): string {
  const level = depth + 1;
  const tag = `h${Math.min(level, 6)}`;
  const aria = level > 6 ? ` aria-level="${level}"` : '';
  return `<${tag}${id ? ` id="${id}"` : ''}${aria}>${inner}</${tag}>`;
}

function listHtml(block: Extract<RichBlock, { kind: 'list' }>): string {
  const tag = block.ordered ? 'ol' : 'ul';
  let html = '';
  let depth = -1;
  for (const item of block.items) {
    while (depth < item.level) {
      html += `<${tag}>`;
      depth++;
    }
    while (depth > item.level) {
      html += `</${tag}>`;
      depth--;
    }
    html += `<li>${runsHtml(item.runs)}</li>`;
  }
  while (depth-- >= 0) html += `</${tag}>`;
  return html;
}

function blocksHtml(blocks: RichBlock[], depth: number): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return `<p>${runsHtml(block.runs)}</p>`;
        case 'quote':
          return `<blockquote class="quote"><p>${runsHtml(block.runs)}</p></blockquote>`;
        case 'heading':
          return heading(depth + block.level, runsHtml(block.runs));
        case 'list':
          return listHtml(block);
      }
    })
    .join('\n');
}

/** The verbatim texts of edited quotes, numbered in reading order, printed at the end (when asked for). */
type Notes = string[];

function noteMark(item: Extract<ReportItem, { kind: 'quote' }>, options: ReportOptions, notes: Notes): string {
  if (item.verbatim === undefined || (options.verbatimNotes ?? 'none') === 'none') return '';
  notes.push(item.verbatim);
  const n = notes.length;
  return `<sup class="verbatim-ref"><a href="#verbatim-${n}" id="verbatim-ref-${n}">${n}</a></sup>`;
}

/** A section's findings: bullets, or numbered as the researcher chose (counted across the items between them); a titled one has its text under its title. */
function itemsHtml(items: ReportItem[], options: ReportOptions, depth: number, numbering: NonNullable<ReportSection['itemNumbering']>, notes: Notes): string {
  const out: string[] = [];
  let findings: string[] = [];
  let count = 0;
  const flush = () => {
    if (findings.length) out.push(numbering === 'bullet' ? `<ul class="findings">${findings.join('')}</ul>` : `<ol class="findings numbered">${findings.join('')}</ol>`);
    findings = [];
  };
  for (const item of items) {
    if (item.kind === 'finding') {
      count++;
      const label = numbering === 'bullet' ? null : numberLabel(numbering, count);
      const head = `${label ? `<span class="label">${escapeHtml(label)}</span> ` : ''}${item.title ? `<strong>${lines(item.title)}</strong>` : lines(item.text)}`;
      findings.push(`<li>${head}${item.title && item.text ? `<p class="finding-text">${lines(item.text)}</p>` : ''}</li>`);
      continue;
    }
    flush();
    if (item.kind === 'quote') {
      const attribution = formatAttribution(item.source, options.attribution, options.language);
      out.push(
        `<blockquote class="quote${options.quoteStyle === 'plain' ? ' plain' : ''}"><p>${lines(quoted(item.text, options))}${noteMark(item, options, notes)}${attribution ? ` <span class="attribution">(${escapeHtml(attribution)})</span>` : ''}</p></blockquote>`,
      );
    } else if (item.kind === 'implication') out.push(`<p class="implication">--&gt; ${lines(item.text)}</p>`);
    else if (item.kind === 'chart') {
      // Inline: the file stays self-contained; the SVG is drawn from numbers and escaped text only.
      const { title, chart } = reportChart(item.figures, options);
      out.push(`<figure class="chart" aria-label="${escapeHtml(title)}">${chart.svg}${chart.note ? `<figcaption>${escapeHtml(chart.note)}</figcaption>` : ''}</figure>`);
    } else out.push(blocksHtml(item.blocks, depth));
  }
  flush();
  return out.join('\n');
}

function sectionHtml(section: ReportSection, index: number, options: ReportOptions, notes: Notes): string {
  const texts = reportTexts(options.language);
  const parts = [heading(section.depth, lines(sectionHeading(section)), `s${index + 1}`)];
  if (options.includeCounts && section.counts && section.counts.quotes > 0) {
    parts.push(`<p class="note">${escapeHtml(texts.counts(section.counts.quotes, section.counts.interviews))}</p>`);
  }
  if (options.includeDefinitions && section.definition.length) {
    parts.push(`<div class="definition"><p class="definition-label">${escapeHtml(texts.definition)}</p>${blocksHtml(section.definition, section.depth)}</div>`);
  }
  parts.push(blocksHtml(section.intro, section.depth), itemsHtml(section.items, options, section.depth, section.itemNumbering ?? 'bullet', notes));
  return parts.filter(Boolean).join('\n');
}

function tocHtml(report: ReportDocument, options: ReportOptions): string {
  const entries = report.sections
    .map((section, index) => ({ section, index }))
    .filter(({ section }) => section.depth <= 3)
    .map(({ section, index }) => `<li class="toc-${section.depth}"><a href="#s${index + 1}">${escapeHtml(sectionHeading(section))}</a></li>`);
  return `<nav class="toc"><p class="toc-title">${escapeHtml(reportTexts(options.language).contents)}</p><ul>${entries.join('')}</ul></nav>`;
}

const CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.5 Calibri, Carlito, "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #222; max-width: 42rem; margin: 3rem auto; padding: 0 1.5rem; }
h1, h2, h3, h4, h5, h6 { color: #1f4e79; line-height: 1.25; margin: 1.6em 0 0.5em; break-after: avoid; page-break-after: avoid; }
h1.title { font-size: 2rem; margin-top: 0; }
h2 { font-size: 1.45rem; } h3 { font-size: 1.25rem; } h4 { font-size: 1.1rem; font-style: italic; font-weight: 600; }
h5, h6 { font-size: 1rem; font-style: italic; }
.subtitle { font-size: 1.2rem; color: #595959; margin: 0 0 0.3rem; }
.authors { color: #595959; margin: 0.1rem 0; }
.note { font-size: 0.9rem; color: #595959; margin-top: -0.2rem; }
blockquote.quote { margin: 0.4rem 1.5rem 0.9rem; font-style: italic; color: #404040; break-inside: avoid; page-break-inside: avoid; }
blockquote.quote p { margin: 0; }
.attribution { font-style: normal; color: #595959; }
ul.findings { padding-left: 1.4rem; }
ul.findings li, ol.findings li { margin-bottom: 0.3rem; }
ol.findings.numbered { list-style: none; padding-left: 1.4rem; }
ol.findings .label { display: inline-block; min-width: 1.6em; margin-left: -1.6em; }
.finding-text { margin: 0.2rem 0 0; }
blockquote.quote.plain { margin: 0 0 0.6rem; font-style: normal; color: inherit; }
.implication { margin: 0.3rem 0 0.6rem; }
figure.chart { margin: 0.8rem 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 0.9rem; color: #595959; }
.definition-label { font-weight: 700; margin-bottom: 0.2rem; }
nav.toc ul { list-style: none; padding: 0; }
nav.toc .toc-2 { padding-left: 1.2rem; } nav.toc .toc-3 { padding-left: 2.4rem; }
nav.toc a { color: inherit; text-decoration: none; }
.toc-title { font-weight: 700; color: #1f4e79; }
.verbatim-notes { margin-top: 2rem; border-top: 1px solid #ccc; font-size: 0.9rem; }
.verbatim-title { font-weight: 700; }
sup.verbatim-ref a { text-decoration: none; }
@page { size: A4; margin: 2.5cm; }
@media print { body { margin: 0; max-width: none; padding: 0; font-size: 11pt; } a { color: inherit; } }
`;

export function writeHtml(report: ReportDocument, options: ReportOptions): string {
  const title = titleLine(report.titleBlock, 'title');
  const head = report.titleBlock.lines.map((line) =>
    line.kind === 'title' ? `<h1 class="title">${lines(line.text)}</h1>` : `<p class="${line.kind === 'subtitle' ? 'subtitle' : 'authors'}">${lines(line.text)}</p>`,
  );
  const notes: Notes = [];
  const main = report.sections.map((section, index) => sectionHtml(section, index, options, notes)).join('\n');
  const noteList = notes.length
    ? `<section class="verbatim-notes"><p class="verbatim-title">${escapeHtml(reportTexts(options.language).verbatimNotes)}</p><ol>${notes
        .map((text, i) => `<li id="verbatim-${i + 1}">${lines(text)} <a href="#verbatim-ref-${i + 1}">↩</a></li>`)
        .join('')}</ol></section>`
    : '';
  const body = [`<header>${head.filter(Boolean).join('\n')}</header>`, options.toc ? tocHtml(report, options) : '', `<main>${main}</main>`, noteList];
  return [
    '<!DOCTYPE html>',
    `<html lang="${options.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Duiding">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body>\n${body.filter(Boolean).join('\n')}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}
