import type { Quote } from '../../../shared/analysis.ts';
import type { Db } from '../db/database.ts';

/** A quote as it leaves SQL: the participant as id and name (attributes are added by the caller), label ids as JSON. */
export interface QuoteRow extends Omit<Quote, 'participant' | 'labelIds' | 'speakerRole' | 'page' | 'lastPage' | 'citation'> {
  page: number | null;
  lastPage: number | null;
  citation: string | null;
  participantId: string | null;
  participantName: string | null;
  labelIdsJson: string;
}

/**
 * The segments with these ids, in the order given (ids passed as one JSON array, so one statement
 * serves any number); unknown ids are left out. The turn is the one the segment starts in.
 */
export function quoteRows(db: Db, segmentIds: readonly string[]): QuoteRow[] {
  if (segmentIds.length === 0) return [];
  return db
    .prepare(
      `WITH wanted (id, ord) AS (SELECT value, MIN(key) FROM json_each(?) GROUP BY value)
       SELECT s.id AS segmentId, s.document_id AS documentId, d.name AS documentName, s.start, s.end, s.text,
              d.participant_id AS participantId, p.name AS participantName,
              t.speaker, t.time_start_ms AS startMs, t.position AS turnPosition, t.page, d.citation,
              CASE WHEN t.page IS NULL THEN NULL ELSE (SELECT t3.page FROM turns t3 WHERE t3.document_seq = d.seq AND t3.start < s.end ORDER BY t3.start DESC LIMIT 1) END AS lastPage,
              (SELECT json_group_array(label_id) FROM (SELECT DISTINCT c.label_id FROM codings c WHERE c.segment_id = s.id ORDER BY c.label_id)) AS labelIdsJson
       FROM wanted w
       JOIN segments s ON s.id = w.id
       JOIN documents d ON d.id = s.document_id
       LEFT JOIN participants p ON p.id = d.participant_id
       LEFT JOIN turns t ON t.id = (SELECT t2.id FROM turns t2 WHERE t2.document_seq = d.seq AND t2.start <= s.start ORDER BY t2.start DESC LIMIT 1)
       ORDER BY w.ord`,
    )
    .all(JSON.stringify(segmentIds)) as QuoteRow[];
}

/** Which of these segment ids exist. */
export function existingSegments(db: Db, segmentIds: readonly string[]): Set<string> {
  if (segmentIds.length === 0) return new Set();
  const rows = db.prepare('SELECT s.id FROM json_each(?) j JOIN segments s ON s.id = j.value').all(JSON.stringify(segmentIds)) as Array<{ id: string }>;
  return new Set(rows.map((r) => r.id));
}
