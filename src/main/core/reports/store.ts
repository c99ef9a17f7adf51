import type { Db } from '../db/database.ts';

/** One coding with its segment, label and document: a row of the coded-segments export. */
export interface CodingRow {
  segmentId: string;
  documentId: string;
  documentName: string;
  participantId: string | null;
  start: number;
  end: number;
  text: string;
  segmentCreatedBy: string;
  segmentCreatedAt: string;
  labelId: string;
  labelName: string;
  coder: string;
  codedAt: string;
  /** The turn the segment starts in. */
  turnPosition: number | null;
  startMs: number | null;
  speaker: string | null;
  /** A PDF's pages the segment starts and ends on (null for every other document). */
  page: number | null;
  endPage: number | null;
}

/**
 * Every coding, by document name, position in the document, then label (codebook order) and coder.
 * Read in one statement so that the export is one consistent snapshot.
 */
export function codingRows(db: Db): CodingRow[] {
  return db
    .prepare(
      `SELECT s.id AS segmentId, s.document_id AS documentId, d.name AS documentName, d.participant_id AS participantId,
              s.start, s.end, s.text, s.created_by AS segmentCreatedBy, s.created_at AS segmentCreatedAt,
              l.id AS labelId, l.name AS labelName, COALESCE(k.name, c.coder) AS coder, c.created_at AS codedAt,
              t.position AS turnPosition, t.time_start_ms AS startMs, t.speaker, t.page,
              CASE WHEN t.page IS NULL THEN NULL
                   ELSE (SELECT e.page FROM turns e WHERE e.document_seq = d.seq AND e.start < s.end AND s.end <= e.end) END AS endPage
       FROM codings c
       JOIN segments s ON s.id = c.segment_id
       JOIN labels l ON l.id = c.label_id
       JOIN documents d ON d.id = s.document_id
       LEFT JOIN coders k ON k.id = c.coder
       LEFT JOIN turns t ON t.document_seq = d.seq AND t.start <= s.start AND s.start < t.end
       ORDER BY d.name COLLATE NOCASE, d.imported_at, s.document_id, s.start, s.end, l.position, l.name COLLATE NOCASE, coder`,
    )
    .all() as CodingRow[];
}
