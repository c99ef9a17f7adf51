import type { Matrix, MatrixColumn, MatrixColumns, MatrixFilter, MatrixRow, MatrixRows, Quote } from '../../../shared/analysis.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { AttributeValue, SpeakerScope } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';
import { conceptRows, existingConcepts, existingLabels } from '../concepts/store.ts';
import { documentHeads, labelTree, segmentsOfRow } from '../concepts/store-sets.ts';
import { listAttributes, listParticipants } from '../participants/store.ts';
import { notFound } from '../rounds/order.ts';
import { quotesOf } from '../rounds/quotes.ts';
import { countedKeysOf, speakingParticipants } from '../speakers/service.ts';
import { supportCounts } from '../concepts/support-counts.ts';

/**
 * The commonalities matrix. All cells come from one pass over the codings (support-counts.ts);
 * columns, grouping and filtering are applied here to that one answer.
 */

interface KeyedColumn extends MatrixColumn {
  /** The key the grouped query uses: participant id ('' for unassigned) or document id. */
  key: string;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

function columnsOf(db: Db, by: MatrixColumns): KeyedColumn[] {
  const participants = listParticipants(db);
  const documents = documentHeads(db);
  if (by === 'document') {
    // A document column carries its participant's attributes, so that documents group and filter too.
    const attributes = new Map(participants.map((p) => [p.id, p.attributes]));
    return documents.map((d) => ({ key: d.id, id: d.id, name: d.name, attributes: d.participantId ? (attributes.get(d.participantId) ?? {}) : {}, group: null }));
  }
  // Every participant with a document of their own or who speaks in one (a focus group), coded or not.
  const speaking = speakingParticipants(db);
  const columns: KeyedColumn[] = participants
    .filter((p) => p.documentCount > 0 || speaking.has(p.id))
    .map((p) => ({ key: p.id, id: p.id, name: p.name, attributes: p.attributes, group: null }));
  if (documents.some((d) => d.participantId === null)) columns.push({ key: '', id: null, name: 'unassigned', attributes: {}, group: null });
  return columns;
}

const same = (a: AttributeValue, b: AttributeValue) => String(a) === String(b);

function keep(column: KeyedColumn, filter: MatrixFilter | undefined): boolean {
  return Object.entries(filter?.attributes ?? {}).every(([name, values]) => {
    const value = column.attributes[name];
    return value !== undefined && values.some((v) => same(v, value));
  });
}

function arrange(columns: KeyedColumn[], groupBy: string | null): KeyedColumn[] {
  const grouped = columns.map((c) => {
    const value = groupBy ? c.attributes[groupBy] : undefined;
    return { ...c, group: value === undefined ? null : String(value) };
  });
  // "unassigned" stays last; when grouped, columns without a value for the attribute come last.
  return grouped.sort(
    (a, b) =>
      Number(a.id === null) - Number(b.id === null) ||
      Number(a.group === null) - Number(b.group === null) ||
      collator.compare(a.group ?? '', b.group ?? '') ||
      collator.compare(a.name, b.name),
  );
}

function rowsOf(db: Db, rows: MatrixRows): Array<Pick<MatrixRow, 'id' | 'name' | 'colour' | 'depth'>> {
  if (rows === 'concepts') return conceptRows(db).map((c) => ({ id: c.id, name: c.name, colour: c.colour, depth: 0 }));
  // Labels in codebook order, depth first, so that the matrix reads like the tree.
  const labels = labelTree(db);
  const children = new Map<string | null, typeof labels>();
  for (const label of labels) children.set(label.parentId, [...(children.get(label.parentId) ?? []), label]);
  const out: Array<Pick<MatrixRow, 'id' | 'name' | 'colour' | 'depth'>> = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const label of children.get(parentId) ?? []) {
      out.push({ id: label.id, name: label.name, colour: label.colour, depth });
      walk(label.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function computeMatrix(
  db: Db,
  args: { rows: MatrixRows; by: MatrixColumns; groupBy?: string; filter?: MatrixFilter; speakers?: SpeakerScope },
): Matrix {
  const groupBy = args.groupBy ?? null;
  const known = new Set(listAttributes(db).map((a) => a.name));
  for (const name of [...(groupBy ? [groupBy] : []), ...Object.keys(args.filter?.attributes ?? {})]) {
    if (!known.has(name)) {
      throw new DuidingError(`There is no participant attribute "${name}"; the attributes are: ${[...known].join(', ') || 'none yet'}.`, 'input', {
        code: 'noAttribute',
        params: { name },
      });
    }
  }
  const columns = arrange(columnsOf(db, args.by).filter((c) => keep(c, args.filter)), groupBy);
  const counts = supportCounts(db, args.rows, args.by, args.speakers ?? 'participants');
  // Where each shown column's counts sit in the dense answer.
  const keyIndex = new Map(counts.columnKeys.map((key, i) => [key, i]));
  const source = columns.map((c) => keyIndex.get(c.key) ?? -1);
  const width = counts.columnKeys.length;
  const cells = new Map<string, number[]>();
  counts.rowIds.forEach((rowId, r) => cells.set(rowId, source.map((at) => (at < 0 ? 0 : counts.cells[r * width + at]!))));
  // A segment across two participants' turns is in both their columns: the row's distinct total
  // is the sum less its repeats among the columns shown.
  const shown = new Set(source.filter((at) => at >= 0));
  const repeats = new Map<string, number>();
  for (const { rows, columns: where } of counts.shared) {
    const extra = where.filter((c) => shown.has(c)).length - 1;
    if (extra > 0) for (const r of rows) repeats.set(counts.rowIds[r]!, (repeats.get(counts.rowIds[r]!) ?? 0) + extra);
  }
  let max = 0;
  const items = rowsOf(db, args.rows).map((row) => {
    const values = cells.get(row.id) ?? new Array<number>(columns.length).fill(0);
    let total = -(repeats.get(row.id) ?? 0);
    let occursIn = 0;
    for (const n of values) {
      total += n;
      if (n > 0) occursIn++;
      if (n > max) max = n;
    }
    return { ...row, cells: values, total, occursIn };
  });
  const groups = [...new Set(columns.map((c) => c.group).filter((g): g is string => g !== null))];
  return { rows: args.rows, by: args.by, groupBy, columns: columns.map(({ key: _key, ...column }) => column), groups, items, max };
}

export function matrixCell(db: Db, args: { rows: MatrixRows; rowId: string; by: MatrixColumns; columnId: string | null; speakers?: SpeakerScope }): Quote[] {
  const exists = (args.rows === 'concepts' ? existingConcepts : existingLabels)(db, [args.rowId]);
  if (exists.size === 0) throw notFound(args.rows === 'concepts' ? 'concept' : 'label', args.rowId);
  if (args.by === 'document' && args.columnId === null) throw notFound('document', 'null');
  const all = segmentsOfRow(db, args.rows, args.rowId);
  const counted = countedKeysOf(db, all, args.speakers ?? 'participants');
  // The cell's segments by the rule the counts follow, so a cell opens exactly as many quotes as it shows.
  const inCell = all.filter((id) => {
    const found = counted.get(id);
    if (!found || found.keys.length === 0) return false;
    return args.by === 'document' ? found.document === args.columnId : found.keys.includes(args.columnId ?? '');
  });
  return quotesOf(db, inCell);
}
