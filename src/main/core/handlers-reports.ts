import type { ReportsHandlerName } from '../../shared/api/names-reports.ts';
import type { HandlerMap } from './handlers.ts';

/**
 * Exports: the theme report, codebook, coded segments and matrix. The writers (docx, exceljs) load
 * on first use: every CLI call would otherwise pay for them at start-up.
 */
const exporters = () => import('./exporters/export.ts');

export const reportsHandlers: HandlerMap<ReportsHandlerName> = {
  'export/preview': async (session, args) => (await exporters()).previewExport(session.project, args),
  'export/file': async (session, args) => (await exporters()).exportFile(session.project, args),
};
