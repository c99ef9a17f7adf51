import type { OutlineChart, OutlineItem, OutlineItemKind, OutlineSection, OutlineTieKind } from '../../../shared/analysis.ts';
import type { Db } from '../db/database.ts';

export type SectionRow = Omit<OutlineSection, 'items'>;

/** A tie is one of four nullable keys (see 0006); this is the one place that maps kind ↔ column. */
const TIE_COLUMNS: Record<OutlineTieKind, string> = {
  'learning-question': 'tie_learning_question_id',
  tension: 'tie_tension_id',
  concept: 'tie_concept_id',
  label: 'tie_label_id',
};

function tieValues(tie: SectionRow['tie']): Record<string, string | null> {
  return Object.fromEntries(Object.entries(TIE_COLUMNS).map(([kind, column]) => [column, tie?.kind === kind ? tie.id : null]));
}

export function sectionRows(db: Db): SectionRow[] {
  const rows = db
    .prepare(
      `SELECT id, parent_id AS parentId, position, title, text, rich, numbering, item_numbering AS itemNumbering,
              tie_learning_question_id, tie_tension_id, tie_concept_id, tie_label_id
       FROM outline_sections ORDER BY position, rowid`,
    )
    .all() as Array<Omit<SectionRow, 'tie'> & Record<string, string | null>>;
  return rows.map((row) => {
    const kind = (Object.keys(TIE_COLUMNS) as OutlineTieKind[]).find((k) => row[TIE_COLUMNS[k]] !== null);
    const { id, parentId, position, title, text, rich, numbering, itemNumbering } = row;
    return { id, parentId, position, title, text, rich, numbering, itemNumbering, tie: kind ? { kind, id: row[TIE_COLUMNS[kind]]! } : null };
  });
}

export function sectionExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM outline_sections WHERE id = ?').get(id) !== undefined;
}

export function insertSection(db: Db, row: Omit<SectionRow, 'numbering' | 'itemNumbering'>): void {
  db.prepare(
    `INSERT INTO outline_sections (id, parent_id, position, title, text, rich, tie_learning_question_id, tie_tension_id, tie_concept_id, tie_label_id)
     VALUES (@id, @parentId, @position, @title, @text, @rich, @tie_learning_question_id, @tie_tension_id, @tie_concept_id, @tie_label_id)`,
  ).run({ id: row.id, parentId: row.parentId, position: row.position, title: row.title, text: row.text, rich: row.rich, ...tieValues(row.tie) });
}

export function updateSection(db: Db, row: Pick<SectionRow, 'id' | 'title' | 'text' | 'rich' | 'tie' | 'numbering' | 'itemNumbering'>): void {
  db.prepare(
    `UPDATE outline_sections SET title = @title, text = @text, rich = @rich, numbering = @numbering, item_numbering = @itemNumbering,
            tie_learning_question_id = @tie_learning_question_id, tie_tension_id = @tie_tension_id, tie_concept_id = @tie_concept_id, tie_label_id = @tie_label_id
     WHERE id = @id AND NOT (title = @title AND text = @text AND rich IS @rich AND numbering IS @numbering AND item_numbering IS @itemNumbering
            AND tie_learning_question_id IS @tie_learning_question_id
            AND tie_tension_id IS @tie_tension_id AND tie_concept_id IS @tie_concept_id AND tie_label_id IS @tie_label_id)`,
  ).run({ id: row.id, title: row.title, text: row.text, rich: row.rich, numbering: row.numbering, itemNumbering: row.itemNumbering, ...tieValues(row.tie) });
}

/** Whether the thing a tie names exists. */
export function tieTargetExists(db: Db, tie: NonNullable<SectionRow['tie']>): boolean {
  const table = { 'learning-question': 'learning_questions', tension: 'tensions', concept: 'concepts', label: 'labels' }[tie.kind];
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(tie.id) !== undefined;
}

export function deleteSection(db: Db, id: string): void {
  db.prepare('DELETE FROM outline_origins WHERE section_id = ?').run(id);
  db.prepare('DELETE FROM outline_sections WHERE id = ?').run(id);
}

export function deleteAllOutline(db: Db): void {
  db.prepare('DELETE FROM outline_quote_edits').run();
  db.prepare('DELETE FROM outline_origins').run();
  db.prepare('DELETE FROM outline_items').run();
  // Children before parents, so that no row goes by cascade (each one is recorded by its own delete).
  db.prepare(
    `WITH RECURSIVE tree (id, depth) AS (
       SELECT id, 0 FROM outline_sections WHERE parent_id IS NULL
       UNION ALL SELECT s.id, t.depth + 1 FROM outline_sections s JOIN tree t ON s.parent_id = t.id)
     SELECT id FROM tree ORDER BY depth DESC`,
  )
    .all()
    .forEach((row) => deleteSection(db, (row as { id: string }).id));
}

const ITEM = `SELECT id, section_id AS sectionId, kind, position, segment_id AS segmentId, text, title, rich, chart FROM outline_items`;

type ItemRow = Omit<OutlineItem, 'chart'> & { chart: string | null };
/** A chart item's chart as stored (JSON); every other item has none. */
const itemOf = ({ chart, ...row }: ItemRow): OutlineItem => (chart === null ? row : { ...row, chart: JSON.parse(chart) as OutlineChart });

export function itemRows(db: Db): OutlineItem[] {
  return (db.prepare(`${ITEM} ORDER BY position, rowid`).all() as ItemRow[]).map(itemOf);
}

export function itemRow(db: Db, id: string): OutlineItem | undefined {
  const row = db.prepare(`${ITEM} WHERE id = ?`).get(id) as ItemRow | undefined;
  return row && itemOf(row);
}

export function insertItem(
  db: Db,
  row: { id: string; sectionId: string; kind: OutlineItemKind; position: number; segmentId: string | null; text: string; title: string; rich: string | null; chart?: OutlineChart | null },
): void {
  db.prepare(
    'INSERT INTO outline_items (id, section_id, kind, position, segment_id, text, title, rich, chart) VALUES (@id, @sectionId, @kind, @position, @segmentId, @text, @title, @rich, @chart)',
  ).run({ ...row, chart: row.chart ? JSON.stringify(row.chart) : null });
}

export function updateItem(db: Db, id: string, fields: { text: string; title: string; rich: string | null; chart?: OutlineChart | null }): void {
  const chart = fields.chart ? JSON.stringify(fields.chart) : null;
  db.prepare(
    'UPDATE outline_items SET text = @text, title = @title, rich = @rich, chart = @chart WHERE id = @id AND NOT (text = @text AND title = @title AND rich IS @rich AND chart IS @chart)',
  ).run({ id, text: fields.text, title: fields.title, rich: fields.rich, chart });
}

export function deleteItem(db: Db, id: string): void {
  db.prepare('DELETE FROM outline_quote_edits WHERE id = ?').run(id);
  db.prepare('DELETE FROM outline_origins WHERE item_id = ?').run(id);
  db.prepare('DELETE FROM outline_items WHERE id = ?').run(id);
}

export function outlineSize(db: Db): { sections: number; items: number } {
  return db.prepare('SELECT (SELECT COUNT(*) FROM outline_sections) AS sections, (SELECT COUNT(*) FROM outline_items) AS items').get() as {
    sections: number;
    items: number;
  };
}

export interface QuoteEditRow {
  itemId: string;
  text: string;
  checkedText: string;
}

export function quoteEditRows(db: Db): QuoteEditRow[] {
  return db.prepare('SELECT id AS itemId, text, checked_text AS checkedText FROM outline_quote_edits').all() as QuoteEditRow[];
}

/** Sets an item's edited form, or (text null) takes it away: the quote prints verbatim again. */
export function setQuoteEdit(db: Db, itemId: string, edit: { text: string; checkedText: string } | null): void {
  if (edit === null) {
    db.prepare('DELETE FROM outline_quote_edits WHERE id = ?').run(itemId);
    return;
  }
  db.prepare(
    `INSERT INTO outline_quote_edits (id, text, checked_text) VALUES (@itemId, @text, @checkedText)
     ON CONFLICT (id) DO UPDATE SET text = excluded.text, checked_text = excluded.checked_text
     WHERE NOT (text = excluded.text AND checked_text = excluded.checked_text)`,
  ).run({ itemId, ...edit });
}

export interface OriginRow {
  sectionId: string | null;
  itemId: string | null;
  origin: string;
}

export function originRows(db: Db): OriginRow[] {
  return db.prepare('SELECT section_id AS sectionId, item_id AS itemId, origin FROM outline_origins ORDER BY rowid').all() as OriginRow[];
}

export function insertOrigin(db: Db, id: string, target: { sectionId: string } | { itemId: string }, origin: string): void {
  db.prepare('INSERT INTO outline_origins (id, section_id, item_id, origin) VALUES (?, ?, ?, ?)').run(
    id,
    'sectionId' in target ? target.sectionId : null,
    'itemId' in target ? target.itemId : null,
    origin,
  );
}
