import { basename, extname } from 'node:path';
import { DuidingError } from '../../../shared/errors.ts';
import type { ExportResult } from '../../../shared/exports.ts';
import { scalesChartSvg } from '../../../shared/surveys/chart.ts';
import type { Summary } from '../../../shared/surveys/model.ts';
import type { Table } from '../reports/table.ts';
import type { Project } from '../project.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { computeCodedAnswers, computeScales } from './scales.ts';

export const SURVEY_EXPORT_FORMATS = ['xlsx', 'svg'] as const;
export type SurveyExportFormat = (typeof SURVEY_EXPORT_FORMATS)[number];

const MIME: Record<SurveyExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml',
};

const WORDS = {
  nl: {
    scales: 'Schalen', coded: 'Open antwoorden', name: 'Dimensie of vraag', kind: 'Soort', dimension: 'dimensie', numeric: 'getal', group: 'Groep', all: 'Alle',
    n: 'n', mean: 'Gemiddelde', median: 'Mediaan', sd: 'Standaardafwijking', min: 'Min', max: 'Max', items: 'Items', distribution: 'Verdeling',
    label: 'Label', segments: 'Segmenten', respondents: 'Respondenten', quotes: 'Citaten', title: (by: string) => `Schalen per ${by}`, chartN: (n: number) => `n = ${n}`, none: '(geen waarde)',
  },
  en: {
    scales: 'Scales', coded: 'Open answers', name: 'Dimension or question', kind: 'Kind', dimension: 'dimension', numeric: 'number', group: 'Group', all: 'All',
    n: 'n', mean: 'Mean', median: 'Median', sd: 'Standard deviation', min: 'Min', max: 'Max', items: 'Items', distribution: 'Distribution',
    label: 'Label', segments: 'Segments', respondents: 'Respondents', quotes: 'Quotes', title: (by: string) => `Scales by ${by}`, chartN: (n: number) => `n = ${n}`, none: '(no value)',
  },
};

export interface SurveyExportArgs {
  format: SurveyExportFormat;
  by?: string | null;
  language?: 'nl' | 'en';
  out?: string;
}

function tables(project: Project, by: string | null | undefined, w: (typeof WORDS)['nl']): Table[] {
  const scales = computeScales(project.db, by);
  const cells = (s: Summary) => [s.n, s.mean, s.median, s.sd, s.min, s.max];
  const rows = scales.items.flatMap((row) => [
    [row.name, row.kind === 'dimension' ? w.dimension : w.numeric, w.all, ...cells(row), row.items.join('; '), row.distribution ? JSON.stringify(row.distribution) : null],
    ...scales.groupValues.map((value) => {
      const g = row.groups[value]!;
      return [row.name, row.kind === 'dimension' ? w.dimension : w.numeric, value, ...cells(g), row.items.join('; '), g.distribution ? JSON.stringify(g.distribution) : null];
    }),
  ]);
  const coded = computeCodedAnswers(project.db, by, 1000);
  return [
    {
      name: w.scales,
      columns: [
        { header: w.name, width: 24 },
        { header: w.kind },
        { header: scales.by ?? w.group, width: 18 },
        { header: w.n },
        { header: w.mean },
        { header: w.median },
        { header: w.sd },
        { header: w.min },
        { header: w.max },
        { header: w.items, width: 40, wrap: true },
        { header: w.distribution, width: 30 },
      ],
      rows,
    },
    {
      name: w.coded,
      columns: [{ header: scales.by ?? w.group, width: 18 }, { header: w.label, width: 28 }, { header: w.segments }, { header: w.respondents }, { header: w.quotes, width: 80, wrap: true }],
      rows: coded.groups.flatMap((g) =>
        g.labels.map((l) => [g.value ?? (coded.by ? w.none : w.all), l.name, l.segments, l.respondents, l.quotes.map((q) => `${q.participant}: “${q.text}”`).join('\n')]),
      ),
    },
  ];
}

/** The scales view's tables as .xlsx, or its chart as .svg (an image the report can take in). */
export async function exportScales(project: Project, args: SurveyExportArgs): Promise<ExportResult> {
  if (args.out !== undefined && extname(args.out).toLowerCase() !== `.${args.format}`) {
    throw new DuidingError(`${basename(args.out)} does not end in .${args.format}; give a file name like ${basename(args.out, extname(args.out))}.${args.format}.`, 'usage');
  }
  const w = WORDS[args.language ?? 'nl'];
  let bytes: Uint8Array;
  if (args.format === 'svg') {
    const scales = computeScales(project.db, args.by);
    bytes = new TextEncoder().encode(scalesChartSvg(scales, { title: scales.by ? w.title(scales.by) : w.scales, all: w.all, n: w.chartN }));
  } else {
    const { writeXlsx } = await import('../reports/xlsx.ts');
    bytes = await writeXlsx(tables(project, args.by, w), { title: project.meta().title, creator: 'Duiding' });
  }
  const mimeType = MIME[args.format];
  if (args.out !== undefined) {
    writeFileAtomic(args.out, bytes);
    return { fileName: basename(args.out), mimeType, bytes: bytes.length, path: args.out };
  }
  const fileName = `${project.meta().title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'duiding'} - ${w.scales.toLowerCase()}.${args.format}`;
  return { fileName, mimeType, bytes: bytes.length, base64: Buffer.from(bytes).toString('base64') };
}
