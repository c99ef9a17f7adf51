/**
 * A report document as CommonMark: headings, `>` quotes, `-` findings, `-->` implications. Text is
 * escaped where Markdown would read it as markup, so a quote renders exactly as it was said.
 */
import { isSafeLink } from '../../../shared/lexical-validate.ts';
import {
  formatAttribution,
  numberLabel,
  quoted,
  reportTexts,
  sectionHeading,
  type ReportDocument,
  type ReportItem,
  type ReportOptions,
  type ReportSection,
  type RichBlock,
  type RichRun,
} from '../../../shared/report-document.ts';
import { reportChart } from '../../../shared/report-elements.ts';

/** Backslash-escapes inline markup, and block markers at the start of a line (`#`, `-`, `1.`, `>`). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, (_, space: string, marker: string) => `${space}${marker.replace(/([#+\-.)])$/, '\\$1')}`))
    .join('\n');
}

function runsMd(runs: RichRun[]): string {
  return runs
    .map((run) => {
      // Markers must hug the text: "** word**" is not bold in CommonMark.
      const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text)!;
      let core = escapeMarkdown(match[2]!);
      if (!core) return run.text;
      if (run.bold) core = `**${core}**`;
      if (run.italic) core = `*${core}*`;
      if (run.underline) core = `<u>${core}</u>`;
      if (run.link && isSafeLink(run.link)) core = `[${core}](<${run.link.replace(/[<>]/g, encodeURIComponent)}>)`;
      return `${match[1]}${core}${match[3]}`;
    })
    .join('')
    .replace(/\n/g, '  \n');
}

function headingMd(depth: number, text: string): string {
  return `${'#'.repeat(Math.min(depth + 1, 6))} ${text}`;
}

function blocksMd(blocks: RichBlock[], depth: number): string[] {
  return blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return runsMd(block.runs);
      case 'quote':
        return runsMd(block.runs)
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n');
      case 'heading':
        return headingMd(depth + block.level, runsMd(block.runs));
      case 'list': {
        const counters: number[] = [];
        return block.items
          .map((item) => {
            counters[item.level] = (counters[item.level] ?? 0) + 1;
            counters.length = item.level + 1;
            const marker = block.ordered ? `${counters[item.level]}.` : '-';
            return `${'   '.repeat(item.level)}${marker} ${runsMd(item.runs)}`;
          })
          .join('\n');
      }
    }
  });
}

/**
 * A chart as its figures: a Markdown file is one file (also as a browser download), and a table of
 * n, mean and median per group reads anywhere and converts with pandoc; the picture is in the
 * .docx and .html.
 */
function chartMd(figures: Extract<ReportItem, { kind: 'chart' }>['figures'], options: ReportOptions): string[] {
  const { title, chart } = reportChart(figures, options);
  const cell = (text: string) => escapeMarkdown(text).replace(/\n/g, ' ');
  const [header, ...rows] = chart.table;
  const table = [
    `| ${header!.map(cell).join(' | ')} |`,
    `| ${header!.map((_, i) => (i >= 2 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
  return [`**${escapeMarkdown(title)}**`, ...(rows.length ? [table] : []), ...(chart.note ? [`*${escapeMarkdown(chart.note)}*`] : [])];
}

function sectionMd(section: ReportSection, options: ReportOptions, notes: string[]): string[] {
  const texts = reportTexts(options.language);
  const out = [headingMd(section.depth, escapeMarkdown(sectionHeading(section)))];
  if (options.includeCounts && section.counts && section.counts.quotes > 0) out.push(`*${texts.counts(section.counts.quotes, section.counts.interviews)}*`);
  if (options.includeDefinitions && section.definition.length) out.push(`**${texts.definition}:**`, ...blocksMd(section.definition, section.depth));
  out.push(...blocksMd(section.intro, section.depth));
  const numbering = section.itemNumbering ?? 'bullet';
  // CommonMark numbers only "1." and "1)" (keeping the first number, so a list goes on after a quote);
  // other labels are text, each point a paragraph of its own.
  const listed = numbering === 'bullet' || numbering === '1)' || numbering === '1.';
  let findings: string[] = [];
  const flush = () => {
    if (findings.length) out.push(...(listed ? [findings.join('\n')] : findings));
    findings = [];
  };
  let count = 0;
  for (const item of section.items) {
    if (item.kind === 'finding') {
      count++;
      const label = numbering === 'bullet' ? '-' : numberLabel(numbering, count);
      const marker = label === null ? '' : `${listed ? label : escapeMarkdown(label).replace(/^([A-Za-z]+)\./, '$1\\.')} `;
      // Continuation lines line up with the text after the marker, so they stay in the list item.
      const indent = listed ? ' '.repeat(marker.length) : '';
      const lines = (text: string) => escapeMarkdown(text).replace(/\n/g, `  \n${indent}`);
      findings.push(`${marker}${item.title ? `**${escapeMarkdown(item.title)}**` : lines(item.text)}${item.title && item.text ? `\n\n${indent}${lines(item.text)}` : ''}`);
      continue;
    }
    flush();
    if (item.kind === 'quote') {
      const attribution = formatAttribution(item.source, options.attribution, options.language);
      // The verbatim text of an edited quote, when asked for: a footnote (as GitHub and Pandoc read them).
      let mark = '';
      if (item.verbatim !== undefined && (options.verbatimNotes ?? 'none') !== 'none') {
        notes.push(item.verbatim);
        mark = `[^v${notes.length}]`;
      }
      const text = escapeMarkdown(quoted(item.text, options)) + mark + (attribution ? ` (${escapeMarkdown(attribution)})` : '');
      // Plain quotes are body paragraphs, as in the .docx.
      out.push(options.quoteStyle === 'plain' ? text.replace(/\n/g, '  \n') : text
          .split('\n')
          .map((line) => `> ${line}`)
          .join('  \n'));
    } else if (item.kind === 'implication') out.push(`--> ${escapeMarkdown(item.text)}`);
    else if (item.kind === 'chart') out.push(...chartMd(item.figures, options));
    else out.push(...blocksMd(item.blocks, section.depth));
  }
  flush();
  return out;
}

export function writeMarkdown(report: ReportDocument, options: ReportOptions): string {
  const out: string[] = [];
  // Consecutive author and date lines are one byline block, as they print.
  let byline: string[] = [];
  const flushByline = () => {
    if (byline.length) out.push(byline.join('  \n'));
    byline = [];
  };
  for (const line of report.titleBlock.lines) {
    if (line.kind === 'author' || line.kind === 'date') {
      byline.push(escapeMarkdown(line.text));
      continue;
    }
    flushByline();
    out.push(line.kind === 'title' ? `# ${escapeMarkdown(line.text)}` : `*${escapeMarkdown(line.text)}*`);
  }
  flushByline();
  if (options.toc) {
    out.push(
      `**${reportTexts(options.language).contents}**`,
      report.sections
        .filter((section) => section.depth <= 3)
        .map((section) => `${'  '.repeat(section.depth - 1)}- ${escapeMarkdown(sectionHeading(section))}`)
        .join('\n'),
    );
  }
  const notes: string[] = [];
  for (const section of report.sections) out.push(...sectionMd(section, options, notes));
  if (notes.length) out.push(notes.map((text, i) => `[^v${i + 1}]: ${escapeMarkdown(text).replace(/\n/g, '  \n    ')}`).join('\n'));
  return `${out.filter((block) => block !== '').join('\n\n')}\n`;
}
