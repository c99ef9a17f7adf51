import type { ReportsHandlerName } from '../../../shared/api/names-reports.ts';
import type { HandlerMap } from '../handlers.ts';
import { recordExport } from '../audit/record.ts';
import { readReportSettings, updateReportSettings } from './settings.ts';

/**
 * Exports: the theme report, codebook, coded segments and matrix. The writers (docx, exceljs) load
 * on first use: every CLI call would otherwise pay for them at start-up.
 */
const exporters = () => import('./export.ts');

/** The exports a researcher reads: the theme report, codebook, coded segments and matrix, and the report's settings. */
export const reportsHandlers: HandlerMap<ReportsHandlerName> = {
  'export/preview': async (session, args) => (await exporters()).previewExport(session.project, args),
  'export/file': async (session, args) => {
    const result = await (await exporters()).exportFile(session.project, args);
    // The audit records every export once it is written (issue 24); a preview is none.
    recordExport(session.project, { action: 'export/file', what: args.report, format: args.format, out: args.out });
    return result;
  },
  'report/settings': (session) => readReportSettings(session.project.db),
  'report/updateSettings': (session, args) => updateReportSettings(session.project, args),
};
