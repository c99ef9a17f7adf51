import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/main/core/reports/docx.ts';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../src/shared/report-document.ts';
import { reportFromOutline } from '../../src/shared/report-from-outline.ts';
import { tempDir } from '../support/temp.ts';
import { appendixOutline } from './appendix.ts';
import { renderPages } from './libreoffice.ts';

/** Long enough to wrap on an A4 page: the case in which an exact line height prints lines over each other. */
const LONG = 'Citaten leerlingbegeleiders over professionaliseringsnoden, leervragen en de spanningsvelden van leerlingenbegeleiding in het secundair onderwijs';

const OPTIONS: ReportOptions = {
  ...DEFAULT_REPORT_OPTIONS,
  titleLines: [
    { kind: 'title', text: `Overzicht thema’s interviews: ${LONG}` },
    { kind: 'subtitle', text: LONG },
    { kind: 'author', text: 'Onderzoek LLB' },
    { kind: 'date', text: 'maart 2021' },
  ],
};

function report() {
  const outline = appendixOutline();
  // Every heading wraps too.
  outline.sections = outline.sections.map((section) => ({ ...section, title: `${section.title} — ${LONG}` }));
  return reportFromOutline(outline, { concepts: [], labels: [] }, 'LLB', OPTIONS);
}

interface Line {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** The PDF's text lines with their boxes, as poppler lays them out. */
function pdfLines(pdf: string): Line[] {
  const result = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  const lines: Line[] = [];
  let page = 0;
  for (const chunk of result.stdout.split(/<page /).slice(1)) {
    page++;
    for (const match of chunk.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const text = [...match[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ');
      lines.push({ page, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), text });
    }
  }
  return lines;
}

describe('the .docx is clean for Word and LibreOffice', () => {
  it('names the rule of every line spacing, and keeps headings and the title with the next paragraph', async () => {
    const files = unzipSync(await writeDocx(report(), OPTIONS));
    for (const name of ['word/styles.xml', 'word/document.xml']) {
      const xml = strFromU8(files[name]!);
      const spacings = [...xml.matchAll(/<w:spacing [^>]*\/>/g)].map((m) => m[0]).filter((s) => s.includes('w:line='));
      if (name === 'word/styles.xml') expect(spacings.length).toBeGreaterThanOrEqual(11);
      expect(spacings.filter((s) => !s.includes('w:lineRule='))).toEqual([]);
    }
    const styles = strFromU8(files['word/styles.xml']!);
    for (const id of ['Title', ...Array.from({ length: 9 }, (_, i) => `Heading${i + 1}`)]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0];
      expect(style, id).toBeDefined();
      expect(style, id).toContain('<w:keepNext');
    }
  });

  it('prints no two lines of a page on top of each other in LibreOffice', async () => {
    const dir = tempDir();
    const docx = join(dir, 'clean-lines.docx');
    writeFileSync(docx, await writeDocx(report(), OPTIONS));
    const { pdf } = renderPages(docx, 'clean-lines');
    const lines = pdfLines(pdf);
    expect(lines.length).toBeGreaterThan(40);
    const overlaps: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i]!;
        const b = lines[j]!;
        if (a.page !== b.page) continue;
        const sideBySide = a.xMax <= b.xMin || b.xMax <= a.xMin;
        // A tolerance of a point: glyph boxes of adjacent lines touch at descenders.
        const vertical = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (!sideBySide && vertical > 1) overlaps.push(`page ${a.page}: "${a.text}" / "${b.text}" (${vertical.toFixed(1)}pt)`);
      }
    }
    expect(overlaps).toEqual([]);
  });
});
