import type { Numbering, QuoteStyle, ReportSettings, TitleLine } from '../../../shared/analysis.ts';
import { newId } from '../clock.ts';
import type { Db } from '../db/database.ts';

/** The report's layout (migration 0015): the title block's lines and one row of settings. */

const DEFAULTS = { quoteStyle: 'quote' as QuoteStyle, quotationMarks: false, attribution: 'participant', levelNumbering: [] as Array<Numbering | null> };

export function readReportSettings(db: Db): ReportSettings {
  const titleLines = db.prepare('SELECT kind, text FROM report_title_lines ORDER BY position, rowid').all() as TitleLine[];
  const row = db.prepare("SELECT quote_style AS quoteStyle, quotation_marks AS quotationMarks, attribution, level_numbering AS levelNumbering FROM report_settings WHERE id = 'report'").get() as
    | { quoteStyle: QuoteStyle; quotationMarks: number; attribution: string; levelNumbering: string }
    | undefined;
  if (!row) return { titleLines, ...DEFAULTS };
  return { titleLines, quoteStyle: row.quoteStyle, quotationMarks: row.quotationMarks === 1, attribution: row.attribution, levelNumbering: JSON.parse(row.levelNumbering) as Array<Numbering | null> };
}

/** Replaces the title block's lines; lines that stay the same in the same place are not rewritten (nor recorded). */
export function writeTitleLines(db: Db, lines: TitleLine[]): void {
  const present = db.prepare('SELECT id, kind, text FROM report_title_lines ORDER BY position, rowid').all() as Array<TitleLine & { id: string }>;
  const same = present.length === lines.length && present.every((line, i) => line.kind === lines[i]!.kind && line.text === lines[i]!.text);
  if (same) return;
  db.prepare('DELETE FROM report_title_lines').run();
  const insert = db.prepare('INSERT INTO report_title_lines (id, position, kind, text) VALUES (?, ?, ?, ?)');
  lines.forEach((line, position) => insert.run(newId(), position, line.kind, line.text));
}

export function writeSettings(db: Db, settings: Omit<ReportSettings, 'titleLines'>): void {
  db.prepare(
    `INSERT INTO report_settings (id, quote_style, quotation_marks, attribution, level_numbering) VALUES ('report', @quoteStyle, @quotationMarks, @attribution, @levelNumbering)
     ON CONFLICT (id) DO UPDATE SET quote_style = excluded.quote_style, quotation_marks = excluded.quotation_marks, attribution = excluded.attribution,
       level_numbering = excluded.level_numbering
     WHERE NOT (quote_style = excluded.quote_style AND quotation_marks = excluded.quotation_marks AND attribution = excluded.attribution
       AND level_numbering = excluded.level_numbering)`,
  ).run({ quoteStyle: settings.quoteStyle, quotationMarks: settings.quotationMarks ? 1 : 0, attribution: settings.attribution, levelNumbering: JSON.stringify(settings.levelNumbering) });
}
