/**
 * Exports: the theme report, codebook, coded segments and matrix as files.
 */
import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_REPORTS, type ExportResult } from '../exports.ts';
import { REPORT_LANGUAGES } from '../report-document.ts';
import type { ReportsHandlerName } from './names-reports.ts';
import { def, speakerScope, type Def } from './def.ts';

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
    titleBlock: z
      .object({
        title: z.string().max(500).optional(),
        subtitle: z.string().max(1000).optional(),
        authors: z.array(z.string().max(500)).max(50).optional(),
        date: z.string().max(100).optional(),
      })
      .strict()
      .optional(),
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
} as const satisfies Record<ReportsHandlerName, Def<z.ZodType, unknown>>;
