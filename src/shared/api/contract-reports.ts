/**
 * Exports: the theme report, codebook, coded segments and matrix as files.
 */
import { z } from 'zod';
import { ITEM_NUMBERINGS, NUMBERINGS, QUOTE_STYLES, TITLE_LINE_KINDS, type ReportSettings } from '../analysis.ts';
import { EXPORT_FORMATS, EXPORT_REPORTS, type ExportResult } from '../exports.ts';
import { REPORT_LANGUAGES, VERBATIM_NOTES } from '../report-document.ts';
import type { ReportsHandlerName } from './names-reports.ts';
import { def, speakerScope, type Def } from './def.ts';

const titleLines = z.array(z.object({ kind: z.enum(TITLE_LINE_KINDS), text: z.string().max(1000) }).strict()).max(50);
export const numbering = z.enum(NUMBERINGS);
export const itemNumbering = z.enum(ITEM_NUMBERINGS);

const exportOptions = z
  .object({
    attribution: z
      .union([z.enum(['none', 'participant', 'source', 'full']), z.object({ attrs: z.array(z.string().trim().min(1)).min(1) }).strict()])
      .optional(),
    quotationMarks: z.boolean().optional(),
    includeDefinitions: z.boolean().optional(),
    includeCounts: z.boolean().optional(),
    language: z.enum(REPORT_LANGUAGES).optional(),
    toc: z.boolean().optional(),
    quoteStyle: z.enum(QUOTE_STYLES).optional(),
    /** The verbatim text of edited quotes beside them: as Word comments or footnotes (.html, .md: notes at the end). */
    verbatimNotes: z.enum(VERBATIM_NOTES).optional(),
    /**
     * Lines that replace the stored title block's lines of their kinds for this export (the CLI's
     * --title, --subtitle, --authors, in the order given); a blank line removes its kind.
     */
    titleLines: titleLines.optional(),
    matrix: z
      .object({
        rows: z.enum(['concepts', 'labels']).optional(),
        by: z.enum(['participant', 'document']).optional(),
        groupBy: z.string().min(1).nullable().optional(),
      })
      .strict()
      .optional(),
    /** Whose speech the report counts and quotes: participants' only (the default) or everyone's. */
    speakers: speakerScope.optional(),
  })
  .strict();

export const reportsContract = {
  /** The report as HTML for the export dialog: the document itself, or the first rows of a table. */
  'export/preview': def<{ html: string }>()(z.object({ report: z.enum(EXPORT_REPORTS), options: exportOptions.optional() }).strict()),
  /**
   * Writes a report to `out` (atomically: complete or not at all) or, without `out`, returns it as
   * base64 for the browser to download. A format the report has not is a usage error.
   */
  'export/file': def<ExportResult>()(
    z
      .object({ report: z.enum(EXPORT_REPORTS), format: z.enum(EXPORT_FORMATS), options: exportOptions.optional(), out: z.string().min(1).optional() })
      .strict(),
  ),
  /** The report's layout as the project keeps it (the title block, quote style, attribution, numbering per level). */
  'report/settings': def<ReportSettings>()(z.object({}).strict()),
  /** Changes the fields given; `titleLines` replaces the whole title block (none: derived from the project). One undo step. */
  'report/updateSettings': def<ReportSettings>()(
    z
      .object({
        titleLines: titleLines.optional(),
        quoteStyle: z.enum(QUOTE_STYLES).optional(),
        quotationMarks: z.boolean().optional(),
        attribution: z.string().trim().min(1).max(500).optional(),
        levelNumbering: z.array(numbering.nullable()).max(9).optional(),
      })
      .strict(),
  ),
} as const satisfies Record<ReportsHandlerName, Def<z.ZodType, unknown>>;
