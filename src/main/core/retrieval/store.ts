import type { Db } from '../db/database.ts';
import { SEQ_OF_ID } from '../documents/store.ts';

/** A segment carrying the label asked for, with its document, before any context is added. */
export interface SegmentOfLabel {
  id: string;
  documentId: string;
  documentName: string;
  participantId: string | null;
  start: number;
  end: number;
  text: string;
  coders: string[];
}

/**
 * The segments of a label, by document name, then position. `coder` keeps those that coder gave the
 * label; `sectionId` those overlapping a span marked as that guide section.
 */
export function segmentsOfLabel(db: Db, labelId: string, filters: { coder: string | null; documentId: string | null; sectionId: string | null }): SegmentOfLabel[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.document_id AS documentId, d.name AS documentName, d.participant_id AS participantId, s.start, s.end, s.text,
              (SELECT json_group_array(name) FROM (SELECT DISTINCT COALESCE(k.name, x.coder) AS name FROM codings x LEFT JOIN coders k ON k.id = x.coder
                 WHERE x.segment_id = s.id AND x.label_id = @labelId ORDER BY name)) AS codersJson
       FROM segments s JOIN documents d ON d.id = s.document_id
       WHERE EXISTS (SELECT 1 FROM codings c WHERE c.segment_id = s.id AND c.label_id = @labelId AND (@coder IS NULL OR c.coder = @coder))
         AND (@documentId IS NULL OR s.document_id = @documentId)
         AND (@sectionId IS NULL OR EXISTS (
               SELECT 1 FROM guide_spans g WHERE g.document_id = s.document_id AND g.section_id = @sectionId AND g.start < s.end AND s.start < g.end))
       ORDER BY d.name COLLATE NOCASE, d.imported_at, s.document_id, s.start, s.end`,
    )
    .all({ labelId, ...filters }) as Array<Omit<SegmentOfLabel, 'coders'> & { codersJson: string }>;
  return rows.map(({ codersJson, ...row }) => ({ ...row, coders: JSON.parse(codersJson) as string[] }));
}

/** The other labels on the segments of `labelId` (any coder), in codebook order. */
export function otherLabelsOnSegmentsOf(db: Db, labelId: string): Array<{ segmentId: string; id: string; name: string; colour: string }> {
  return db
    .prepare(
      `SELECT DISTINCT c.segment_id AS segmentId, l.id, l.name, l.colour, l.position
       FROM codings c JOIN labels l ON l.id = c.label_id
       WHERE c.label_id <> @labelId AND c.segment_id IN (SELECT segment_id FROM codings WHERE label_id = @labelId)
       ORDER BY l.position, l.name COLLATE NOCASE`,
    )
    .all({ labelId }) as Array<{ segmentId: string; id: string; name: string; colour: string }>;
}


export interface TurnSpan {
  position: number;
  speaker: string | null;
  start: number;
  end: number;
  startMs: number | null;
}

export function turnSpans(db: Db, documentId: string): TurnSpan[] {
  return db
    .prepare(`SELECT position, speaker, start, end, time_start_ms AS startMs FROM turns WHERE document_seq = ${SEQ_OF_ID} ORDER BY start`)
    .all(documentId) as TurnSpan[];
}

/** The guide spans of a document with their section's title and place in the guide. */
export function guideSpansWithSections(db: Db, documentId: string): Array<{ start: number; end: number; title: string; position: number }> {
  return db
    .prepare(
      `SELECT g.start, g.end, s.title, s.position FROM guide_spans g JOIN guide_sections s ON s.id = g.section_id
       WHERE g.document_id = ? ORDER BY s.position`,
    )
    .all(documentId) as Array<{ start: number; end: number; title: string; position: number }>;
}

/** Everyone who has coded anything. */
/** The coders who coded (their key and display name), by name. */
export function codersWithCodings(db: Db): Array<{ id: string; name: string }> {
  return db
    .prepare('SELECT DISTINCT c.coder AS id, COALESCE(k.name, c.coder) AS name FROM codings c LEFT JOIN coders k ON k.id = c.coder ORDER BY name COLLATE NOCASE, id')
    .all() as Array<{ id: string; name: string }>;
}

/**
 * Every document with the length of its text in UTF-16 units. The canonical text is the turns
 * joined by blank lines, so the last turn's end is that length (SQLite's length() counts code
 * points, which an emoji would throw off); a text of its own is measured here.
 */
export function documentLengths(db: Db): Array<{ documentId: string; totalChars: number }> {
  return db
    .prepare(
      `SELECT d.id AS documentId,
              (SELECT t.end FROM turns t WHERE t.document_seq = d.seq ORDER BY t.position DESC LIMIT 1) AS lastEnd, d.own_text AS own
       FROM documents d ORDER BY d.name COLLATE NOCASE, d.imported_at`,
    )
    .all()
    .map((row) => {
      const { documentId, lastEnd, own } = row as { documentId: string; lastEnd: number | null; own: string | null };
      return { documentId, totalChars: own !== null ? own.length : (lastEnd ?? 0) };
    });
}

/** Label ids in codebook order. */
export function labelIdsInOrder(db: Db): string[] {
  return db.prepare('SELECT id FROM labels ORDER BY position, name COLLATE NOCASE').pluck().all() as string[];
}

/** Participants' names by id. */
export function participantNames(db: Db): Map<string, string> {
  return new Map(db.prepare('SELECT id, name FROM participants').raw().all() as Array<[string, string]>);
}
