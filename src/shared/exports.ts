/** What can be exported in which formats, and what an export returns. Pure constants and types. */
import type { MatrixColumns, MatrixRows } from './analysis.ts';
import type { SpeakerScope } from './model.ts';
import type { ReportOptions } from './report-document.ts';

export const EXPORT_REPORTS = ['themes', 'codebook', 'segments', 'matrix'] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];

export const EXPORT_FORMATS = ['docx', 'html', 'md', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats each report is written in, the first being the usual one. */
export const FORMATS_OF: Record<ExportReport, readonly ExportFormat[]> = {
  themes: ['docx', 'html', 'md'],
  codebook: ['docx', 'csv', 'xlsx', 'html', 'md'],
  segments: ['xlsx', 'csv'],
  matrix: ['xlsx', 'csv'],
};

export const MIME_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The matrix as the commonalities view shows it. */
export interface MatrixExportOptions {
  rows: MatrixRows;
  by: MatrixColumns;
  groupBy: string | null;
}

export interface ExportOptions extends Partial<ReportOptions> {
  matrix?: Partial<MatrixExportOptions>;
  /** Whose speech the report counts and quotes: participants' only (the default) or the interviewer's too. */
  speakers?: SpeakerScope;
}

export interface ExportResult {
  fileName: string;
  mimeType: string;
  /** Size of the file in bytes. */
  bytes: number;
  /** Where it was written, when a path was given. */
  path?: string;
  /** The file itself, when no path was given (the browser downloads it). */
  base64?: string;
}
