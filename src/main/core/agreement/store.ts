import type { DecisionChoice } from '../../../shared/agreement.ts';
import type { Db } from '../db/database.ts';

/** The SQL of agreement between coders (issue 26). */

export interface CodedPiece {
  coder: string;
  labelId: string;
  documentId: string;
  start: number;
  end: number;
  segmentId: string;
}

/** Every coding of these coders on a segment with text (a segment a correction emptied has none to compare). */
export function codingsOfCoders(db: Db, coders: readonly string[]): CodedPiece[] {
  if (coders.length === 0) return [];
  // Raw rows, unsorted: at 60,000 codings building named objects and sorting cost more than the rest.
  const rows = db
    .prepare(
      `SELECT c.coder, c.label_id, s.document_id, s.start, s.end, s.id
       FROM codings c JOIN segments s ON s.id = c.segment_id
       WHERE c.coder IN (${coders.map(() => '?').join(', ')}) AND s.end > s.start`,
    )
    .raw()
    .all(...coders) as Array<[string, string, string, number, number, string]>;
  return rows.map(([coder, labelId, documentId, start, end, segmentId]) => ({ coder, labelId, documentId, start, end, segmentId }));
}

/** Coder keys with codings, in the order they first coded. */
export function coderKeys(db: Db): string[] {
  return db.prepare('SELECT c.coder FROM codings c LEFT JOIN coders k ON k.id = c.coder GROUP BY c.coder ORDER BY MIN(k.first_seen), c.coder').pluck().all() as string[];
}

/**
 * A consensus decision, kept in project_meta (as the backup policy and the pseudonyms are) under
 * `agreement.decision:<document>:<label>:<start>:<end>`: a row of a tracked table, so that undo
 * takes a decision back with the consensus codings it made.
 */
export interface StoredDecision {
  documentId: string;
  labelId: string;
  start: number;
  end: number;
  choice: DecisionChoice;
  coders: string[];
  by: string;
  at: string;
}

const PREFIX = 'agreement.decision:';

export function decisionKey(documentId: string, labelId: string, start: number, end: number): string {
  return `${PREFIX}${documentId}:${labelId}:${start}:${end}`;
}

export function readDecisions(db: Db): Map<string, StoredDecision> {
  const rows = db.prepare(`SELECT key, value FROM project_meta WHERE key >= ? AND key < ?`).all(PREFIX, `${PREFIX}\uffff`) as Array<{ key: string; value: string }>;
  const out = new Map<string, StoredDecision>();
  for (const row of rows) {
    try {
      out.set(row.key, JSON.parse(row.value) as StoredDecision);
    } catch {
      // A damaged row decides nothing; the difference shows as open again.
    }
  }
  return out;
}

export function writeDecision(db: Db, key: string, decision: StoredDecision): void {
  db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(decision));
}

/** The consensus coder's codings of a label on these segments. */
export function codingsOn(db: Db, coder: string, labelId: string, segmentIds: readonly string[]): string[] {
  return db
    .prepare('SELECT segment_id FROM codings WHERE coder = ? AND label_id = ? AND segment_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(coder, labelId, JSON.stringify(segmentIds)) as string[];
}

/** Segments in [start, end) of a document that carry the label by one of these coders (the consensus's candidates). */
export function segmentsMeeting(db: Db, documentId: string, labelId: string, start: number, end: number, coders: readonly string[]): Array<{ segmentId: string; coder: string; start: number; end: number }> {
  return db
    .prepare(
      `SELECT s.id AS segmentId, c.coder, s.start, s.end FROM segments s JOIN codings c ON c.segment_id = s.id
       WHERE s.document_id = ? AND c.label_id = ? AND s.start < ? AND s.end > ? AND c.coder IN (SELECT value FROM json_each(?))`,
    )
    .all(documentId, labelId, end, start, JSON.stringify(coders)) as Array<{ segmentId: string; coder: string; start: number; end: number }>;
}
