import type { Segment } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';

export function findSegment(db: Db, documentId: string, start: number, end: number): { id: string } | undefined {
  return db.prepare('SELECT id FROM segments WHERE document_id = ? AND start = ? AND end = ?').get(documentId, start, end) as { id: string } | undefined;
}

export function documentOfSegment(db: Db, id: string): string | undefined {
  const row = db.prepare('SELECT document_id AS documentId FROM segments WHERE id = ?').get(id) as { documentId: string } | undefined;
  return row?.documentId;
}

export function insertSegment(db: Db, segment: Omit<Segment, 'codings'>): void {
  db.prepare(
    'INSERT INTO segments (id, document_id, start, end, text, created_by, created_at) VALUES (@id, @documentId, @start, @end, @text, @createdBy, @createdAt)',
  ).run(segment);
}

/** A new span chosen by the researcher: a flag a transcript edit left on the segment is settled by it. */
export function updateSegmentSpan(db: Db, id: string, start: number, end: number, text: string): void {
  db.prepare('UPDATE segments SET start = ?, end = ?, text = ?, text_status = NULL, previous_text = NULL WHERE id = ?').run(start, end, text, id);
}

/** A transcript edit's flag, only where there is one (most segments have none). */
const FLAG_COLUMNS = 'text_status AS textStatus, previous_text AS previousText';
function withFlag<T extends { textStatus?: unknown; previousText?: unknown }>(row: T): T {
  if (row.textStatus === null) {
    delete row.textStatus;
    delete row.previousText;
  }
  return row;
}

/**
 * A segment without codings goes, unless rounds 2 and 3 still quote it: a concept, learning question,
 * tension or report item that points at a segment keeps it, so removing its last label never silently
 * takes a quote out of the analysis or the report.
 */
const UNUSED = `NOT EXISTS (SELECT 1 FROM codings c WHERE c.segment_id = segments.id)
  AND NOT EXISTS (SELECT 1 FROM concept_segments x WHERE x.segment_id = segments.id)
  AND NOT EXISTS (SELECT 1 FROM learning_question_segments x WHERE x.segment_id = segments.id)
  AND NOT EXISTS (SELECT 1 FROM learning_questions x WHERE x.source_segment_id = segments.id)
  AND NOT EXISTS (SELECT 1 FROM tension_quotes x WHERE x.segment_id = segments.id)
  AND NOT EXISTS (SELECT 1 FROM outline_items x WHERE x.segment_id = segments.id)`;

export function deleteSegmentIfUncoded(db: Db, id: string): void {
  db.prepare(`DELETE FROM segments WHERE id = ? AND ${UNUSED}`).run(id);
}

export function hasCoding(db: Db, segmentId: string, labelId: string, coder: string): boolean {
  return db.prepare('SELECT 1 FROM codings WHERE segment_id = ? AND label_id = ? AND coder = ?').get(segmentId, labelId, coder) !== undefined;
}

export function insertCoding(db: Db, coding: { id: string; segmentId: string; labelId: string; coder: string; createdAt: string }): void {
  db.prepare('INSERT INTO codings (id, segment_id, label_id, coder, created_at) VALUES (@id, @segmentId, @labelId, @coder, @createdAt)').run(coding);
}

export function deleteCodings(db: Db, segmentId: string, labelId: string, coder: string | null): number {
  return db
    .prepare('DELETE FROM codings WHERE segment_id = ? AND label_id = ? AND (? IS NULL OR coder = ?)')
    .run(segmentId, labelId, coder, coder).changes;
}

/** Moves every coding of `fromLabel` to `toLabel`; where the target already holds that segment for that coder, the duplicate goes. */
export function moveCodings(db: Db, fromLabel: string, toLabel: string): { moved: number; collapsed: number } {
  const collapsed = db
    .prepare(
      `DELETE FROM codings WHERE label_id = ? AND EXISTS (
         SELECT 1 FROM codings t WHERE t.label_id = ? AND t.segment_id = codings.segment_id AND t.coder = codings.coder)`,
    )
    .run(fromLabel, toLabel).changes;
  const moved = db.prepare('UPDATE codings SET label_id = ? WHERE label_id = ?').run(toLabel, fromLabel).changes;
  return { moved, collapsed };
}

export function countCodingsOfLabel(db: Db, labelId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM codings WHERE label_id = ?').get(labelId) as { n: number }).n;
}

/** Segments left without any coding after a label went, so that no empty quotation remains. */
export function deleteUncodedSegments(db: Db): number {
  return db.prepare(`DELETE FROM segments WHERE ${UNUSED}`).run().changes;
}

/** One segment with its codings: what a coding action answers with (the document's whole list is not needed). */
export function getSegment(db: Db, id: string): Segment | undefined {
  const segment = db
    .prepare(`SELECT id, document_id AS documentId, start, end, text, created_by AS createdBy, created_at AS createdAt, ${FLAG_COLUMNS} FROM segments WHERE id = ?`)
    .get(id) as Omit<Segment, 'codings'> | undefined;
  if (!segment) return undefined;
  withFlag(segment);
  const codings = db
    .prepare('SELECT c.label_id AS labelId, c.coder, COALESCE(k.name, c.coder) AS coderName FROM codings c LEFT JOIN coders k ON k.id = c.coder WHERE c.segment_id = ? ORDER BY c.created_at')
    .all(id) as Segment['codings'];
  return { ...segment, codings };
}

export function listSegments(db: Db, documentId: string): Segment[] {
  const segments = db
    .prepare(
      `SELECT id, document_id AS documentId, start, end, text, created_by AS createdBy, created_at AS createdAt, ${FLAG_COLUMNS}
       FROM segments WHERE document_id = ? ORDER BY start, end`,
    )
    .all(documentId) as Array<Omit<Segment, 'codings'>>;
  for (const segment of segments) withFlag(segment);
  const codings = db
    .prepare(
      `SELECT c.segment_id AS segmentId, c.label_id AS labelId, c.coder, COALESCE(k.name, c.coder) AS coderName FROM codings c
       JOIN segments s ON s.id = c.segment_id LEFT JOIN coders k ON k.id = c.coder WHERE s.document_id = ? ORDER BY c.created_at`,
    )
    .all(documentId) as Array<{ segmentId: string; labelId: string; coder: string; coderName: string }>;
  const bySegment = new Map<string, Segment['codings']>();
  for (const c of codings) {
    const list = bySegment.get(c.segmentId) ?? [];
    list.push({ labelId: c.labelId, coder: c.coder, coderName: c.coderName });
    bySegment.set(c.segmentId, list);
  }
  return segments.map((s) => ({ ...s, codings: bySegment.get(s.id) ?? [] }));
}
