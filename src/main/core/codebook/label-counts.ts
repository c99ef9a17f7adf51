import type { Label, SpeakerScope } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';
import { countsVersion } from '../coding/counts-version.ts';
import { codingIndex } from '../coding/store-index.ts';
import { codedSpansOf, labelParents, labelRow, labelRows, type LabelRow } from './store.ts';
import { countedKeys, rolesIndex, speechIn, speechIndex, speechOfEntry } from '../speakers/service.ts';

/**
 * The codebook's counts (issues 20 and 21): per label the segments and transcripts coded with it,
 * counted as the matrix and the label spread count them — a segment counts when it covers a
 * participant's speech, or anyone's under `all` — so that a label auto-coded with the participants'
 * speech shows what the run reported. A parent's branch counts take in its sub-labels at every level,
 * each segment once however many of them it carries.
 */
export type LabelCounts = Pick<Label, 'segmentCount' | 'documentCount' | 'branchSegmentCount' | 'branchDocumentCount'>;

const NONE: LabelCounts = { segmentCount: 0, documentCount: 0, branchSegmentCount: 0, branchDocumentCount: 0 };

/** Each label with itself and its sub-labels at every level. */
function branches(parents: Map<string, string | null>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of parents.keys()) out.set(id, [id]);
  for (const id of parents.keys()) {
    const seen = new Set<string>([id]);
    // A cycle cannot be stored (labels/update refuses one), but a damaged file must not hang here.
    for (let up = parents.get(id) ?? null; up !== null && !seen.has(up); up = parents.get(up) ?? null) {
      seen.add(up);
      out.get(up)?.push(id);
    }
  }
  return out;
}

/**
 * The counts of `only` (every label when left out). Outside a write they come from the coding index,
 * whose entries keep their speech; inside one (or with `source: 'sql'`, which the tests compare with)
 * from the codings in the file.
 */
export function countLabels(db: Db, scope: SpeakerScope, only?: readonly string[], source: 'index' | 'sql' = db.inTransaction ? 'sql' : 'index'): Map<string, LabelCounts> {
  const parents = labelParents(db);
  const branchOf = branches(parents);
  const wanted = only ?? [...parents.keys()];
  const roles = speechIndex(db);
  // segment → [document, counts?]; a label → its segments.
  const counted = new Map<string, string | null>();
  const segmentsOf = new Map<string, Iterable<string>>();
  const needed = new Set(wanted.flatMap((id) => branchOf.get(id) ?? []));
  if (source === 'index') {
    const index = codingIndex(db);
    for (const id of needed) {
      const ids = index.labels.get(id)?.ids;
      if (!ids) continue;
      segmentsOf.set(id, ids);
      for (const segment of ids) {
        if (counted.has(segment)) continue;
        const entry = index.segments.get(segment)!;
        const keys = countedKeys(speechOfEntry(roles, entry), scope, roles.documents.get(entry.document)?.key ?? '');
        counted.set(segment, keys.length > 0 ? entry.document : null);
      }
    }
  } else {
    for (const [label, segment, document, start, end] of codedSpansOf(db, [...needed])) {
      let list = segmentsOf.get(label) as string[] | undefined;
      if (!list) segmentsOf.set(label, (list = []));
      list.push(segment);
      if (counted.has(segment)) continue;
      const keys = countedKeys(speechIn(roles.documents.get(document), start, end), scope, roles.documents.get(document)?.key ?? '');
      counted.set(segment, keys.length > 0 ? document : null);
    }
  }
  const tally = (labels: readonly string[]) => {
    const segments = new Set<string>();
    const documents = new Set<string>();
    for (const label of labels) {
      for (const segment of segmentsOf.get(label) ?? []) {
        const document = counted.get(segment);
        if (document == null || segments.has(segment)) continue;
        segments.add(segment);
        documents.add(document);
      }
    }
    return [segments.size, documents.size] as const;
  };
  const out = new Map<string, LabelCounts>();
  for (const id of wanted) {
    if (!parents.has(id)) continue;
    const [segmentCount, documentCount] = tally([id]);
    const branch = branchOf.get(id)!;
    const [branchSegmentCount, branchDocumentCount] = branch.length === 1 ? [segmentCount, documentCount] : tally(branch);
    out.set(id, { segmentCount, documentCount, branchSegmentCount, branchDocumentCount });
  }
  return out;
}

/**
 * The whole codebook's counts, kept until the next write that can change them (coding/counts-version.ts)
 * or a change of roles: after a write the palette, the codebook and retrieval each ask for the list,
 * and one pass answers them all.
 */
const kept = new WeakMap<Db, Map<SpeakerScope, { key: string; counts: Map<string, LabelCounts> }>>();

function allCounts(db: Db, scope: SpeakerScope): Map<string, LabelCounts> {
  if (db.inTransaction) return countLabels(db, scope);
  // Kept until a write that can change a count (a correction that only moved passages cannot) or a
  // change of roles the change log does not show (an import's): the roles' fingerprint.
  const key = `${countsVersion(db)}|${rolesIndex(db).fingerprint}`;
  let byScope = kept.get(db);
  if (!byScope) kept.set(db, (byScope = new Map()));
  const found = byScope.get(scope);
  if (found?.key === key) return found.counts;
  const counts = countLabels(db, scope);
  byScope.set(scope, { key, counts });
  return counts;
}

/** Every label with its counts, in codebook order. */
export function listLabels(db: Db, scope: SpeakerScope = 'participants'): Label[] {
  const rows = labelRows(db);
  const counts = allCounts(db, scope);
  return rows.map((row) => ({ ...row, ...(counts.get(row.id) ?? NONE) }));
}

/** One label with its counts. */
export function getLabel(db: Db, id: string, scope: SpeakerScope = 'participants'): Label | undefined {
  const row = labelRow(db, id);
  return row ? withCounts(db, [row], scope)[0] : undefined;
}

/** These labels with their counts. */
export function withCounts(db: Db, rows: readonly LabelRow[], scope: SpeakerScope = 'participants'): Label[] {
  const counts = countLabels(db, scope, rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, ...(counts.get(row.id) ?? NONE) }));
}
