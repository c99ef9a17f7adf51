import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFromOutline } from '../../src/main/core/reports/theme-report.ts';
import { writeDocx } from '../../src/main/core/reports/docx.ts';
import { writeHtml } from '../../src/main/core/reports/html.ts';
import { writeMarkdown } from '../../src/main/core/reports/markdown.ts';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../src/shared/report-document.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { tempDir } from '../support/temp.ts';
import { appendixOutline, EXPECTED, QUOTES, quoteOf, type Expected } from './appendix.ts';
import { readDocx, type DocxParagraph } from './docx-reader.ts';
import { renderPages, REPORT_ARTIFACTS } from './libreoffice.ts';

const OPTIONS: ReportOptions = {
  ...DEFAULT_REPORT_OPTIONS,
  attribution: 'participant',
  titleLines: [
    { kind: 'title', text: 'Overzicht thema’s interviews' },
    { kind: 'subtitle', text: 'Citaten leerlingbegeleiders professionaliseringsnoden en leervragen leerlingenbegeleiding (LLB)' },
    { kind: 'author', text: 'Onderzoek krachtige leerlingenbegeleiding' },
    { kind: 'author', text: 'hanne.claeys@example.org – jonas.maes@example.org' },
    { kind: 'date', text: 'maart 2021' },
  ],
};

function report(options: ReportOptions = OPTIONS) {
  return reportFromOutline(appendixOutline(), { concepts: [], labels: [] }, 'LLB', options);
}

/** The attribution a reader sees after a quote under `participant`: the participant, else the document. */
function attributionOf(text: string): string {
  const quote = Object.values(QUOTES).map(quoteOf).find((q) => q.text === text)!;
  return ` (${quote.participant?.name ?? quote.documentName})`;
}

function fromDocx(paragraphs: DocxParagraph[]): Expected[] {
  const out: Expected[] = [];
  for (const p of paragraphs) {
    const heading = /^Heading(\d)$/.exec(p.style ?? '');
    if (heading) out.push({ kind: 'heading', level: Number(heading[1]), text: p.text });
    else if (p.style === 'Quote') out.push({ kind: 'quote', text: p.text });
    else if (p.style === 'ListBullet' && p.numbering) out.push({ kind: 'finding', text: p.text });
    else if (p.style === 'Implication') out.push({ kind: 'implication', text: p.text });
    else if (p.style === null) out.push({ kind: 'paragraph', text: p.text });
  }
  return out;
}

/** EXPECTED as it reads with attributions after quotes and `--> ` before implications. */
function asRead(expected: Expected[]): Expected[] {
  return expected.map((e) =>
    e.kind === 'quote' ? { ...e, text: e.text + attributionOf(e.text) } : e.kind === 'implication' ? { ...e, text: `--> ${e.text}` } : e,
  );
}

describe('theme report: Word', () => {
  it('uses Word’s built-in styles, the Quote style on every quote, real numbering on findings, in the outline’s order', async () => {
    const bytes = await writeDocx(report(), OPTIONS);
    const docx = readDocx(bytes);

    // Built-in styles under their built-in names, headings with their outline levels.
    for (let level = 1; level <= 3; level++) {
      const style = docx.styles.get(`Heading${level}`)!;
      expect(style.name.toLowerCase()).toBe(`heading ${level}`);
      expect(style.outlineLevel).toBe(level - 1);
    }
    expect(docx.styles.get('Title')?.name).toBe('Title');
    expect(docx.styles.get('Subtitle')?.name).toBe('Subtitle');
    expect(docx.styles.get('Quote')).toMatchObject({ name: 'Quote', type: 'paragraph', italic: true });
    expect(docx.styles.get('ListBullet')?.name).toBe('List Bullet');

    const [title, subtitle, ...byline] = docx.paragraphs;
    expect(title).toMatchObject({ style: 'Title', text: 'Overzicht thema’s interviews' });
    expect(subtitle).toMatchObject({ style: 'Subtitle', text: OPTIONS.titleLines![1]!.text });
    expect(byline.slice(0, 3).map((p) => p.text)).toEqual(OPTIONS.titleLines!.slice(2).map((line) => line.text));

    // Every heading, quote, finding, implication and paragraph, in order.
    expect(fromDocx(docx.paragraphs)).toEqual(asRead(EXPECTED));

    // Quotes: verbatim (line breaks included) in the quote's own runs; the attribution is a separate, upright run.
    const quotes = docx.paragraphs.filter((p) => p.style === 'Quote');
    expect(quotes).toHaveLength(EXPECTED.filter((e) => e.kind === 'quote').length);
    for (const p of quotes) {
      const attribution = p.runs[p.runs.length - 1]!;
      expect(attribution.italic).toBe(false);
      const text = p.runs.slice(0, -1).map((r) => r.text).join('');
      expect(Object.values(QUOTES).map((id) => quoteOf(id).text)).toContain(text);
    }
    expect(quotes.find((p) => p.text.startsWith('Ik denk dat het wel belangrijk'))!.text).toContain('voelt.\nBij mij');

    // Findings: real list numbering (w:numPr) of a bullet list, one list for all.
    const findings = docx.paragraphs.filter((p) => p.style === 'ListBullet');
    expect(findings).toHaveLength(EXPECTED.filter((e) => e.kind === 'finding').length);
    for (const p of findings) {
      expect(p.numbering).not.toBeNull();
      expect(docx.numFormats.get(p.numbering!.numId)).toBe('bullet');
    }
    // The intro keeps its formatting.
    const intro = docx.paragraphs.find((p) => p.text.startsWith('We stelden vast'))!;
    expect(intro.runs.find((r) => r.text === 'spanningen')!.bold).toBe(true);
    expect(intro.runs.find((r) => r.text === 'decreet LLB')!.italic).toBe(true);
    expect(docx.documentXml).not.toContain('w:fldChar');
  });

  it('writes a table of contents field filled from the headings, and asks Word to update it', async () => {
    const options = { ...OPTIONS, toc: true };
    const docx = readDocx(await writeDocx(report(options), options));
    expect(docx.documentXml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/);
    const toc = docx.paragraphs.filter((p) => p.inToc).map((p) => p.text.trim()).filter(Boolean);
    expect(toc).toEqual(expect.arrayContaining(['Wat wordt er van de leerlingenbegeleiding verwacht?', '1) Zelfopvatting leerlingenbegeleiding', 'Doelpubliek']));
    expect(docx.settingsXml).toContain('w:updateFields');
  });

  it('attributes quotes by participant attributes, by source (timestamp or paragraph), or not at all; counts and definitions when asked', async () => {
    const withAttrs = { ...OPTIONS, attribution: { attrs: ['schooltype', 'Kritische case'] }, quotationMarks: true, includeCounts: true } satisfies ReportOptions;
    let paragraphs = readDocx(await writeDocx(report(withAttrs), withAttrs)).paragraphs;
    expect(paragraphs.find((p) => p.text.startsWith('“Mocht ik starten'))!.text).toMatch(/doen\.” \(K\.L\., ASO, ja\)$/);
    expect(paragraphs.find((p) => p.text.startsWith('“Meer in plannetje'))!.text).toMatch(/uitwerken\.” \(observatie-intervisie\)$/);
    const counts = paragraphs.filter((p) => p.style === 'ReportNote').map((p) => p.text);
    // "Spanningsvelden" counts its sub-themes' four quotes from three interviews.
    expect(counts).toContain('4 citaten uit 3 interviews');
    expect(counts[0]).toBe('2 citaten uit 2 interviews');

    const bySource = { ...OPTIONS, attribution: 'source', language: 'en' } satisfies ReportOptions;
    paragraphs = readDocx(await writeDocx(report(bySource), bySource)).paragraphs;
    expect(paragraphs.find((p) => p.text.startsWith('Mocht ik'))!.text).toMatch(/ \(interview-kl, 12:34\)$/);
    expect(paragraphs.find((p) => p.text.startsWith('Bijvoorbeeld mijn collega'))!.text).toMatch(/ \(interview-bv, paragraph 13\)$/);

    const none = { ...OPTIONS, attribution: 'none' } satisfies ReportOptions;
    paragraphs = readDocx(await writeDocx(report(none), none)).paragraphs;
    const quoteTexts = paragraphs.filter((p) => p.style === 'Quote').map((p) => p.text);
    expect(quoteTexts).toEqual(EXPECTED.filter((e) => e.kind === 'quote').map((e) => e.text));
  });

  it('renders with LibreOffice into pages that read like the appendix (kept in test-results/report)', async () => {
    const options = { ...OPTIONS, toc: true };
    const dir = tempDir();
    const file = join(dir, 'theme-report.docx');
    writeFileSync(file, await writeDocx(report(options), options));
    mkdirSync(REPORT_ARTIFACTS, { recursive: true });
    copyFileSync(file, join(REPORT_ARTIFACTS, 'theme-report.docx'));
    const { text, pages } = renderPages(file, 'theme-report');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const flat = text.replace(/\s+/g, ' ');
    for (const heading of EXPECTED.filter((e) => e.kind === 'heading')) expect(flat).toContain(heading.text);
    expect(flat).toContain('--> Het uitschrijven van het schoolbeleid');
    expect(flat).toContain('1 of 2 dagen <per jaar> & *niet* meer… (…)');
  }, 120_000);
});

describe('theme report: HTML', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained file whose headings, quotes, findings and implications a browser reads back in order', async () => {
    const options = { ...OPTIONS, toc: true };
    const html = writeHtml(report(options), options);
    mkdirSync(REPORT_ARTIFACTS, { recursive: true });
    writeFileSync(join(REPORT_ARTIFACTS, 'theme-report.html'), html);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//);
    expect(html).toContain('@media print');

    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(html);
    const read = await page.evaluate(() => {
      const out: Array<{ kind: string; level?: number; text: string }> = [];
      for (const el of document.querySelectorAll('main h2, main h3, main h4, main h5, main h6, main blockquote.quote p, main ul.findings li, main p.implication, main > p')) {
        const tag = el.tagName.toLowerCase();
        if (/^h\d$/.test(tag)) out.push({ kind: 'heading', level: Number(tag[1]) - 1, text: (el as HTMLElement).innerText });
        else if (el.closest('blockquote')) out.push({ kind: 'quote', text: (el as HTMLElement).innerText });
        else if (tag === 'li') out.push({ kind: 'finding', text: (el as HTMLElement).innerText });
        else if (el.classList.contains('implication')) out.push({ kind: 'implication', text: (el as HTMLElement).innerText });
        else out.push({ kind: 'paragraph', text: (el as HTMLElement).innerText });
      }
      const italic = getComputedStyle(document.querySelector('blockquote.quote')!).fontStyle;
      return { out, title: document.title, toc: [...document.querySelectorAll('nav.toc a')].map((a) => a.textContent), italic, lang: document.documentElement.lang };
    });
    expect(read.out).toEqual(asRead(EXPECTED));
    expect(read.title).toBe('Overzicht thema’s interviews');
    expect(read.toc).toContain('2) Personeelsbeleid');
    expect(read.italic).toBe('italic');
    expect(read.lang).toBe('nl');
    expect(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
    await page.pdf({ path: join(REPORT_ARTIFACTS, 'theme-report-html.pdf'), format: 'A4' });
    await page.close();
  });
});

/** Reads CommonMark blocks the way a renderer would for what the writer emits (headings, quotes, lists, paragraphs). */
function readMarkdown(md: string): Expected[] {
  const unescape = (text: string) => text.replace(/\\([\\`*_[\]<>|#+\-.)!])/g, '$1');
  const out: Expected[] = [];
  for (const block of md.trimEnd().split(/\n{2,}/)) {
    const lines = block.split('\n');
    const heading = /^(#{1,6}) (.*)$/.exec(block);
    if (heading) {
      if (heading[1]!.length > 1) out.push({ kind: 'heading', level: heading[1]!.length - 1, text: unescape(heading[2]!) });
    } else if (lines.every((l) => l.startsWith('> '))) {
      out.push({ kind: 'quote', text: unescape(lines.map((l) => l.slice(2).replace(/ {2}$/, '')).join('\n')) });
    } else if (lines.every((l) => l.startsWith('- '))) {
      for (const l of lines) out.push({ kind: 'finding', text: unescape(l.slice(2)) });
    } else if (block.startsWith('--> ')) out.push({ kind: 'implication', text: `--> ${unescape(block.slice(4))}` });
    else out.push({ kind: 'paragraph', text: unescape(block.replace(/\*\*|(?<!\\)\*/g, '')) });
  }
  return out;
}

describe('theme report: Markdown', () => {
  it('reads back with every heading, quote, finding and implication in order, quotes verbatim after unescaping', () => {
    const md = writeMarkdown(report(), OPTIONS);
    mkdirSync(REPORT_ARTIFACTS, { recursive: true });
    writeFileSync(join(REPORT_ARTIFACTS, 'theme-report.md'), md);
    const blocks = readMarkdown(md);
    // The title block (title, subtitle, byline) comes first; then the body.
    expect(md.startsWith('# Overzicht thema’s interviews\n\n*Citaten leerlingbegeleiders')).toBe(true);
    expect(blocks.slice(2)).toEqual(asRead(EXPECTED));
    // Markup characters in a quote are escaped, not interpreted.
    expect(md).toContain('1 of 2 dagen \\<per jaar\\> & \\*niet\\* meer… (…)');
    expect(md).toContain('> \\# Bij ons geven ze ook trainingen');
    expect(md).toContain('**spanningen**');
    expect(md).toContain('*decreet LLB*');
  });
});
