/**
 * Exports as a service: gathers what a report needs from the project, builds it, writes it in the
 * chosen format. Reads only; a file on disk is written atomically or not at all.
 */
import { checkpoint } from '../tasks.ts';
import { basename, extname } from 'node:path';
import { DuidingError } from '../../../shared/errors.ts';
import { FORMATS_OF, MIME_TYPES, type ExportFormat, type ExportOptions, type ExportReport, type ExportResult } from '../../../shared/exports.ts';
import { DEFAULT_REPORT_OPTIONS, parseAttribution, type ReportDocument, type ReportOptions } from '../../../shared/report-document.ts';
import { defaultTitleLines, mergeTitleLines } from '../../../shared/report-from-outline.ts';
import { readReportSettings } from './store-settings.ts';
import type { Project } from '../project.ts';
import { codingRows } from './store.ts';
import { listLabels } from '../codebook/label-counts.ts';
import { listMemos } from '../memos/store.ts';
import { listAttributes, listParticipants } from '../participants/store.ts';
import { segmentsOfLabel } from '../retrieval/store.ts';
import type { SpeakerScope } from '../../../shared/model.ts';
import { quotesOf } from '../rounds/quotes.ts';
import { countedKeysOf, countedSegments } from '../speakers/service.ts';
import { writeFileAtomic, type WriteFs } from '../files/atomic-write.ts';
import { listConcepts } from '../concepts/service.ts';
import { computeMatrix } from '../matrix/service.ts';
import { readOutline } from '../outline/service.ts';
import { codebookDocument, codebookTable } from './codebook.ts';
import { writeDocx } from './docx.ts';
import { writeHtml } from './html.ts';
import { tableHtml } from './html-table.ts';
import { writeMarkdown } from './markdown.ts';
import { matrixTable } from './matrix.ts';
import { memoTexts, segmentsTable } from './segments.ts';
import { writeCsv, type Table } from './table.ts';
import { defaultReport, reportFromOutline } from './theme-report.ts';
import { writeXlsx } from './xlsx.ts';

export interface ExportArgs {
  report: ExportReport;
  format: ExportFormat;
  options?: ExportOptions;
  out?: string;
}

/**
 * The options of one export: what the call gives, else what the project keeps (quote style,
 * quotation marks, attribution, numbering per level, the title block), else the defaults. The
 * call's `titleLines` replace the kept lines of their kinds only (the CLI's --title, --subtitle…).
 */
export function reportOptions(project: Project, options: ExportOptions | undefined): ReportOptions {
  const { matrix: _matrix, speakers: _speakers, titleLines: overrides, ...rest } = options ?? {};
  const kept = readReportSettings(project.db);
  const merged: ReportOptions = {
    ...DEFAULT_REPORT_OPTIONS,
    quoteStyle: kept.quoteStyle,
    quotationMarks: kept.quotationMarks,
    attribution: parseAttribution(kept.attribution) ?? DEFAULT_REPORT_OPTIONS.attribution,
    levelNumbering: kept.levelNumbering,
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
  };
  const stored = kept.titleLines.length ? kept.titleLines : defaultTitleLines(project.meta().title, merged.language);
  return { ...merged, titleLines: mergeTitleLines(stored, overrides ?? []) };
}

export function assertFormat(report: ExportReport, format: ExportFormat): void {
  if (!FORMATS_OF[report].includes(format)) {
    throw new DuidingError(`The ${report} report cannot be written as .${format}; choose one of: ${FORMATS_OF[report].join(', ')}.`, 'usage', {
      code: 'export-format',
      params: { report, format, formats: FORMATS_OF[report].join(', ') },
    });
  }
}

/** The theme report: from the outline when there is one, else the default concepts → labels → quotes. */
export function themeDocument(project: Project, options: ReportOptions, speakers: SpeakerScope = 'participants'): ReportDocument {
  const db = project.db;
  const title = project.meta().title;
  const concepts = listConcepts(db);
  const labels = listLabels(db);
  const outline = readOutline(db);
  if (outline.sections.length) return reportFromOutline(outline, { concepts, labels }, title, options);
  const none = { coder: null, documentId: null, sectionId: null };
  return defaultReport(
    {
      concepts,
      labels,
      labelQuotes: (labelId) => quotesOf(db, countedSegments(db, segmentsOfLabel(db, labelId, none).map((s) => s.id), speakers)),
      conceptQuotes: (conceptId) => quotesOf(db, countedSegments(db, concepts.find((c) => c.id === conceptId)?.segmentIds ?? [], speakers)),
    },
    title,
    options,
  );
}

function matrixOf(project: Project, options: ExportOptions | undefined, language: ReportOptions['language']): Table {
  const rows = options?.matrix?.rows ?? 'concepts';
  const by = options?.matrix?.by ?? 'participant';
  const groupBy = options?.matrix?.groupBy ?? undefined;
  if (groupBy && !listAttributes(project.db).some((a) => a.name === groupBy)) {
    const names = listAttributes(project.db).map((a) => a.name);
    throw new DuidingError(`There is no participant attribute "${groupBy}" to group by${names.length ? `; there are: ${names.join(', ')}` : ''}.`, 'usage');
  }
  return matrixTable(computeMatrix(project.db, { rows, by, groupBy, speakers: options?.speakers ?? 'participants' }), language);
}

function tableOf(project: Project, report: Exclude<ExportReport, 'themes'>, options: ExportOptions | undefined, language: ReportOptions['language']): Table {
  const db = project.db;
  if (report === 'codebook') return codebookTable(listLabels(db, options?.speakers ?? 'participants'), language);
  if (report === 'matrix') return matrixOf(project, options, language);
  const rows = codingRows(db);
  const counted = countedKeysOf(db, [...new Set(rows.map((r) => r.segmentId))], options?.speakers ?? 'participants');
  return segmentsTable(
    rows.flatMap((row) => {
      const found = counted.get(row.segmentId);
      if (found && found.keys.length === 0) return [];
      // The speaker's participant: the first participant whose speech the segment covers.
      const key = found ? (found.speech.keys[0] ?? null) : row.participantId;
      return [{ ...row, speakerParticipantId: key || null }];
    }),
    { participants: listParticipants(db), attributes: listAttributes(db) },
    memoTexts(listMemos(db, project.meta().title, { kind: 'segment' })),
    language,
  );
}

function documentOf(project: Project, report: 'themes' | 'codebook', options: ReportOptions, speakers?: SpeakerScope): ReportDocument {
  return report === 'themes' ? themeDocument(project, options, speakers) : codebookDocument(listLabels(project.db, speakers), project.meta().title, options.language);
}

/** A file name from the project title: letters, digits and dashes, accents kept. */
export function defaultFileName(projectTitle: string, report: ExportReport, format: ExportFormat): string {
  const slug = projectTitle
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${slug || 'duiding'}-${report}.${format}`;
}

/** The export as bytes. */
export async function renderExport(project: Project, args: Omit<ExportArgs, 'out'>): Promise<Uint8Array> {
  assertFormat(args.report, args.format);
  const options = reportOptions(project, args.options);
  const title = project.meta().title;
  if (args.report === 'themes' || (args.report === 'codebook' && ['docx', 'html', 'md'].includes(args.format))) {
    const document = documentOf(project, args.report as 'themes' | 'codebook', options, args.options?.speakers);
    if (args.format === 'docx') return writeDocx(document, options);
    const text = args.format === 'html' ? writeHtml(document, options) : writeMarkdown(document, options);
    return new TextEncoder().encode(text);
  }
  const table = tableOf(project, args.report as Exclude<ExportReport, 'themes'>, args.options, options.language);
  return args.format === 'csv' ? writeCsv(table) : writeXlsx([table], { title, creator: 'Duiding' });
}

/**
 * Writes the export to `out` (atomically) or returns it as base64 for a browser to download. `out`
 * must end in the format's extension, so that a file never opens in the wrong program.
 */
export async function exportFile(project: Project, args: ExportArgs, fs?: WriteFs): Promise<ExportResult> {
  assertFormat(args.report, args.format);
  if (args.out !== undefined && extname(args.out).toLowerCase() !== `.${args.format}`) {
    throw new DuidingError(`${basename(args.out)} does not end in .${args.format}; give a file name like ${basename(args.out, extname(args.out))}.${args.format}.`, 'usage');
  }
  await checkpoint();
  const bytes = await renderExport(project, args);
  const mimeType = MIME_TYPES[args.format];
  // The last moment Cancel counts: after it the file is written whole (or, interrupted, not at all).
  await checkpoint();
  if (args.out !== undefined) {
    writeFileAtomic(args.out, bytes, fs);
    return { fileName: basename(args.out), mimeType, bytes: bytes.length, path: args.out };
  }
  return {
    fileName: defaultFileName(project.meta().title, args.report, args.format),
    mimeType,
    bytes: bytes.length,
    base64: Buffer.from(bytes).toString('base64'),
  };
}

/** HTML for the export dialog's preview: the document as it will read, or the first rows of a table. */
export function previewExport(project: Project, args: { report: ExportReport; options?: ExportOptions }): { html: string } {
  const options = reportOptions(project, args.options);
  if (args.report === 'themes' || args.report === 'codebook') return { html: writeHtml(documentOf(project, args.report, options, args.options?.speakers), options) };
  return { html: tableHtml(tableOf(project, args.report, args.options, options.language), project.meta().title, options.language) };
}
