/** Coded segments as a table: one row per segment and label, with where it comes from and who coded it. */
import type { AttributeDefinition, AttributeValue, Memo, Participant } from '../../../shared/model.ts';
import type { ReportLanguage } from '../../../shared/report-document.ts';
import { formatTimecode } from '../../../shared/text/timecode.ts';
import type { CodingRow } from './store.ts';
import type { Cell, Column, Table } from './table.ts';

const TEXTS = {
  nl: {
    sheet: 'Gecodeerde segmenten',
    before: ['Document', 'Deelnemer'],
    page: 'Pagina',
    after: ['Begin', 'Einde', 'Beurt', 'Tijd', 'Spreker', 'Spreker-deelnemer', 'Label', 'Tekst', 'Codeur', 'Gecodeerd op', 'Segment door', 'Segment op', 'Memo'],
    yes: 'ja',
    no: 'nee',
  },
  en: {
    sheet: 'Coded segments',
    before: ['Document', 'Participant'],
    page: 'Page',
    after: ['Start', 'End', 'Turn', 'Time', 'Speaker', 'Speaker participant', 'Label', 'Text', 'Coder', 'Coded at', 'Segment by', 'Segment at', 'Memo'],
    yes: 'yes',
    no: 'no',
  },
} as const;

function attributeCell(value: AttributeValue | undefined, language: ReportLanguage): Cell {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? TEXTS[language].yes : TEXTS[language].no;
  return value;
}

/** Memos of segments, joined per segment (oldest first), as plain text. */
export function memoTexts(memos: Memo[]): Map<string, string> {
  const bySegment = new Map<string, Memo[]>();
  for (const memo of memos) {
    if (memo.target.kind !== 'segment' || !memo.target.id) continue;
    bySegment.set(memo.target.id, [...(bySegment.get(memo.target.id) ?? []), memo]);
  }
  return new Map(
    [...bySegment].map(([id, list]) => [
      id,
      list
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((m) => (m.title ? `${m.title}: ${m.bodyText}` : m.bodyText))
        .join('\n\n'),
    ]),
  );
}

/** "2", or "1–2" for a passage across a page break, as the quote cards cite it. */
function pagesCell(row: CodingRow): Cell {
  if (row.page === null) return null;
  return row.endPage === null || row.endPage === row.page ? row.page : `${row.page}–${row.endPage}`;
}

export function segmentsTable(
  rows: Array<CodingRow & { speakerParticipantId?: string | null }>,
  people: { participants: Participant[]; attributes: AttributeDefinition[] },
  memos: Map<string, string>,
  language: ReportLanguage,
): Table {
  const texts = TEXTS[language];
  const byId = new Map(people.participants.map((p) => [p.id, p]));
  const attributeNames = people.attributes.map((a) => a.name);
  // A page column only where a PDF's passages are coded: every other export keeps its columns.
  const paged = rows.some((row) => row.page !== null);
  const after: string[] = [...texts.after];
  // Right after the time (the fourth of `after`), as in each row below.
  if (paged) after.splice(4, 0, texts.page);
  const headers = [...texts.before, ...attributeNames, ...after];
  const widths: Record<string, number> = { Tekst: 70, Text: 70, Memo: 40, Document: 24, Label: 24 };
  const columns: Column[] = headers.map((header) => ({ header, width: widths[header] ?? Math.max(header.length + 2, 10), wrap: widths[header] !== undefined && widths[header] >= 40 }));
  return {
    name: texts.sheet,
    columns,
    rows: rows.map((row) => {
      const participant = row.participantId ? byId.get(row.participantId) : undefined;
      return [
        row.documentName,
        participant?.name ?? null,
        ...attributeNames.map((name) => attributeCell(participant?.attributes[name], language)),
        row.start,
        row.end,
        row.turnPosition === null ? null : row.turnPosition + 1,
        row.startMs === null ? null : formatTimecode(row.startMs),
        ...(paged ? [pagesCell(row)] : []),
        row.speaker,
        row.speakerParticipantId ? (byId.get(row.speakerParticipantId)?.name ?? null) : null,
        row.labelName,
        row.text,
        row.coder,
        row.codedAt,
        row.segmentCreatedBy,
        row.segmentCreatedAt,
        memos.get(row.segmentId) ?? null,
      ];
    }),
  };
}
