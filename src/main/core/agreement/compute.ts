import type {
  AgreementCoder,
  AgreementDifference,
  AgreementFigures,
  AgreementQuery,
  AgreementResult,
  AgreementUnit,
  DecisionChoice,
  DifferencesResult,
} from '../../../shared/agreement.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { SpeakerScope } from '../../../shared/model.ts';
import { now } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { getDocument } from '../documents/store.ts';
import { rolesIndex } from '../speakers/service.ts';
import { labelRows } from '../codebook/store.ts';
import { CONSENSUS_CODER, coderDisplayName, resolveCoders } from './coders.ts';
import {
  Coincidences,
  PairAgreement,
  UnitizingParts,
  alphaFromCoincidences,
  binaryTable,
  cohenKappa,
  kappaParts,
  pooledKappa,
  unitizingAlpha,
  type Stretch,
} from './coefficients.ts';
import { codingsOfCoders, decisionKey, readDecisions, type StoredDecision } from './store.ts';
import { documentUnits, firstEndingAfter, type DocumentUnits } from './units.ts';

/**
 * Agreement between coders over the chosen documents and labels (issue 26). A unit is coded with a
 * label by a coder when one of the coder's segments with that label meets it. A coder's values are
 * missing in a document they coded nothing in (blind coding of a share of the transcripts is
 * usual); elsewhere a unit they left uncoded counts as "label absent".
 */

interface Piece {
  start: number;
  end: number;
  segmentId: string;
}

interface Prepared {
  db: Db;
  unit: AgreementUnit;
  speakers: SpeakerScope;
  coders: string[];
  documents: Array<{ id: string; name: string }>;
  labels: Array<{ id: string; name: string; colour: string }>;
  units: Map<string, DocumentUnits>;
  /** Per document, the indexes (into `coders`) of the coders whose values are not missing there. */
  codersOf: Map<string, number[]>;
  /** document → label → per coder index, the coder's pieces in order. */
  pieces: Map<string, Map<string, Piece[][]>>;
  /** document → label → the consensus coder's pieces. */
  consensus: Map<string, Map<string, Piece[]>>;
  decisions: Map<string, StoredDecision>;
  codingCounts: number[];
  notes: string[];
}

const MAX_CODERS = 30;

/** The query's coders, two to MAX_CODERS of them. */
function checkedCoders(db: Db, query: AgreementQuery): string[] {
  const coders = resolveCoders(db, query.coders);
  if (coders.length < 2) {
    const who = coders.map((c) => coderDisplayName(db, c)).join(', ') || 'nobody';
    throw new DuidingError(`Agreement needs at least two coders; this project has codings by ${who}.`, 'usage', { code: 'agreementCoders', params: { coders: who } });
  }
  if (coders.length > MAX_CODERS) throw new DuidingError(`Agreement compares at most ${MAX_CODERS} coders at once (${coders.length} given).`, 'usage');
  return coders;
}

/** The query's documents (all when it names none), by name. */
function scopedDocuments(db: Db, query: AgreementQuery): Array<{ id: string; name: string }> {
  // Names from the roles index (kept between calls): the documents list's summaries cost a query per call.
  const allDocuments = [...rolesIndex(db).documents.values()].map((d) => ({ id: d.id, name: d.name })).sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }));
  let documents = allDocuments;
  if (query.documentIds?.length) {
    const wanted = new Set(query.documentIds);
    const unknown = query.documentIds.filter((id) => !allDocuments.some((d) => d.id === id));
    if (unknown.length) throw new DuidingError(`There is no document with id ${unknown[0]}.`, 'usage');
    documents = documents.filter((d) => wanted.has(d.id));
  }
  return documents;
}

/** A coder's values exist in the documents they coded anything in (any label): per document, those coders' indexes. */
function codersPerDocument(rowsOfCoders: ReturnType<typeof codingsOfCoders>, index: Map<string, number>, inScope: Set<string>): Map<string, number[]> {
  const codersOf = new Map<string, number[]>();
  for (const row of rowsOfCoders) {
    const i = index.get(row.coder);
    if (i === undefined || !inScope.has(row.documentId)) continue;
    const list = codersOf.get(row.documentId) ?? [];
    if (!list.includes(i)) list.push(i);
    codersOf.set(row.documentId, list);
  }
  for (const list of codersOf.values()) list.sort((a, b) => a - b);
  return codersOf;
}

function prepare(db: Db, query: AgreementQuery): Prepared {
  const unit = query.unit ?? 'sentence';
  const speakers = query.speakers ?? 'participants';
  const coders = checkedCoders(db, query);
  const notes: string[] = [];
  const documents = scopedDocuments(db, query);
  const rows = labelRows(db);
  const labelById = new Map(rows.map((r) => [r.id, r]));
  if (query.labelIds?.some((id) => !labelById.has(id))) throw new DuidingError(`There is no label with id ${query.labelIds.find((id) => !labelById.has(id))}.`, 'usage');

  const index = new Map(coders.map((c, i) => [c, i]));
  const inScope = new Set(documents.map((d) => d.id));
  const rowsOfCoders = codingsOfCoders(db, [...coders, ...(coders.includes(CONSENSUS_CODER) ? [] : [CONSENSUS_CODER])]);
  const codersOf = codersPerDocument(rowsOfCoders, index, inScope);
  // Only documents that two coders coded have anything to compare.
  const compared = documents.filter((d) => (codersOf.get(d.id)?.length ?? 0) >= 2);
  const wantedLabels = query.labelIds?.length ? new Set(query.labelIds) : null;
  const pieces = new Map<string, Map<string, Piece[][]>>();
  const consensus = new Map<string, Map<string, Piece[]>>();
  const codingCounts = coders.map(() => 0);
  const usedLabels = new Set<string>();
  const comparedIds = new Set(compared.map((d) => d.id));
  for (const row of rowsOfCoders) {
    if (!inScope.has(row.documentId) || (wantedLabels && !wantedLabels.has(row.labelId))) continue;
    const piece = { start: row.start, end: row.end, segmentId: row.segmentId };
    if (row.coder === CONSENSUS_CODER) {
      const byLabel = consensus.get(row.documentId) ?? new Map<string, Piece[]>();
      consensus.set(row.documentId, byLabel);
      byLabel.set(row.labelId, [...(byLabel.get(row.labelId) ?? []), piece]);
      if (!index.has(CONSENSUS_CODER)) continue;
    }
    const i = index.get(row.coder)!;
    codingCounts[i]!++;
    if (!comparedIds.has(row.documentId)) continue;
    usedLabels.add(row.labelId);
    const byLabel = pieces.get(row.documentId) ?? new Map<string, Piece[][]>();
    pieces.set(row.documentId, byLabel);
    let perCoder = byLabel.get(row.labelId);
    if (!perCoder) byLabel.set(row.labelId, (perCoder = coders.map(() => [])));
    perCoder[i]!.push(piece);
  }
  const labels = rows
    .filter((r) => (wantedLabels ? wantedLabels.has(r.id) : usedLabels.has(r.id)))
    .map((r) => ({ id: r.id, name: r.name, colour: r.colour }));
  for (let i = 0; i < coders.length; i++) {
    if (![...codersOf.values()].some((list) => list.includes(i))) notes.push(`${coderDisplayName(db, coders[i]!)} has coded none of these documents: their values are missing.`);
  }
  if (compared.length === 0) notes.push('No document was coded by two of these coders: there is nothing to compare.');
  return {
    db,
    unit,
    speakers,
    coders,
    documents: compared,
    labels,
    units: documentUnits(db, compared.map((d) => d.id), unit, speakers),
    codersOf,
    pieces,
    consensus,
    decisions: readDecisions(db),
    codingCounts,
    notes,
  };
}

/** Per label: running sums over the documents. A negative `sign` takes a document's part out again. */
class LabelSums {
  readonly pairs = new PairAgreement();
  readonly coincidences = new Coincidences();
  readonly unitizing = new UnitizingParts();
  /** Two coders: both, only the first, only the second, neither. */
  readonly table = [0, 0, 0, 0];
  differences = 0;

  /** `weight` units where `present` of `m` coders gave the label (coder a, b: which of two did). */
  unit(m: number, present: number, weight: number, a = false, b = false) {
    if (weight === 0 || m < 2) return;
    const counts = new Map<number, number>();
    if (present > 0) counts.set(1, present);
    if (m - present > 0) counts.set(0, m - present);
    this.pairs.add({ counts, weight });
    this.coincidences.add({ counts, weight });
    this.table[a && b ? 0 : a ? 1 : b ? 2 : 3]! += weight;
  }

  clone(): LabelSums {
    const copy = new LabelSums();
    copy.pairs.merge(this.pairs);
    copy.coincidences.merge(this.coincidences);
    copy.unitizing.merge(this.unitizing);
    this.table.forEach((v, i) => (copy.table[i] = v));
    copy.differences = this.differences;
    return copy;
  }
}

/** Pieces clipped to [start, end), merged where they touch: a coder's coverage there. */
function coverage(pieces: readonly Piece[], start: number, end: number): Array<[number, number]> {
  const spans = pieces
    .map((p) => [Math.max(p.start, start), Math.min(p.end, end)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

const sameCoverage = (x: Array<[number, number]>, y: Array<[number, number]>) => x.length === y.length && x.every((s, i) => s[0] === y[i]![0] && s[1] === y[i]![1]);

/** The units of a document that some coder's pieces meet, with each coder's pieces there. */
function touchedUnits(units: Int32Array, perCoder: ReadonlyArray<readonly Piece[]>, coderIndexes: readonly number[]): Map<number, Piece[][]> {
  const touched = new Map<number, Piece[][]>();
  coderIndexes.forEach((coder, position) => {
    for (const piece of perCoder[coder] ?? []) {
      for (let u = firstEndingAfter(units, piece.start); u < units.length / 2 && units[u * 2]! < piece.end; u++) {
        let entry = touched.get(u);
        if (!entry) touched.set(u, (entry = coderIndexes.map(() => [])));
        entry[position]!.push(piece);
      }
    }
  });
  return touched;
}

/** Whether the coders' versions of a unit differ: at turn or sentence whether they gave the label, at character level where. */
function differ(unit: AgreementUnit, versions: Piece[][], start: number, end: number): boolean {
  if (unit !== 'character') {
    const present = versions.filter((v) => v.length > 0).length;
    return present > 0 && present < versions.length;
  }
  const first = coverage(versions[0]!, start, end);
  return versions.some((v) => !sameCoverage(coverage(v, start, end), first));
}

/** A coder's pieces as stretches of the continuum of counted speech (merged where they touch). */
function stretchesOf(speech: Int32Array, pieces: readonly Piece[]): Stretch[] {
  const out: Stretch[] = [];
  let offset = 0;
  let at = 0;
  const sorted = [...pieces].sort((x, y) => x.start - y.start);
  for (let r = 0; r < speech.length; r += 2) {
    const s = speech[r]!;
    const e = speech[r + 1]!;
    while (at < sorted.length && sorted[at]!.end <= s) at++;
    for (let p = at; p < sorted.length && sorted[p]!.start < e; p++) {
      const start = offset + Math.max(sorted[p]!.start, s) - s;
      const end = offset + Math.min(sorted[p]!.end, e) - s;
      const last = out[out.length - 1];
      if (last && start <= last.end) last.end = Math.max(last.end, end);
      else if (end > start) out.push({ start, end, value: 1 });
    }
    offset += e - s;
  }
  return out;
}

/** Per-character present/absent counts of one continuum: how many characters `p` coders covered. */
function characterCounts(length: number, coders: ReadonlyArray<readonly Stretch[]>): { byPresent: number[]; both: number; onlyA: number; onlyB: number } {
  const events: Array<[number, number, number]> = [];
  coders.forEach((stretches, c) => {
    for (const s of stretches) events.push([s.start, 1, c], [s.end, -1, c]);
  });
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const byPresent = new Array<number>(coders.length + 1).fill(0);
  const on = new Array<boolean>(coders.length).fill(false);
  let count = 0;
  let at = 0;
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (const [position, delta, c] of events) {
    const size = position - at;
    if (size > 0) {
      byPresent[count]! += size;
      if (coders.length === 2) {
        if (on[0] && on[1]) both += size;
        else if (on[0]) onlyA += size;
        else if (on[1]) onlyB += size;
      }
    }
    at = position;
    on[c] = delta > 0;
    count += delta;
  }
  byPresent[0]! += length - at;
  return { byPresent, both, onlyA, onlyB };
}

interface Computed {
  labels: Map<string, LabelSums>;
  differences: Array<{ documentId: string; labelId: string; unit: number; versions: Piece[][]; coders: number[] }>;
}

type Found = Computed['differences'];

/** One document's part of one label's sums (`sign` −1 takes it out); differing units go to `found`. */
function evaluate(p: Prepared, documentId: string, labelId: string, perCoder: ReadonlyArray<readonly Piece[]>, sums: LabelSums, sign: 1 | -1, found: Found | null): void {
  const du = p.units.get(documentId)!;
  const coders = p.codersOf.get(documentId)!;
  const m = coders.length;
  const two = p.coders.length === 2;
  const touched = touchedUnits(du.units, perCoder, coders);
  for (const [u, versions] of touched) {
    if (differ(p.unit, versions, du.units[u * 2]!, du.units[u * 2 + 1]!)) {
      sums.differences += sign;
      found?.push({ documentId, labelId, unit: u, versions, coders });
    }
  }
  if (p.unit === 'character') {
    const stretches = coders.map((c) => stretchesOf(du.speech, perCoder[c] ?? []));
    sums.unitizing.add(du.length, stretches, sign);
    const counts = characterCounts(du.length, stretches);
    counts.byPresent.forEach((weight, present) => {
      if (weight <= 0) return;
      const c = new Map<number, number>();
      if (present > 0) c.set(1, present);
      if (m - present > 0) c.set(0, m - present);
      sums.pairs.add({ counts: c, weight: sign * weight });
    });
    if (two) {
      sums.table[0]! += sign * counts.both;
      sums.table[1]! += sign * counts.onlyA;
      sums.table[2]! += sign * counts.onlyB;
      sums.table[3]! += sign * (du.length - counts.both - counts.onlyA - counts.onlyB);
    }
    return;
  }
  for (const versions of touched.values()) {
    const present = versions.filter((v) => v.length > 0).length;
    sums.unit(m, present, sign, two && versions[0]!.length > 0, two && versions[1]!.length > 0);
  }
  sums.unit(m, 0, sign * (du.units.length / 2 - touched.size));
}

/** Runs every document and label through the sums; `keepDifferences` collects the differing units for review. */
function run(p: Prepared, pieces: Prepared['pieces'], keepDifferences: boolean): Computed {
  const labels = new Map(p.labels.map((l) => [l.id, new LabelSums()]));
  const differences: Found = [];
  // Most labels are in few documents: a document where nobody coded a label adds only "absent"
  // units, counted together per number of coders rather than document by document.
  const totals = new Map<number, { units: number; length: number }>();
  for (const document of p.documents) {
    const m = p.codersOf.get(document.id)!.length;
    const du = p.units.get(document.id)!;
    const total = totals.get(m) ?? { units: 0, length: 0 };
    totals.set(m, total);
    total.units += du.units.length / 2;
    total.length += du.length;
  }
  const documentsOf = new Map<string, string[]>();
  for (const document of p.documents) {
    for (const labelId of pieces.get(document.id)?.keys() ?? []) {
      const list = documentsOf.get(labelId) ?? [];
      list.push(document.id);
      documentsOf.set(labelId, list);
    }
  }
  for (const label of p.labels) {
    const sums = labels.get(label.id)!;
    const rest = new Map([...totals].map(([m, t]) => [m, { ...t }]));
    for (const documentId of documentsOf.get(label.id) ?? []) {
      evaluate(p, documentId, label.id, pieces.get(documentId)!.get(label.id)!, sums, 1, keepDifferences ? differences : null);
      const du = p.units.get(documentId)!;
      const left = rest.get(p.codersOf.get(documentId)!.length)!;
      left.units -= du.units.length / 2;
      left.length -= du.length;
    }
    for (const [m, left] of rest) absent(p, sums, m, left.units, left.length);
  }
  return { labels, differences };
}

/** Units (or characters) where none of `m` coders gave the label. */
function absent(p: Prepared, sums: LabelSums, m: number, units: number, length: number): void {
  if (p.unit !== 'character') {
    sums.unit(m, 0, units);
    return;
  }
  if (length <= 0) return;
  sums.unitizing.addUncoded(length, m);
  sums.pairs.add({ counts: new Map([[0, m]]), weight: length });
  if (p.coders.length === 2) sums.table[3]! += length;
}

/**
 * The sums after the consensus round: those before, with the parts of the documents and labels a
 * decision touched taken out and put back as settled — not the whole corpus run again.
 */
function rerun(p: Prepared, before: Computed, pieces: Prepared['pieces'], touched: ReadonlySet<string>): Computed {
  const labels = new Map([...before.labels].map(([id, sums]) => [id, sums.clone()]));
  for (const key of touched) {
    const [documentId, labelId] = key.split('\u0000') as [string, string];
    const sums = labels.get(labelId);
    if (!sums || !p.units.has(documentId)) continue;
    evaluate(p, documentId, labelId, p.pieces.get(documentId)?.get(labelId) ?? [], sums, -1, null);
    evaluate(p, documentId, labelId, pieces.get(documentId)?.get(labelId) ?? [], sums, 1, null);
  }
  return { labels, differences: [] };
}

function figures(p: Prepared, sums: LabelSums): AgreementFigures {
  const two = p.coders.length === 2;
  const [both, onlyA, onlyB, neither] = sums.table as [number, number, number, number];
  return {
    percent: sums.pairs.percent,
    kappa: two ? cohenKappa(binaryTable(both, onlyA, onlyB, neither)) : null,
    alpha: p.unit === 'character' ? unitizingAlpha(sums.unitizing) : alphaFromCoincidences(sums.coincidences),
    units: sums.pairs.units,
    differences: sums.differences,
  };
}

function overall(p: Prepared, computed: Computed): AgreementFigures {
  const pairs = new PairAgreement();
  const coincidences = new Coincidences();
  const unitizing = new UnitizingParts();
  const kappas: Array<{ observed: number; chance: number }> = [];
  let differences = 0;
  for (const sums of computed.labels.values()) {
    pairs.merge(sums.pairs);
    coincidences.merge(sums.coincidences);
    unitizing.merge(sums.unitizing);
    differences += sums.differences;
    const [both, onlyA, onlyB, neither] = sums.table as [number, number, number, number];
    const parts = kappaParts(binaryTable(both, onlyA, onlyB, neither));
    if (parts) kappas.push(parts);
  }
  return {
    percent: pairs.percent,
    kappa: p.coders.length === 2 ? pooledKappa(kappas) : null,
    alpha: p.unit === 'character' ? unitizingAlpha(unitizing) : alphaFromCoincidences(coincidences),
    // Units of one label: every label is counted over the same units.
    units: computed.labels.size ? pairs.units / computed.labels.size : 0,
    differences,
  };
}

/** Pieces with [start, end) cut out. */
function cut(pieces: readonly Piece[], start: number, end: number): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.end <= start || piece.start >= end) {
      out.push(piece);
      continue;
    }
    if (piece.start < start) out.push({ ...piece, end: start });
    if (piece.end > end) out.push({ ...piece, start: end });
  }
  return out;
}

/**
 * The coders' pieces with the consensus round's decisions applied: where a difference was settled,
 * every compared coder's version is the consensus's there — the agreement after the round.
 */
function settled(p: Prepared): { pieces: Prepared['pieces']; count: number; touched: Set<string> } {
  // Only the documents and labels a decision touched: the rest is as coded.
  const out = new Map<string, Map<string, Piece[][]>>();
  let count = 0;
  const touched = new Set<string>();
  const labelIds = new Set(p.labels.map((l) => l.id));
  for (const decision of p.decisions.values()) {
    const coders = p.codersOf.get(decision.documentId);
    if (!coders || coders.length < 2 || !labelIds.has(decision.labelId)) continue;
    count++;
    touched.add(`${decision.documentId}\u0000${decision.labelId}`);
    const byLabel = out.get(decision.documentId) ?? new Map<string, Piece[][]>();
    out.set(decision.documentId, byLabel);
    let perCoder = byLabel.get(decision.labelId);
    if (!perCoder) byLabel.set(decision.labelId, (perCoder = (p.pieces.get(decision.documentId)?.get(decision.labelId) ?? p.coders.map(() => [])).map((list) => [...list])));
    const inside = (p.consensus.get(decision.documentId)?.get(decision.labelId) ?? [])
      .map((piece) => ({ ...piece, start: Math.max(piece.start, decision.start), end: Math.min(piece.end, decision.end) }))
      .filter((piece) => piece.end > piece.start);
    for (const c of coders) perCoder[c] = [...cut(perCoder[c] ?? [], decision.start, decision.end), ...inside].sort((x, y) => x.start - y.start);
  }
  return { pieces: out, count, touched };
}

function codersOf(p: Prepared): AgreementCoder[] {
  return p.coders.map((key, i) => ({
    key,
    name: coderDisplayName(p.db, key),
    codings: p.codingCounts[i]!,
    documents: [...p.codersOf.values()].filter((list) => list.includes(i)).length,
  }));
}

/** The agreement figures per label and overall, before and after the consensus round. */
export function computeAgreement(db: Db, query: AgreementQuery): AgreementResult {
  const p = prepare(db, query);
  const before = run(p, p.pieces, false);
  const after = settled(p);
  const afterRun = after.count > 0 ? rerun(p, before, after.pieces, after.touched) : before;
  const notes = [...p.notes];
  const rows = p.labels.map((label) => ({ labelId: label.id, label: label.name, colour: label.colour, ...figures(p, before.labels.get(label.id)!) }));
  const single = rows.filter((r) => r.percent === 1 && r.alpha === null).map((r) => r.label);
  if (single.length) notes.push(`No coder used ${single.length === 1 ? `"${single[0]}"` : `${single.length} of the labels`} differently from the rest: with one category only, κ and α are undefined.`);
  if (p.coders.length > 2) notes.push("Cohen's κ compares two coders; with more, see Krippendorff's α.");
  return {
    unit: p.unit,
    speakers: p.speakers,
    coders: codersOf(p),
    documents: p.documents,
    overall: overall(p, before),
    labels: rows,
    after: {
      overall: overall(p, afterRun),
      labels: p.labels.map((label) => {
        const f = figures(p, afterRun.labels.get(label.id)!);
        return { labelId: label.id, percent: f.percent, kappa: f.kappa, alpha: f.alpha, differences: f.differences };
      }),
    },
    settled: after.count,
    notes,
    computedAt: now(),
  };
}

function choiceOf(decision: StoredDecision | undefined): (DecisionChoice & { by: string; at: string }) | null {
  return decision ? { ...decision.choice, by: decision.by, at: decision.at } : null;
}

/** The units × labels on which the coders differ, in document order, each with every coder's version in context. */
export function listDifferences(db: Db, query: AgreementQuery & { limit?: number }): DifferencesResult {
  const p = prepare(db, query);
  const { differences } = run(p, p.pieces, true);
  const limit = query.limit ?? 500;
  const order = new Map(p.documents.map((d, i) => [d.id, i]));
  const labelOrder = new Map(p.labels.map((l, i) => [l.id, i]));
  differences.sort((a, b) => order.get(a.documentId)! - order.get(b.documentId)! || a.unit - b.unit || labelOrder.get(a.labelId)! - labelOrder.get(b.labelId)!);
  const shown = differences.slice(0, limit);
  const details = new Map<string, ReturnType<typeof getDocument>>();
  const labels = new Map(p.labels.map((l) => [l.id, l]));
  const out: AgreementDifference[] = shown.map((d) => {
    const du = p.units.get(d.documentId)!;
    const start = du.units[d.unit * 2]!;
    const end = du.units[d.unit * 2 + 1]!;
    if (!details.has(d.documentId)) details.set(d.documentId, getDocument(db, d.documentId));
    const document = details.get(d.documentId)!;
    const turn = document?.turns.find((t) => t.start <= start && t.end >= end) ?? document?.turns.find((t) => t.end > start && t.start < end);
    const context = turn ? { start: turn.start, end: turn.end, text: document!.text.slice(turn.start, turn.end), speaker: turn.speaker } : { start, end, text: document?.text.slice(start, end) ?? '', speaker: null };
    const label = labels.get(d.labelId)!;
    return {
      key: decisionKey(d.documentId, d.labelId, start, end),
      documentId: d.documentId,
      documentName: document?.name ?? '',
      labelId: d.labelId,
      label: label.name,
      colour: label.colour,
      start,
      end,
      context,
      versions: d.coders.map((c, i) => ({
        coder: p.coders[c]!,
        spans: d.versions[i]!.map((piece) => ({ segmentId: piece.segmentId, start: Math.max(piece.start, start), end: Math.min(piece.end, end) })),
      })),
      decision: choiceOf(p.decisions.get(decisionKey(d.documentId, d.labelId, start, end))),
    };
  });
  return { unit: p.unit, coders: codersOf(p), differences: out, total: differences.length };
}
