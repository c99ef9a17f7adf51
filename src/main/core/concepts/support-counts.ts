import type { SpeakerScope } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';
import { conceptLabelPairs, directSegments, labelParents, type RowKind } from './store-sets.ts';
import { conceptRows } from './store.ts';
import { codingIndex } from '../coding/store-index.ts';
import { countsVersion } from '../coding/counts-version.ts';
import { countedKeys, rolesIndex, speechIndex, speechOfEntry } from '../speakers/service.ts';

/** Distinct supporting segments per row (concept or label) × column, dense: `cells[row * columns.length + column]`. */
export interface SupportCounts {
  rowIds: string[];
  /** Participant ids ('' for speech of no participant) or document ids. */
  columnKeys: string[];
  cells: Int32Array;
  /**
   * Segments counted in more than one column (a segment across the turns of two participants):
   * their rows and columns, so that a row's distinct total over the shown columns can be corrected.
   */
  shared: Array<{ rows: number[]; columns: number[] }>;
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
export function supportCounts(db: Db, rows: RowKind, by: 'participant' | 'document', scope: SpeakerScope = 'participants'): SupportCounts {
  // Regrouping, filtering or switching the matrix asks again for the same counts; they only change
  // with a write that can change a count (coding/counts-version.ts). Inside a write the data may still move.
  if (db.inTransaction) return computeSupportCounts(db, rows, by, scope);
  const version = countsVersion(db);
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  const key = `${rows}/${by}/${scope}`;
  const hit = forDb.get(key);
  // The roles are part of the answer: an import changes them without a change-log row of its own.
  const { fingerprint } = rolesIndex(db);
  if (hit && hit.version === version && hit.fingerprint === fingerprint) return hit.counts;
  const counts = computeSupportCounts(db, rows, by, scope);
  forDb.set(key, { version, fingerprint, counts });
  return counts;
}

const cache = new WeakMap<Db, Map<string, { version: number; fingerprint: string; counts: SupportCounts }>>();

function computeSupportCounts(db: Db, rows: RowKind, by: 'participant' | 'document', scope: SpeakerScope): SupportCounts {
  const parents = labelParents(db);
  const rowIds = rows === 'labels' ? parents.map(([id]) => id) : conceptRows(db).map((c) => c.id);
  const rowIndex = new Map(rowIds.map((id, i) => [id, i]));

  // Columns: a document's own (by document), or the participants whose speech a segment covers.
  const roles = speechIndex(db);
  const columnKeys: string[] = [];
  const columnIndex = new Map<string, number>();
  const columnOf = (key: string): number => {
    let at = columnIndex.get(key);
    if (at === undefined) columnIndex.set(key, (at = columnKeys.push(key) - 1));
    return at;
  };
  for (const document of roles.documents.values()) columnOf(by === 'document' ? document.id : document.key);
  // Columns of participants who speak are known before counting, so the width is fixed.
  if (by === 'participant') {
    for (const document of roles.documents.values()) for (const key of document.turns.keys) if (key !== null) columnOf(key);
    columnOf('');
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
  // Direct members by segment id.
  const direct = new Map<string, number[]>();
  if (rows === 'concepts') {
    for (const [segment, , conceptId] of directSegments(db)) direct.set(segment, [...(direct.get(segment) ?? []), rowIndex.get(conceptId)!]);
  }

  const width = columnKeys.length;
  const cells = new Int32Array(rowIds.length * width);
  const stamp = new Int32Array(rowIds.length).fill(-1);
  const shared: SupportCounts['shared'] = [];
  let serial = 0;
  const seen: number[] = [];
  const collect = (rowsOfSegment: readonly number[]) => {
    for (const r of rowsOfSegment) {
      if (stamp[r] === serial) continue;
      stamp[r] = serial;
      seen.push(r);
    }
  };
  for (const [segment, entry] of codingIndex(db).segments) {
    const own = direct.get(segment);
    if (entry.labels.length === 0 && !own) continue;
    const document = roles.documents.get(entry.document);
    const keys = countedKeys(speechOfEntry(roles, entry), scope, document?.key ?? '');
    // Only the interviewer's (or another's) speech: not counted unless everyone's speech is asked for.
    if (keys.length === 0) continue;
    serial++;
    seen.length = 0;
    for (const labelId of entry.labels) collect(rowsFor(labelId));
    if (own) collect(own);
    if (seen.length === 0) continue;
    if (by === 'document') {
      const column = columnOf(entry.document);
      for (const r of seen) cells[r * width + column]!++;
      continue;
    }
    const columns = keys.map(columnOf);
    for (const column of columns) for (const r of seen) cells[r * width + column]!++;
    if (columns.length > 1) shared.push({ rows: [...seen], columns });
  }
  return { rowIds, columnKeys, cells, shared };
}
