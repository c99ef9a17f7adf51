import type { Db } from '../db/database.ts';

/**
 * Row history: triggers (migration 0002) copy every row that a write inserts, updates or deletes in
 * the tracked tables into change_rows, under the change-log entry of that write. Undo replays a
 * change's rows backwards, redo forwards; both are writes of their own, so the audit trail keeps them.
 */
const TRACKED = new Set([
  'labels',
  'segments',
  'codings',
  'memos',
  'guide_spans',
  // The interview guide itself (migration 0007), so that replacing it is undone with its write.
  'guide_sections',
  'guide_questions',
  // Rounds 2 and 3 (migration 0006).
  'concepts',
  'concept_labels',
  'concept_segments',
  'relation_types',
  'concept_links',
  'map_positions',
  'learning_questions',
  'learning_question_concepts',
  'learning_question_segments',
  'tensions',
  'tension_statements',
  'tension_quotes',
  'tension_concepts',
  'outline_sections',
  'outline_items',
]);

interface ChangeRow {
  tbl: string;
  op: 'insert' | 'update' | 'delete';
  row_id: string;
  before: string | null;
  after: string | null;
}

export function beginChange(db: Db, change: { at: string; coder: string; action: string }): number {
  const id = Number(
    db.prepare("INSERT INTO change_log (at, coder, action, summary) VALUES (@at, @coder, @action, '')").run(change).lastInsertRowid,
  );
  db.prepare('UPDATE write_context SET change_id = ? WHERE one = 1').run(id);
  return id;
}

export function endChange(db: Db, id: number, summary: string, detail: string | null, links: { undoOf?: number; redoOf?: number } = {}): number {
  db.prepare('UPDATE write_context SET change_id = NULL WHERE one = 1').run();
  db.prepare('UPDATE change_log SET summary = ?, detail = ?, undo_of = ?, redo_of = ? WHERE id = ?').run(
    summary,
    detail,
    links.undoOf ?? null,
    links.redoOf ?? null,
    id,
  );
  return (db.prepare('SELECT COUNT(*) AS n FROM change_rows WHERE change_id = ?').get(id) as { n: number }).n;
}

export function changeSummary(db: Db, id: number): string {
  return (db.prepare('SELECT summary FROM change_log WHERE id = ?').get(id) as { summary: string } | undefined)?.summary ?? '';
}

function columnsOf(db: Db, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name));
}

function write(db: Db, table: string, op: 'insert' | 'update' | 'delete', rowId: string, image: string | null): void {
  if (!TRACKED.has(table)) throw new Error(`Not a tracked table: ${table}`);
  if (op === 'delete') {
    db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(rowId);
    return;
  }
  const values = JSON.parse(image!) as Record<string, unknown>;
  const known = columnsOf(db, table);
  const columns = Object.keys(values).filter((c) => known.has(c));
  if (op === 'insert') {
    db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
  } else {
    const sets = columns.filter((c) => c !== 'id').map((c) => `"${c}" = @${c}`).join(', ');
    db.prepare(`UPDATE "${table}" SET ${sets} WHERE id = @id`).run(values);
  }
}

/** Replays one change: backwards (undo) or forwards (redo), inside the caller's transaction. */
export function replayChange(db: Db, id: number, direction: 'backward' | 'forward'): number {
  const rows = db
    .prepare(`SELECT tbl, op, row_id, before, after FROM change_rows WHERE change_id = ? ORDER BY seq ${direction === 'backward' ? 'DESC' : 'ASC'}`)
    .all(id) as ChangeRow[];
  // Rows come back in an order that may briefly break a foreign key (a coding before its label);
  // the keys are checked when the transaction commits.
  db.pragma('defer_foreign_keys = ON');
  for (const row of rows) {
    if (direction === 'backward') {
      if (row.op === 'insert') write(db, row.tbl, 'delete', row.row_id, null);
      else if (row.op === 'delete') write(db, row.tbl, 'insert', row.row_id, row.before);
      else write(db, row.tbl, 'update', row.row_id, row.before);
    } else {
      write(db, row.tbl, row.op, row.row_id, row.op === 'delete' ? null : row.after);
    }
  }
  return rows.length;
}
