import type { Db } from '../db/database.ts';
import { conceptLabelPairs, directSegments, documentParticipants, labelParents, latestChange, type RowKind } from '../repos/analysis-sets.ts';
import { conceptRows } from '../repos/analysis-concepts.ts';
import { codingIndex } from '../repos/coding-index.ts';

/** Distinct supporting segments per row (concept or label) × column, dense: `cells[row * columns.length + column]`. */
export interface SupportCounts {
  rowIds: string[];
  /** Participant ids ('' for documents without one) or document ids. */
  columnKeys: string[];
  cells: Int32Array;
}

/**
 * Counts for the whole project at once, by the rule of analysis-sets.ts (issue 6 §3).
 *
 * The codings come grouped by segment from the coding index (coding-index.ts), so each segment is
 * finished before the next starts: the rows it supports (for a label row the label and its ancestors; for a concept every concept holding one
 * of its labels or an ancestor, or holding the segment directly) are stamped with the segment's
 * number, and a row already stamped is not counted again. That is the distinct step without a set
 * per row. Doing it in SQL instead (a recursive label closure joined to the codings, then DISTINCT)
 * materialises every (row, segment) pair in a temporary b-tree and measured 3–4× slower.
 */
export function supportCounts(db: Db, rows: RowKind, by: 'participant' | 'document'): SupportCounts {
  // Regrouping, filtering or switching the matrix asks again for the same counts; they only change
  // with a write, and every write adds a change-log entry. Inside a write the data may still move.
  if (db.inTransaction) return computeSupportCounts(db, rows, by);
  const version = latestChange(db);
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  const key = `${rows}/${by}`;
  const hit = forDb.get(key);
  if (hit && hit.version === version) return hit.counts;
  const counts = computeSupportCounts(db, rows, by);
  forDb.set(key, { version, counts });
  return counts;
}

const cache = new WeakMap<Db, Map<string, { version: number; counts: SupportCounts }>>();

function computeSupportCounts(db: Db, rows: RowKind, by: 'participant' | 'document'): SupportCounts {
  const parents = labelParents(db);
  const rowIds = rows === 'labels' ? parents.map(([id]) => id) : conceptRows(db).map((c) => c.id);
  const rowIndex = new Map(rowIds.map((id, i) => [id, i]));

  // Columns: each document maps to its own column, or to its participant's ('' for none).
  const participantOf = documentParticipants(db);
  const columnKeys: string[] = [];
  const columnIndex = new Map<string, number>();
  const columnOfDocument = new Map<string, number>();
  for (const [documentId, participantId] of participantOf) {
    const key = by === 'document' ? documentId : (participantId ?? '');
    let at = columnIndex.get(key);
    if (at === undefined) columnIndex.set(key, (at = columnKeys.push(key) - 1));
    columnOfDocument.set(documentId, at);
  }

  // Which rows a coding with a given label counts for.
  const parent = new Map(parents);
  const holders = new Map<string, number[]>();
  if (rows === 'labels') for (const [id] of parents) holders.set(id, [rowIndex.get(id)!]);
  else for (const [conceptId, labelId] of conceptLabelPairs(db)) holders.set(labelId, [...(holders.get(labelId) ?? []), rowIndex.get(conceptId)!]);
  const rowsOfLabel = new Map<string, number[]>();
  const rowsFor = (labelId: string): number[] => {
    let found = rowsOfLabel.get(labelId);
    if (!found) {
      const set = new Set<number>();
      // The codebook refuses cycles; the bound only guards against a damaged file.
      let steps = 0;
      for (let at: string | null | undefined = labelId; at && steps <= parent.size; at = parent.get(at), steps++) for (const r of holders.get(at) ?? []) set.add(r);
      rowsOfLabel.set(labelId, (found = [...set]));
    }
    return found;
  };
  // Direct members by segment id, with the segment's column.
  const direct = new Map<string, { column: number; rows: number[] }>();
  if (rows === 'concepts') {
    for (const [segment, documentId, conceptId] of directSegments(db)) {
      const entry = direct.get(segment) ?? { column: columnOfDocument.get(documentId)!, rows: [] };
      entry.rows.push(rowIndex.get(conceptId)!);
      direct.set(segment, entry);
    }
  }

  const width = columnKeys.length;
  const cells = new Int32Array(rowIds.length * width);
  const stamp = new Int32Array(rowIds.length).fill(-1);
  let serial = 0;
  const count = (rowsOfSegment: readonly number[], column: number) => {
    for (const r of rowsOfSegment) {
      if (stamp[r] === serial) continue;
      stamp[r] = serial;
      cells[r * width + column]!++;
    }
  };
  for (const [segment, entry] of codingIndex(db).segments) {
    if (entry.labels.length === 0) continue;
    const column = columnOfDocument.get(entry.document)!;
    serial++;
    for (const labelId of entry.labels) count(rowsFor(labelId), column);
    const own = direct.get(segment);
    if (own) {
      count(own.rows, column);
      direct.delete(segment);
    }
  }
  // Direct members without any coding left.
  for (const own of direct.values()) {
    serial++;
    count(own.rows, own.column);
  }
  return { rowIds, columnKeys, cells };
}
