/**
 * The styles of an exported report, all under Word's built-in names (Title, Subtitle, Heading 1–9,
 * Quote, List Bullet, List Number), so the navigation pane, the table of contents and a researcher's
 * own template (Design > Themes, or "Update to match selection") take over without cleaning up.
 */
import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';
import { FINDING_LISTS } from '../../../shared/report-elements.ts';

const FONT = 'Calibri';
const TEXT = '222222';
const QUIET = '595959';
const ACCENT = '1F4E79';

/**
 * A line spacing in 240ths of a line, always with its rule: without `w:lineRule` LibreOffice reads
 * the value as an exact height, and a wrapped Title or Heading prints its lines on top of each other.
 * 1.15 lines also for headings: at single spacing LibreOffice's substitute for Calibri touches the
 * line above.
 */
const AUTO_LINES = (line: number) => ({ line, lineRule: LineRuleType.AUTO });

/** Half-points per heading depth 1..9 (Word's sizes are in half-points). */
const HEADING_SIZES = [32, 28, 25, 23, 22, 22, 22, 22, 22];

function heading(depth: number) {
  return {
    run: { font: FONT, size: HEADING_SIZES[depth - 1], bold: depth <= 3, italics: depth >= 4, color: ACCENT },
    paragraph: {
      outlineLevel: depth - 1,
      keepNext: true,
      keepLines: true,
      spacing: { before: depth === 1 ? 360 : 240, after: 120, ...AUTO_LINES(276) },
    },
  };
}

export const reportStyles: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 22, color: TEXT },
      paragraph: { spacing: { after: 120, ...AUTO_LINES(276) } },
    },
    title: {
      run: { font: FONT, size: 44, bold: true, color: ACCENT },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 0, after: 120, ...AUTO_LINES(276) } },
    },
    heading1: heading(1),
    heading2: heading(2),
    heading3: heading(3),
    heading4: heading(4),
    heading5: heading(5),
    heading6: heading(6),
  },
  paragraphStyles: [
    // docx only ships Heading 1–6; an outline can be deeper.
    ...[7, 8, 9].map((depth) => ({ id: `Heading${depth}`, name: `heading ${depth}`, basedOn: 'Normal', next: 'Normal', quickFormat: true, ...heading(depth) })),
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 28, color: QUIET },
      // Two subtitle lines (the appendix has them) read as one block.
      paragraph: { spacing: { after: 80 } },
    },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, color: '404040' },
      paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 140, after: 160 } },
    },
    {
      id: 'ListBullet',
      name: 'List Bullet',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { spacing: { after: 80 } },
    },
    {
      id: 'ListNumber',
      name: 'List Number',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { spacing: { after: 80 } },
    },
    {
      // The paragraph under a titled finding, in line with the finding's text (Word's own style).
      id: 'ListContinue',
      name: 'List Continue',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { indent: { left: 720 }, spacing: { after: 80 } },
    },
    {
      id: 'Implication',
      name: 'Implication',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      paragraph: { indent: { left: 0 }, spacing: { before: 60, after: 120 } },
    },
    {
      id: 'ReportAuthors',
      name: 'Report Authors',
      basedOn: 'Normal',
      next: 'Normal',
      run: { color: QUIET },
      paragraph: { spacing: { after: 40 } },
    },
    {
      id: 'ReportNote',
      name: 'Report Note',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 19, color: QUIET },
      paragraph: { spacing: { after: 120 }, keepNext: true },
    },
  ],
};

function levels(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string) {
  return Array.from({ length: 4 }, (_, level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 + level * 360, hanging: 360 } } },
  }));
}

const BULLETS = ['•', '◦', '▪', '•'];

/** One definition per list reference of report-elements.ts: the findings' numbering as the researcher chose it. */
export const reportNumbering: INumberingOptions = {
  config: [
    { reference: FINDING_LISTS.bullet, levels: levels(LevelFormat.BULLET, (level) => BULLETS[level]!) },
    { reference: 'bullets', levels: levels(LevelFormat.BULLET, (level) => BULLETS[level]!) },
    { reference: 'numbers', levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`) },
    { reference: FINDING_LISTS['1)'], levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1})`) },
    { reference: FINDING_LISTS['1.'], levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`) },
    { reference: FINDING_LISTS['A.'], levels: levels(LevelFormat.UPPER_LETTER, (level) => `%${level + 1}.`) },
    { reference: FINDING_LISTS['a.'], levels: levels(LevelFormat.LOWER_LETTER, (level) => `%${level + 1}.`) },
    { reference: FINDING_LISTS['I.'], levels: levels(LevelFormat.UPPER_ROMAN, (level) => `%${level + 1}.`) },
  ],
};
