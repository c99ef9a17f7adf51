import type { ReportSettings, TitleLine } from '../../../shared/analysis.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { parseAttribution } from '../../../shared/report-document.ts';
import type { Project } from '../project.ts';
import { readReportSettings, writeSettings, writeTitleLines } from './store-settings.ts';

/** The report's layout, kept in the project: the title block, quote style, attribution, numbering per level. */

export { readReportSettings };

/** Changes the fields given; one undo step. Blank title lines are dropped; none left means "derive from the project". */
export function updateReportSettings(project: Project, args: Partial<ReportSettings>): ReportSettings {
  const db = project.db;
  if (args.attribution !== undefined && !parseAttribution(args.attribution)) {
    throw new DuidingError(`The attribution must be none, participant, source, full or attrs:KEY,KEY (got "${args.attribution}").`, 'usage');
  }
  const before = readReportSettings(db);
  const lines: TitleLine[] | undefined = args.titleLines
    ?.map((line) => ({ kind: line.kind, text: line.text.trim().normalize('NFC') }))
    .filter((line) => line.text !== '');
  return project.write('report/updateSettings', () => {
    if (lines) writeTitleLines(db, lines);
    const { titleLines: _lines, ...rest } = { ...before, ...Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) } as ReportSettings;
    if (Object.keys(args).some((key) => key !== 'titleLines')) writeSettings(db, rest);
    return { result: readReportSettings(db), summary: lines ? 'Changed the report’s title block' : 'Changed the report’s layout' };
  });
}
