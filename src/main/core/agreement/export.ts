import { basename, extname } from 'node:path';
import type { AgreementFigures, AgreementQuery, AgreementResult } from '../../../shared/agreement.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { ExportResult } from '../../../shared/exports.ts';
import type { Cell, Table } from '../reports/table.ts';
import type { Project } from '../project.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { recordExport } from '../audit/record.ts';
import { computeAgreement } from './compute.ts';

/** The agreement report (issue 26 §3): the table per label and overall, with unit, coders, documents and date. */

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const WORDS = {
  nl: {
    title: 'Overeenstemming tussen codeurs',
    sheet: 'Overeenstemming',
    about: 'Over',
    label: 'Label',
    overall: 'Alle labels samen',
    percent: 'Overeenstemming (%)',
    kappa: 'Cohens κ',
    alpha: 'Krippendorffs α',
    ualpha: 'Krippendorffs uα',
    units: 'Eenheden',
    characters: 'Tekens',
    differences: 'Verschillen',
    after: 'na consensus',
    unit: 'Eenheid',
    units_: { turn: 'beurt', sentence: 'zin', character: 'teken (uα over de tekst als continuüm)' },
    speakers: 'Spraak',
    speakers_: { participants: 'alleen van deelnemers', all: 'van iedereen' },
    coders: 'Codeurs',
    documents: 'Documenten',
    date: 'Datum',
    settled: 'Beslecht in de consensusronde',
    notes: 'Opmerkingen',
    file: 'overeenstemming',
  },
  en: {
    title: 'Agreement between coders',
    sheet: 'Agreement',
    about: 'About',
    label: 'Label',
    overall: 'All labels together',
    percent: 'Agreement (%)',
    kappa: "Cohen's κ",
    alpha: "Krippendorff's α",
    ualpha: "Krippendorff's uα",
    units: 'Units',
    characters: 'Characters',
    differences: 'Differences',
    after: 'after consensus',
    unit: 'Unit',
    units_: { turn: 'turn', sentence: 'sentence', character: 'character (uα over the text as a continuum)' },
    speakers: 'Speech',
    speakers_: { participants: "participants' only", all: "everyone's" },
    coders: 'Coders',
    documents: 'Documents',
    date: 'Date',
    settled: 'Settled in the consensus round',
    notes: 'Notes',
    file: 'agreement',
  },
};

type Words = (typeof WORDS)['nl'];

const round = (value: number | null, digits = 3): Cell => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
const percent = (value: number | null): Cell => (value === null ? null : Math.round(value * 1000) / 10);

function header(result: AgreementResult, w: Words): Array<[string, string]> {
  return [
    [w.unit, w.units_[result.unit]],
    [w.speakers, w.speakers_[result.speakers]],
    [w.coders, result.coders.map((c) => c.name).join(', ')],
    [w.documents, `${result.documents.length}: ${result.documents.map((d) => d.name).join(', ')}`],
    [w.date, result.computedAt.slice(0, 10)],
    [w.settled, String(result.settled)],
  ];
}

function columns(result: AgreementResult, w: Words): string[] {
  const alpha = result.unit === 'character' ? w.ualpha : w.alpha;
  const cols = [w.label, w.percent, w.kappa, alpha, result.unit === 'character' ? w.characters : w.units, w.differences];
  if (result.settled > 0) cols.push(`${w.percent} ${w.after}`, `${w.kappa} ${w.after}`, `${alpha} ${w.after}`);
  return cols;
}

function rows(result: AgreementResult, w: Words): Cell[][] {
  const line = (name: string, f: AgreementFigures, after?: Pick<AgreementFigures, 'percent' | 'kappa' | 'alpha'>): Cell[] => {
    const cells: Cell[] = [name, percent(f.percent), round(f.kappa), round(f.alpha), f.units, f.differences];
    if (result.settled > 0 && after) cells.push(percent(after.percent), round(after.kappa), round(after.alpha));
    return cells;
  };
  const afterOf = new Map(result.after.labels.map((l) => [l.labelId, l]));
  return [...result.labels.map((l) => line(l.label, l, afterOf.get(l.labelId))), line(w.overall, result.overall, result.after.overall)];
}

function tables(result: AgreementResult, w: Words): Table[] {
  return [
    { name: w.sheet, columns: columns(result, w).map((header, i) => ({ header, width: i === 0 ? 32 : 16 })), rows: rows(result, w) },
    { name: w.about, columns: [{ header: w.title, width: 28 }, { header: '', width: 90, wrap: true }], rows: [...header(result, w), ...result.notes.map((n) => [w.notes, n] as [string, string])] },
  ];
}

async function docx(result: AgreementResult, w: Words, projectTitle: string): Promise<Uint8Array> {
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const cell = (text: Cell, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: text === null ? '–' : String(text), bold })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns(result, w).map((c) => cell(c, true)) }),
      ...rows(result, w).map((r, i, all) => new TableRow({ children: r.map((c) => cell(c, i === all.length - 1)) })),
    ],
  });
  const document = new Document({
    title: w.title,
    creator: 'Duiding',
    description: 'Duiding',
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(projectTitle)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(w.title)] }),
          ...header(result, w).map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] })),
          table,
          ...result.notes.map((n) => new Paragraph({ children: [new TextRun({ text: n, italics: true })] })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

export interface AgreementExportArgs extends AgreementQuery {
  format: 'xlsx' | 'docx';
  language?: 'nl' | 'en';
  out?: string;
}

/** The agreement report as .xlsx or .docx: written to `out`, or returned as base64 for a browser. */
export async function exportAgreement(project: Project, args: AgreementExportArgs): Promise<ExportResult> {
  if (args.out !== undefined && extname(args.out).toLowerCase() !== `.${args.format}`) {
    throw new DuidingError(`${basename(args.out)} does not end in .${args.format}; give a file name like ${basename(args.out, extname(args.out))}.${args.format}.`, 'usage');
  }
  const w = WORDS[args.language ?? 'nl'];
  const result = computeAgreement(project.db, args);
  const title = project.meta().title;
  const bytes = args.format === 'docx' ? await docx(result, w, title) : await (await import('../reports/xlsx.ts')).writeXlsx(tables(result, w), { title, creator: 'Duiding' });
  const mimeType = MIME[args.format];
  recordExport(project, { action: 'agreement/export', what: 'agreement', format: args.format, out: args.out });
  if (args.out !== undefined) {
    writeFileAtomic(args.out, bytes);
    return { fileName: basename(args.out), mimeType, bytes: bytes.length, path: args.out };
  }
  const fileName = `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'duiding'} - ${w.file}.${args.format}`;
  return { fileName, mimeType, bytes: bytes.length, base64: Buffer.from(bytes).toString('base64') };
}
