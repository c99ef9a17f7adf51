import type { MergeConflict, MergeReport } from '../../../shared/merge.ts';
import type { Db } from '../db/database.ts';
import { canonicalCoder } from '../coders/service.ts';
import { documentText, getDocument, insertDocument } from '../documents/store.ts';
import { withdrawnTests } from './store-withdrawn.ts';
import { labelAliases } from './store-label-aliases.ts';
import { takeTheirs, titleBlockTake } from './store-take.ts';

/**
 * Merging another copy of the project (`other`, opened read-only) into this one (`db`), issue 25.
 *
 * Copies of one project share their ids, so an object is matched by its id first; where two laptops
 * made the same thing separately it is matched by what it is: a document by its text (else its
 * content hash), a participant or attribute by its name, a coding by segment × label × coder, a
 * quote in a concept by concept × segment, and so on. A matched object keeps this copy's version;
 * where the other's differs, it is listed as a conflict for the researcher to choose. Nothing here is
 * ever updated or removed by a merge, so merging the same copy again finds everything matched and
 * writes nothing. Text is never taken from the other copy for a document this copy has: a transcript
 * corrected or withdrawn from here stays as it is here, and the other's segments on it are placed by
 * their words (or listed as not placed).
 *
 * `dry`: counts what would come without writing (a preview).
 */
type Row = Record<string, unknown>;

interface Spec {
  table: string;
  /** Foreign keys: column → the table whose ids it holds (mapped from theirs to ours). */
  fks?: Record<string, string>;
  /** Foreign keys that become NULL when what they point at is not brought in (else the row is left out). */
  nullable?: string[];
  /** Tables without an `id`: the columns of their primary key. */
  key?: string[];
  /** This copy's row for theirs (after mapping), matched by content. */
  natural?: (row: Row) => string | undefined;
  /**
   * The same for a large table, read once: `sql` selects `k` (the content key) and `id` of every row
   * here, `key` makes theirs (after mapping). A lookup per row cost most of a merge of an M copy.
   */
  naturalIndex?: { sql: string; key: (row: Row) => string };
  /** Columns compared on a match: a difference is a conflict (this copy's kept). */
  compare?: string[];
  /** How the report names the object. */
  name?: (row: Row) => string;
  /** Leaves a row out (withdrawn here). */
  skip?: (row: Row) => boolean;
  /** Adjusts a row before it is inserted (a free position); null leaves it out. */
  adjust?: (row: Row) => Row | null;
  /** Parents first (a tree: labels, outline sections). */
  parent?: string;
}

const truncate = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

/** One merge under way: both copies, the ids mapped so far (theirs → ours, by table), and the report. */
class Merging {
  readonly report: MergeReport;
  readonly dry: boolean;
  readonly withdrawn: ReturnType<typeof withdrawnTests>;
  private readonly maps = new Map<string, Map<string, string>>();
  private readonly inserters = new Map<string, { run(row: Row): unknown }>();

  readonly db: Db;
  readonly other: Db;

  constructor(db: Db, other: Db, options: { file: string; dry: boolean }) {
    this.db = db;
    this.other = other;
    this.dry = options.dry;
    this.report = {
      file: options.file,
      added: {},
      matched: {},
      documents: { added: [], matched: [], withdrawn: 0 },
      codings: { added: 0, matched: 0 },
      coders: [],
      conflicts: [],
      labelProposals: [],
      unplaced: [],
      withdrawnParticipants: 0,
      changed: false,
    };
    this.withdrawn = withdrawnTests(db);
  }

  /** Their ids → ours, for one table. */
  mapOf(table: string): Map<string, string> {
    let m = this.maps.get(table);
    if (!m) this.maps.set(table, (m = new Map()));
    return m;
  }

  /** Ours for their id in a table, when it was brought in or matched. */
  ours(table: string, id: string): string | undefined {
    return this.maps.get(table)?.get(id);
  }

  count(what: 'added' | 'matched', table: string): void {
    this.report[what][table] = (this.report[what][table] ?? 0) + 1;
  }

  private has(table: string): boolean {
    return this.other.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) ? true : false;
  }

  rowsOf(table: string): Row[] {
    return this.has(table) ? (this.other.prepare(`SELECT * FROM "${table}"`).all() as Row[]) : [];
  }

  ourRow(table: string, id: string): Row | undefined {
    return this.db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Row | undefined;
  }

  one(sql: string, ...args: unknown[]): string | undefined {
    return this.db.prepare(sql).pluck().get(...args) as string | undefined;
  }

  nextPosition(table: string, where = '', ...args: unknown[]): number {
    return ((this.db.prepare(`SELECT COALESCE(MAX(position), -1) + 1 FROM "${table}" ${where}`).pluck().get(...args) as number) ?? 0);
  }

  insert(table: string, row: Row): void {
    if (this.dry) return;
    const columns = Object.keys(row);
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
    let statement = this.inserters.get(sql);
    if (!statement) this.inserters.set(sql, (statement = this.db.prepare(sql)));
    statement.run(row);
  }

  /** Lists the compared columns where theirs differs from ours as a conflict. */
  conflict(table: string, id: string, name: string, ours: Row, theirs: Row, columns: readonly string[]): void {
    const fields: MergeConflict['fields'] = [];
    for (const column of columns) {
      const a = ours[column] ?? null;
      const b = theirs[column] ?? null;
      if (a === b || (a !== null && b !== null && String(a) === String(b))) continue;
      fields.push({ field: column, ours: truncate(a), theirs: truncate(b), ...takeTheirs(this.db, table, column, ours, theirs) });
    }
    if (fields.length) this.report.conflicts.push({ table, id, name, fields });
  }

  /** Theirs with its foreign keys mapped to ours; null when something it needs was not brought in. */
  private mapped(spec: Spec, theirs: Row): Row | null {
    const row = { ...theirs };
    for (const [column, table] of Object.entries(spec.fks ?? {})) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      const to = this.maps.get(table)?.get(String(value));
      if (to !== undefined) row[column] = to;
      else if (spec.nullable?.includes(column)) row[column] = null;
      else return null;
    }
    return row;
  }

  /** Merges one table by its spec: each row of theirs matched (and compared) or brought in. */
  table(spec: Spec, rows: Row[] = this.rowsOf(spec.table)): void {
    const { db } = this;
    const map = this.mapOf(spec.table);
    const ordered = spec.parent ? parentsFirst(rows, spec.parent) : rows;
    // This copy's rows, read once: a lookup per row of theirs was most of a merge's time.
    const here = spec.key ? null : new Map((db.prepare(`SELECT * FROM "${spec.table}"`).all() as Row[]).map((r) => [String(r.id), r]));
    const index = spec.naturalIndex ? new Map((db.prepare(spec.naturalIndex.sql).all() as Array<{ k: string; id: string }>).map((r) => [r.k, r.id])) : null;
    for (const theirs of ordered) {
      if (spec.skip?.(theirs)) continue;
      const row = this.mapped(spec, theirs);
      if (!row) continue;
      const theirId = spec.key ? spec.key.map((k) => String(theirs[k])).join('|') : String(theirs.id);
      let ours: string | undefined;
      if (here?.has(String(theirs.id))) ours = String(theirs.id);
      ours ??= index ? index.get(spec.naturalIndex!.key(row)) : spec.natural?.(row);
      if (ours !== undefined) {
        map.set(theirId, ours);
        this.count('matched', spec.table);
        if (spec.compare) {
          const mine = spec.key ? (db.prepare(`SELECT * FROM "${spec.table}" WHERE ${spec.key.map((k) => `"${k}" = ?`).join(' AND ')}`).get(...spec.key.map((k) => row[k])) as Row) : (here!.get(ours) ?? this.ourRow(spec.table, ours)!);
          this.conflict(spec.table, ours, spec.name?.(mine) ?? ours, mine, row, spec.compare);
        }
        continue;
      }
      const adjusted = spec.adjust ? spec.adjust(row) : row;
      if (!adjusted) continue;
      this.insert(spec.table, adjusted);
      here?.set(String(adjusted.id), adjusted);
      if (index) index.set(spec.naturalIndex!.key(adjusted), String(adjusted.id));
      map.set(theirId, spec.key ? theirId : String(adjusted.id));
      this.count('added', spec.table);
    }
  }
}

/** Between two steps of a merge: a long call lets other callers in there, reports progress, and may be cancelled. */
export type MergeStepHook = (done: number, total: number, step: string) => Promise<void>;

/** The merge's steps, in order: a parent before what points at it. */
const STEPS = ['coders', 'participants', 'documents', 'speakers', 'guide', 'codebook', 'segments', 'codings', 'memos', 'analysis', 'outline', 'report layout', 'surveys', 'title and labels'] as const;

export async function mergeInto(db: Db, other: Db, options: { file: string; dry: boolean }, between: MergeStepHook = async () => {}): Promise<MergeReport> {
  const m = new Merging(db, other, options);
  let step = 0;
  const next = () => between(++step, STEPS.length, STEPS[step - 1]!);
  mergeCoders(m);
  await next();
  const withdrawnParticipants = mergeParticipants(m);
  await next();
  const { textDiffers, addedDocuments } = mergeDocuments(m, withdrawnParticipants);
  await next();
  mergeSpeakers(m, addedDocuments);
  await next();
  mergeGuide(m, textDiffers);
  await next();
  mergeCodebook(m);
  await next();
  mergeSegments(m, textDiffers);
  await next();
  mergeCodings(m);
  await next();
  mergeMemos(m);
  await next();
  mergeAnalysis(m);
  await next();
  mergeOutline(m);
  await next();
  mergeReportLayout(m);
  await next();
  mergeSurveys(m);
  await next();
  compareTitles(m);
  proposeLabelMerges(m);
  await next();
  m.report.changed = Object.values(m.report.added).some((n) => n > 0);
  return m.report;
}

/** Coders: by id (a coder united here with another maps to the kept one); two laptops' "Anna" stay two. */
function mergeCoders(m: Merging): void {
  const { db, dry, report } = m;
  const coders = m.rowsOf('coders');
  const map = m.mapOf('coders');
  for (const theirs of parentsFirst(coders, 'same_as')) {
    const id = String(theirs.id);
    const here = m.ourRow('coders', id);
    if (here) {
      map.set(id, dry ? id : canonicalCoder(db, id));
      m.count('matched', 'coders');
      m.conflict('coders', id, String(here.name), here, theirs, ['name']);
      report.coders.push({ id, name: String(here.name), added: false });
      continue;
    }
    const sameAs = theirs.same_as === null ? null : (map.get(String(theirs.same_as)) ?? null);
    m.insert('coders', { ...theirs, same_as: sameAs });
    map.set(id, sameAs ?? id);
    m.count('added', 'coders');
    report.coders.push({ id, name: String(theirs.name), added: true });
  }
}

/** Participants (by id, else by name), never one withdrawn here; their attributes. Returns their ids of those withdrawn here. */
function mergeParticipants(m: Merging): Set<string> {
  const withdrawnParticipants = new Set<string>();
  m.table({
    table: 'participants',
    natural: (row) => m.one('SELECT id FROM participants WHERE name = ? COLLATE NOCASE', row.name),
    skip: (row) => {
      const out = m.withdrawn.participant(String(row.id), String(row.name));
      if (out) {
        withdrawnParticipants.add(String(row.id));
        m.report.withdrawnParticipants++;
      }
      return out;
    },
  });
  m.table({ table: 'attributes', natural: (row) => m.one('SELECT id FROM attributes WHERE name = ? COLLATE NOCASE', row.name), compare: ['type'], name: (r) => String(r.name), adjust: (row) => ({ ...row, position: m.nextPosition('attributes') }) });
  m.table({
    table: 'participant_attributes',
    key: ['participant_id', 'attribute_id'],
    fks: { participant_id: 'participants', attribute_id: 'attributes' },
    natural: (row) => m.one('SELECT participant_id FROM participant_attributes WHERE participant_id = ? AND attribute_id = ?', row.participant_id, row.attribute_id),
    compare: ['value'],
    name: (r) => `${m.one('SELECT name FROM participants WHERE id = ?', r.participant_id) ?? ''} · ${m.one('SELECT name FROM attributes WHERE id = ?', r.attribute_id) ?? ''}`,
  });
  return withdrawnParticipants;
}

/**
 * Documents: by id, by text, by content hash; a new one comes with its turns. Their text never
 * replaces ours: where it differs, segments are placed by their words. Returns our text of each
 * matched document whose text differs, and the documents brought in.
 */
function mergeDocuments(m: Merging, withdrawnParticipants: Set<string>): { textDiffers: Map<string, string>; addedDocuments: Set<string> } {
  const { db, other, report } = m;
  const textDiffers = new Map<string, string>();
  const addedDocuments = new Set<string>();
  const map = m.mapOf('documents');
  let byText: Map<string, string> | null = null;
  const ourTexts = () => {
    if (!byText) {
      byText = new Map();
      for (const id of db.prepare('SELECT id FROM documents ORDER BY seq').pluck().all() as string[]) {
        const text = documentText(db, id)!;
        if (!byText.has(text)) byText.set(text, id);
      }
    }
    return byText;
  };
  for (const theirs of m.rowsOf('documents')) {
    const id = String(theirs.id);
    const hash = String(theirs.source_hash);
    if (m.withdrawn.document(id, hash) || (theirs.participant_id !== null && withdrawnParticipants.has(String(theirs.participant_id)))) {
      report.documents.withdrawn++;
      continue;
    }
    const text = documentText(other, id)!;
    let ours: string | undefined;
    let by: 'id' | 'text' | 'hash' = 'id';
    if (m.ourRow('documents', id)) ours = id;
    else if ((ours = ourTexts().get(text)) !== undefined) by = 'text';
    else if ((ours = m.one('SELECT id FROM documents WHERE source_hash = ? ORDER BY seq LIMIT 1', hash)) !== undefined) by = 'hash';
    if (ours !== undefined) {
      const ourText = documentText(db, ours)!;
      map.set(id, ours);
      m.count('matched', 'documents');
      if (ourText !== text) textDiffers.set(ours, ourText);
      report.documents.matched.push({ name: String(m.ourRow('documents', ours)!.name), by, textDiffers: ourText !== text });
      continue;
    }
    const participantId = theirs.participant_id === null ? null : (m.ours('participants', String(theirs.participant_id)) ?? null);
    if (!m.dry) {
      insertTheirDocument(m, id, hash, participantId);
      ourTexts().set(text, id);
    }
    map.set(id, id);
    addedDocuments.add(id);
    m.count('added', 'documents');
    report.documents.added.push(String(theirs.name));
  }
  return { textDiffers, addedDocuments };
}

function insertTheirDocument(m: Merging, id: string, hash: string, participantId: string | null): void {
  const doc = getDocument(m.other, id)!;
  insertDocument(m.db, {
    id,
    name: doc.name,
    kind: doc.kind,
    participantId,
    text: doc.text,
    wordCount: doc.wordCount,
    sourceName: doc.sourceName,
    sourceHash: hash,
    importer: doc.importer,
    importedAt: doc.importedAt,
    importedBy: doc.importedBy,
    turns: doc.turns,
  });
}

function mergeSpeakers(m: Merging, addedDocuments: Set<string>): void {
  const ourSpeakers = (documentId: string) => JSON.parse(m.one('SELECT speakers FROM documents WHERE id = ?', documentId) ?? '[]') as string[];
  m.table({
    table: 'speakers',
    fks: { document_id: 'documents', participant_id: 'participants' },
    nullable: ['participant_id'],
    natural: (row) => m.one('SELECT id FROM speakers WHERE document_id = ? AND name = ?', row.document_id, row.name),
    compare: ['role', 'participant_id', 'confirmed'],
    name: (r) => String(r.name),
    // A name that no longer speaks in this copy's transcript (withdrawn from a focus group) does not come back.
    skip: (row) => {
      const documentId = m.ours('documents', String(row.document_id));
      return documentId !== undefined && !addedDocuments.has(documentId) && !ourSpeakers(documentId).includes(String(row.name));
    },
  });
}

/** The interview guide. */
function mergeGuide(m: Merging, textDiffers: Map<string, string>): void {
  m.table({
    table: 'guide_sections',
    natural: (row) => m.one('SELECT id FROM guide_sections WHERE lower(title) = lower(?)', row.title),
    adjust: (row) => ({ ...row, position: m.nextPosition('guide_sections') }),
  });
  m.table({
    table: 'guide_questions',
    fks: { section_id: 'guide_sections' },
    natural: (row) => m.one('SELECT id FROM guide_questions WHERE section_id = ? AND text = ?', row.section_id, row.text),
    compare: ['question_type'],
    name: (r) => String(r.text),
    adjust: (row) => ({ ...row, position: m.nextPosition('guide_questions', 'WHERE section_id = ?', row.section_id) }),
  });
  m.table({
    table: 'guide_spans',
    fks: { document_id: 'documents', section_id: 'guide_sections', question_id: 'guide_questions' },
    nullable: ['question_id'],
    natural: (row) => m.one('SELECT id FROM guide_spans WHERE document_id = ? AND section_id = ? AND question_id IS ? AND start = ? AND end = ?', row.document_id, row.section_id, row.question_id, row.start, row.end),
    // A guide mark keeps no words of its own: on a transcript whose text differs here it cannot be placed.
    adjust: (row) => (textDiffers.has(String(row.document_id)) ? null : row),
  });
}

/** The codebook. A label merged away here (labels/merge) maps to the label it went into. */
function mergeCodebook(m: Merging): void {
  const aliases = labelAliases(m.db);
  const map = m.mapOf('labels');
  for (const id of m.other.prepare('SELECT id FROM labels').pluck().all() as string[]) {
    let to = aliases.get(id);
    if (to === undefined || m.ourRow('labels', id)) continue;
    for (let i = 0; i < 32 && aliases.has(to); i++) to = aliases.get(to)!;
    if (!m.ourRow('labels', to)) continue;
    map.set(id, to);
    m.count('matched', 'labels');
  }
  const aliased = new Set(map.keys());
  m.table({
    skip: (row) => aliased.has(String(row.id)),
    table: 'labels',
    fks: { parent_id: 'labels' },
    nullable: ['parent_id'],
    parent: 'parent_id',
    compare: ['name', 'definition', 'inclusion', 'exclusion', 'example', 'colour'],
    name: (r) => String(r.name),
  });
}

/**
 * Segments: on a transcript whose text differs here, placed where their words are (nearest to where
 * they were); a segment whose words are not here is not brought in, and listed.
 */
function mergeSegments(m: Merging, textDiffers: Map<string, string>): void {
  const unplaced = new Map<string, { segments: number; codings: number }>();
  const theirCodingsOf = m.other.prepare('SELECT COUNT(*) FROM codings WHERE segment_id = ?').pluck();
  m.table({
    table: 'segments',
    fks: { document_id: 'documents' },
    compare: ['start', 'end', 'text'],
    name: (r) => truncate(r.text).slice(0, 60),
    adjust: (row) => {
      const ourText = textDiffers.get(String(row.document_id));
      if (ourText === undefined) return row;
      const words = String(row.text);
      const start = Number(row.start);
      if (words !== '' && ourText.slice(start, Number(row.end)) === words) return row;
      const at = words === '' ? -1 : nearest(ourText, words, start);
      if (at >= 0) return { ...row, start: at, end: at + words.length };
      const name = m.one('SELECT name FROM documents WHERE id = ?', row.document_id) ?? '';
      const entry = unplaced.get(name) ?? { segments: 0, codings: 0 };
      entry.segments++;
      entry.codings += theirCodingsOf.get(row.id) as number;
      unplaced.set(name, entry);
      return null;
    },
  });
  m.report.unplaced = [...unplaced].map(([document, n]) => ({ document, ...n }));
}

function mergeCodings(m: Merging): void {
  m.table({
    table: 'codings',
    fks: { segment_id: 'segments', label_id: 'labels', coder: 'coders' },
    naturalIndex: { sql: "SELECT segment_id || '|' || label_id || '|' || coder AS k, id FROM codings", key: (row) => `${String(row.segment_id)}|${String(row.label_id)}|${String(row.coder)}` },
  });
  m.report.codings = { added: m.report.added.codings ?? 0, matched: m.report.matched.codings ?? 0 };
}

/** Memos on anything: their target mapped by its kind. */
function mergeMemos(m: Merging): void {
  const kinds: Record<string, string> = { document: 'documents', participant: 'participants', label: 'labels', segment: 'segments' };
  const rows = m.rowsOf('memos').flatMap((row) => {
    if (row.target_kind === 'project') return [row];
    const to = m.ours(kinds[String(row.target_kind)]!, String(row.target_id));
    return to === undefined ? [] : [{ ...row, target_id: to }];
  });
  m.table({ table: 'memos', compare: ['title', 'body_text'], name: (r) => String(r.title || truncate(r.body_text).slice(0, 60)) }, rows);
}

/** A table tying two others, matched by the pair. */
const pair = (table: string, a: string, b: string, fa: string, fb: string): Spec => ({
  table,
  fks: { [a]: fa, [b]: fb },
  naturalIndex: { sql: `SELECT "${a}" || '|' || "${b}" AS k, id FROM "${table}"`, key: (row) => `${String(row[a])}|${String(row[b])}` },
});

/** Rounds 2 and 3. */
function mergeAnalysis(m: Merging): void {
  m.table({ table: 'concepts', compare: ['name', 'definition', 'colour'], name: (r) => String(r.name) });
  m.table(pair('concept_labels', 'concept_id', 'label_id', 'concepts', 'labels'));
  m.table(pair('concept_segments', 'concept_id', 'segment_id', 'concepts', 'segments'));
  m.table({
    table: 'relation_types',
    natural: (row) => (row.key !== null ? m.one('SELECT id FROM relation_types WHERE key = ?', row.key) : m.one('SELECT id FROM relation_types WHERE name = ?', row.name)),
    adjust: (row) => ({ ...row, position: m.nextPosition('relation_types') }),
  });
  m.table({
    table: 'concept_links',
    fks: { source_id: 'concepts', target_id: 'concepts', relation_type_id: 'relation_types' },
    natural: (row) => m.one('SELECT id FROM concept_links WHERE source_id = ? AND target_id = ? AND relation_type_id = ?', row.source_id, row.target_id, row.relation_type_id),
    compare: ['memo'],
    name: () => 'link',
  });
  // A concept's place on the map is layout, not analysis: this copy's is kept without a conflict.
  m.table({ table: 'map_positions', fks: { id: 'concepts' }, natural: (row) => (m.ourRow('map_positions', String(row.id)) ? String(row.id) : undefined) });
  m.table({
    table: 'learning_questions',
    fks: { source_segment_id: 'segments' },
    nullable: ['source_segment_id'],
    compare: ['question', 'kind', 'level', 'memo'],
    name: (r) => String(r.question),
  });
  m.table(pair('learning_question_concepts', 'learning_question_id', 'concept_id', 'learning_questions', 'concepts'));
  m.table(pair('learning_question_segments', 'learning_question_id', 'segment_id', 'learning_questions', 'segments'));
  m.table({ table: 'tensions', compare: ['title', 'pole_a', 'pole_b', 'group_name', 'memo'], name: (r) => String(r.title) });
  m.table({ table: 'tension_statements', fks: { tension_id: 'tensions' }, compare: ['kind', 'text'], name: (r) => truncate(r.text).slice(0, 60) });
  m.table({ ...pair('tension_quotes', 'tension_id', 'segment_id', 'tensions', 'segments'), compare: ['pole'], name: () => 'quote' });
  m.table(pair('tension_concepts', 'tension_id', 'concept_id', 'tensions', 'concepts'));
}

function mergeOutline(m: Merging): void {
  m.table({
    table: 'outline_sections',
    fks: { parent_id: 'outline_sections', tie_learning_question_id: 'learning_questions', tie_tension_id: 'tensions', tie_concept_id: 'concepts', tie_label_id: 'labels' },
    nullable: ['tie_learning_question_id', 'tie_tension_id', 'tie_concept_id', 'tie_label_id'],
    parent: 'parent_id',
    compare: ['title', 'text', 'numbering', 'item_numbering'],
    name: (r) => String(r.title),
  });
  m.table({ table: 'outline_items', fks: { section_id: 'outline_sections', segment_id: 'segments' }, compare: ['kind', 'title', 'text'], name: (r) => truncate(r.title || r.text).slice(0, 60) });
}

/**
 * The title block: taken whole when this copy has none; otherwise line by line by id, and a title
 * block the other copy changed is listed. Then the report's layout.
 */
function mergeReportLayout(m: Merging): void {
  const theirs = m.rowsOf('report_title_lines');
  const ours = m.db.prepare('SELECT * FROM report_title_lines ORDER BY position').all() as Row[];
  if (ours.length === 0) {
    for (const row of theirs) {
      m.insert('report_title_lines', row);
      m.count('added', 'report_title_lines');
    }
  } else {
    const block = (rows: Row[]) => [...rows].sort((a, b) => Number(a.position) - Number(b.position)).map((r) => `${String(r.kind)}: ${String(r.text)}`).join('\n');
    for (const row of theirs) if (ours.some((o) => o.id === row.id)) m.count('matched', 'report_title_lines');
    if (theirs.length > 0 && block(ours) !== block(theirs)) {
      m.report.conflicts.push({ table: 'report_title_lines', id: 'title-block', name: 'title block', fields: [{ field: 'lines', ours: block(ours), theirs: block(theirs), take: titleBlockTake(m.other) }] });
    }
  }
  m.table({ table: 'report_settings', compare: ['quote_style', 'quotation_marks', 'attribution', 'level_numbering'], name: () => 'report layout' });
}

/** Questionnaires. */
function mergeSurveys(m: Merging): void {
  m.table({ table: 'surveys', natural: (row) => m.one('SELECT id FROM surveys WHERE source_hash = ?', row.source_hash) });
  m.table({
    table: 'survey_items',
    fks: { survey_id: 'surveys' },
    natural: (row) => m.one('SELECT id FROM survey_items WHERE survey_id = ? AND position = ?', row.survey_id, row.position),
    compare: ['dimension', 'reversed'],
    name: (r) => String(r.header),
  });
  m.table({
    table: 'survey_answers',
    key: ['item_id', 'participant_id'],
    fks: { item_id: 'survey_items', participant_id: 'participants' },
    natural: (row) => m.one('SELECT item_id FROM survey_answers WHERE item_id = ? AND participant_id = ?', row.item_id, row.participant_id),
    compare: ['value'],
  });
}

/** The project's title. */
function compareTitles(m: Merging): void {
  const theirs = m.other.prepare("SELECT value FROM project_meta WHERE key = 'title'").pluck().get() as string | undefined;
  const ours = m.one("SELECT value FROM project_meta WHERE key = 'title'");
  if (theirs !== undefined && ours !== undefined && theirs !== ours) m.report.conflicts.push({ table: 'project_meta', id: 'title', name: 'title', fields: [{ field: 'title', ours, theirs, why: 'projectTitle' }] });
}

/** Labels both copies made with the same name: proposed for a merge (the researcher decides). */
function proposeLabelMerges(m: Merging): void {
  const theirIds = new Set((m.other.prepare('SELECT id FROM labels').pluck().all() as string[]));
  const key = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('nl');
  const ourLabels = m.db.prepare('SELECT id, name FROM labels').all() as Array<{ id: string; name: string }>;
  const onlyOurs = new Map<string, { id: string; name: string }>();
  for (const l of ourLabels) if (!theirIds.has(l.id)) onlyOurs.set(key(l.name), l);
  for (const l of m.other.prepare('SELECT id, name FROM labels').all() as Array<{ id: string; name: string }>) {
    const ours = onlyOurs.get(key(l.name));
    if (ours && ours.id !== l.id && m.mapOf('labels').get(l.id) === l.id) m.report.labelProposals.push({ ours, theirs: l });
  }
}


/** Rows ordered so that a row's parent (in the same table) comes before it. */
function parentsFirst(rows: Row[], parent: string): Row[] {
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const out: Row[] = [];
  const done = new Set<string>();
  const visit = (row: Row, depth: number) => {
    const id = String(row.id);
    if (done.has(id)) return;
    const up = row[parent];
    if (up !== null && up !== undefined && depth < 1000) {
      const p = byId.get(String(up));
      if (p) visit(p, depth + 1);
    }
    if (done.has(id)) return;
    done.add(id);
    out.push(row);
  };
  for (const row of rows) visit(row, 0);
  return out;
}

/** The occurrence of `words` in `text` nearest to `near`; -1 when there is none. */
function nearest(text: string, words: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break;
  }
  return best;
}
