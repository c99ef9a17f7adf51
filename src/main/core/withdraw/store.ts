import type { WithdrawUse } from '../../../shared/protect.ts';
import type { Db } from '../db/database.ts';

/**
 * The SQL of a withdrawal: what hangs on a set of segments, documents and a participant, and the
 * deletes and updates that remove it. Lists of ids are bound as one JSON array (json_each).
 */
const ids = (list: readonly string[]) => JSON.stringify(list);

export interface SegmentRow {
  id: string;
  start: number;
  end: number;
  text: string;
}

export function segmentsOfDocument(db: Db, documentId: string): SegmentRow[] {
  return db.prepare('SELECT id, start, end, text FROM segments WHERE document_id = ?').all(documentId) as SegmentRow[];
}

export function segmentIdsOfDocuments(db: Db, documentIds: readonly string[]): string[] {
  return db.prepare('SELECT id FROM segments WHERE document_id IN (SELECT value FROM json_each(?))').pluck().all(ids(documentIds)) as string[];
}

export function guideSpansOfDocument(db: Db, documentId: string): Array<{ id: string; start: number; end: number }> {
  return db.prepare('SELECT id, start, end FROM guide_spans WHERE document_id = ?').all(documentId) as Array<{ id: string; start: number; end: number }>;
}

export function countGuideSpans(db: Db, documentIds: readonly string[]): number {
  return db.prepare('SELECT COUNT(*) FROM guide_spans WHERE document_id IN (SELECT value FROM json_each(?))').pluck().get(ids(documentIds)) as number;
}

export function documentHeads(db: Db, documentIds: readonly string[]): Array<{ id: string; name: string; sourceName: string; words: number; turns: number }> {
  return db
    .prepare('SELECT id, name, source_name AS sourceName, word_count AS words, turn_count AS turns FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name COLLATE NOCASE')
    .all(ids(documentIds)) as Array<{ id: string; name: string; sourceName: string; words: number; turns: number }>;
}

export function participantName(db: Db, id: string): string | undefined {
  return db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(id) as string | undefined;
}

export function documentName(db: Db, id: string): string | undefined {
  return db.prepare('SELECT name FROM documents WHERE id = ?').pluck().get(id) as string | undefined;
}

export function countCodings(db: Db, segmentIds: readonly string[]): number {
  return db.prepare('SELECT COUNT(*) FROM codings WHERE segment_id IN (SELECT value FROM json_each(?))').pluck().get(ids(segmentIds)) as number;
}

/** Every use of the segments beyond their codings: quotes in the report, tensions, concepts, learning questions. */
export function usesOf(db: Db, segmentIds: readonly string[]): WithdrawUse[] {
  const list = ids(segmentIds);
  const rows = db
    .prepare(
      `SELECT 'outline' AS "where", s.title AS name, COUNT(*) AS count FROM outline_items i JOIN outline_sections s ON s.id = i.section_id
         WHERE i.segment_id IN (SELECT value FROM json_each(@list)) GROUP BY s.id
       UNION ALL
       SELECT 'tension', t.title, COUNT(*) FROM tension_quotes q JOIN tensions t ON t.id = q.tension_id
         WHERE q.segment_id IN (SELECT value FROM json_each(@list)) GROUP BY t.id
       UNION ALL
       SELECT 'concept', c.name, COUNT(*) FROM concept_segments x JOIN concepts c ON c.id = x.concept_id
         WHERE x.segment_id IN (SELECT value FROM json_each(@list)) GROUP BY c.id
       UNION ALL
       SELECT 'learningQuestion', q.question, COUNT(*) FROM (
           SELECT learning_question_id AS id FROM learning_question_segments WHERE segment_id IN (SELECT value FROM json_each(@list))
           UNION ALL SELECT id FROM learning_questions WHERE source_segment_id IN (SELECT value FROM json_each(@list))
         ) u JOIN learning_questions q ON q.id = u.id GROUP BY q.id`,
    )
    .all({ list }) as WithdrawUse[];
  return rows;
}

export function countOutlineItems(db: Db, segmentIds: readonly string[]): number {
  return db.prepare('SELECT COUNT(*) FROM outline_items WHERE segment_id IN (SELECT value FROM json_each(?))').pluck().get(ids(segmentIds)) as number;
}

/** Memos anchored on the segments, the documents or the participant. */
export function countMemos(db: Db, segmentIds: readonly string[], documentIds: readonly string[], participantId: string | null): number {
  return db
    .prepare(
      `SELECT COUNT(*) FROM memos WHERE (target_kind = 'segment' AND target_id IN (SELECT value FROM json_each(@segments)))
         OR (target_kind = 'document' AND target_id IN (SELECT value FROM json_each(@documents)))
         OR (target_kind = 'participant' AND target_id = @participant)`,
    )
    .pluck()
    .get({ segments: ids(segmentIds), documents: ids(documentIds), participant: participantId }) as number;
}

export function countAttributeValues(db: Db, participantId: string): number {
  return db.prepare('SELECT COUNT(*) FROM participant_attributes WHERE participant_id = ?').pluck().get(participantId) as number;
}

/** Labels whose every coding is on one of the segments: they keep none. */
export function emptiedLabels(db: Db, segmentIds: readonly string[]): string[] {
  return db
    .prepare(
      `SELECT l.name FROM labels l
       WHERE EXISTS (SELECT 1 FROM codings c WHERE c.label_id = l.id AND c.segment_id IN (SELECT value FROM json_each(@list)))
         AND NOT EXISTS (SELECT 1 FROM codings c WHERE c.label_id = l.id AND c.segment_id NOT IN (SELECT value FROM json_each(@list)))
       ORDER BY l.name COLLATE NOCASE`,
    )
    .pluck()
    .all({ list: ids(segmentIds) }) as string[];
}

/** Removes documents whole: turns (and their index rows), segments with codings and quotes, guide marks, speakers and memos follow by their keys and triggers. */
export function deleteDocuments(db: Db, documentIds: readonly string[]): void {
  db.prepare('DELETE FROM documents WHERE id IN (SELECT value FROM json_each(?))').run(ids(documentIds));
}

export function deleteSegments(db: Db, segmentIds: readonly string[]): void {
  db.prepare('DELETE FROM segments WHERE id IN (SELECT value FROM json_each(?))').run(ids(segmentIds));
}

export function updateSegment(db: Db, id: string, start: number, end: number, text: string): void {
  db.prepare('UPDATE segments SET start = ?, end = ?, text = ? WHERE id = ?').run(start, end, text, id);
}

export function deleteGuideSpans(db: Db, spanIds: readonly string[]): void {
  db.prepare('DELETE FROM guide_spans WHERE id IN (SELECT value FROM json_each(?))').run(ids(spanIds));
}

export function moveGuideSpan(db: Db, id: string, start: number, end: number): void {
  db.prepare('UPDATE guide_spans SET start = ?, end = ? WHERE id = ?').run(start, end, id);
}

export function deleteTurns(db: Db, turnIds: readonly number[]): void {
  db.prepare('DELETE FROM turns WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(turnIds));
}

export function moveTurn(db: Db, id: number, position: number, start: number, end: number): void {
  db.prepare('UPDATE turns SET position = ?, start = ?, end = ? WHERE id = ?').run(position, start, end, id);
}

/** A document after some of its turns went: its counts, speakers, own text and participant. */
export function updateDocumentAfterCut(db: Db, id: string, values: { words: number; turns: number; speakers: string[]; ownText: string | null; unlink: boolean }): void {
  db.prepare(
    `UPDATE documents SET word_count = @words, turn_count = @turns, speakers = @speakers, own_text = @ownText,
       participant_id = CASE WHEN @unlink THEN NULL ELSE participant_id END WHERE id = @id`,
  ).run({ id, words: values.words, turns: values.turns, speakers: JSON.stringify(values.speakers), ownText: values.ownText, unlink: values.unlink ? 1 : 0 });
}

/** Stored speaker rows of a document that no longer speak in it, or that are the withdrawn participant. */
export function deleteSpeakers(db: Db, documentId: string, keep: readonly string[], participantId: string | null): void {
  db.prepare('DELETE FROM speakers WHERE document_id = @documentId AND (name NOT IN (SELECT value FROM json_each(@keep)) OR participant_id IS @participantId)').run({
    documentId,
    keep: JSON.stringify(keep),
    participantId,
  });
}

export function deleteParticipant(db: Db, id: string): void {
  db.prepare('DELETE FROM participants WHERE id = ?').run(id);
}

export interface AuditLine {
  table: 'change_log' | 'export_log';
  id: number;
  /** change_log: summary and detail; export_log: documents (JSON) and file. */
  a: string;
  b: string | null;
}

export function auditLines(db: Db): AuditLine[] {
  return [
    ...(db.prepare("SELECT 'change_log' AS \"table\", id, summary AS a, detail AS b FROM change_log").all() as AuditLine[]),
    ...(db.prepare("SELECT 'export_log' AS \"table\", id, documents AS a, file AS b FROM export_log").all() as AuditLine[]),
  ];
}

/** Rewrites an audit line; the triggers allow it only inside a purging write. */
export function rewriteAuditLine(db: Db, line: AuditLine): void {
  if (line.table === 'change_log') db.prepare('UPDATE change_log SET summary = ?, detail = ? WHERE id = ?').run(line.a, line.b, line.id);
  else db.prepare('UPDATE export_log SET documents = ?, file = ? WHERE id = ?').run(line.a, line.b, line.id);
}
