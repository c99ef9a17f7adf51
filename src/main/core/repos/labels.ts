import type { Label, LabelOrigin } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';
import { codingIndex } from './coding-index.ts';

const FIELDS = `l.id, l.name, l.parent_id AS parentId, l.position, l.colour, l.definition, l.definition_rich AS definitionRich, l.inclusion, l.exclusion,
         l.example, l.origin, l.round, l.created_by AS createdBy, l.created_at AS createdAt`;

// One label: its counts through the codings_label index.
const SELECT = `
  SELECT ${FIELDS},
         (SELECT COUNT(DISTINCT c.segment_id) FROM codings c WHERE c.label_id = l.id) AS segmentCount,
         (SELECT COUNT(DISTINCT s.document_id) FROM codings c JOIN segments s ON s.id = c.segment_id WHERE c.label_id = l.id) AS documentCount
  FROM labels l`;

/**
 * All labels with their counts. The counts come from the coding index (coding-index.ts), which
 * holds every coding with its segment's document: a grouped query joining all codings to their
 * segments cost 0.2–0.5 s at 62,000 codings, on every refresh of the codebook.
 */
export function listLabels(db: Db): Label[] {
  const rows = db.prepare(`SELECT ${FIELDS} FROM labels l ORDER BY l.position, l.name COLLATE NOCASE`).all() as Array<Omit<Label, 'segmentCount' | 'documentCount'>>;
  const index = codingIndex(db);
  return rows.map((row) => {
    const tally = index.labels.get(row.id);
    return { ...row, segmentCount: tally?.segments ?? 0, documentCount: tally?.documents.size ?? 0 };
  });
}

export function getLabel(db: Db, id: string): Label | undefined {
  return db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as Label | undefined;
}

/** A label by name among its siblings (names are unique per parent, in any case). */
export function findSibling(db: Db, parentId: string | null, name: string): { id: string } | undefined {
  return db
    .prepare('SELECT id FROM labels WHERE parent_id IS ? AND name = ? COLLATE NOCASE')
    .get(parentId, name) as { id: string } | undefined;
}

/** Labels with this name anywhere in the tree. */
export function findByName(db: Db, name: string): Array<{ id: string }> {
  return db.prepare('SELECT id FROM labels WHERE name = ? COLLATE NOCASE ORDER BY position').all(name) as Array<{ id: string }>;
}

export interface NewLabel {
  id: string;
  name: string;
  parentId: string | null;
  colour: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  origin: LabelOrigin;
  round: number;
  createdBy: string;
  createdAt: string;
}

export function insertLabel(db: Db, label: NewLabel): void {
  const position = (db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS p FROM labels WHERE parent_id IS ?').get(label.parentId) as { p: number }).p;
  db.prepare(
    `INSERT INTO labels (id, name, parent_id, position, colour, definition, inclusion, exclusion, example, origin, round, created_by, created_at)
     VALUES (@id, @name, @parentId, @position, @colour, @definition, @inclusion, @exclusion, @example, @origin, @round, @createdBy, @createdAt)`,
  ).run({ ...label, position });
}

const COLUMNS: Record<string, string> = {
  name: 'name',
  parentId: 'parent_id',
  position: 'position',
  colour: 'colour',
  definition: 'definition',
  definitionRich: 'definition_rich',
  inclusion: 'inclusion',
  exclusion: 'exclusion',
  example: 'example',
};

export function updateLabelRow(db: Db, id: string, patch: Partial<Record<keyof typeof COLUMNS, string | number | null>>): void {
  const entries = Object.entries(patch).filter(([key, value]) => key in COLUMNS && value !== undefined);
  if (entries.length === 0) return;
  db.prepare(`UPDATE labels SET ${entries.map(([key]) => `${COLUMNS[key]} = @${key}`).join(', ')} WHERE id = @id`).run({ ...Object.fromEntries(entries), id });
}

export function ancestors(db: Db, id: string): string[] {
  return (
    db
      .prepare(
        `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM labels WHERE id = ?
           UNION ALL SELECT l.id, l.parent_id FROM labels l JOIN up ON l.id = up.parent_id)
         SELECT id FROM up`,
      )
      .all(id) as Array<{ id: string }>
  ).map((r) => r.id);
}

export function reparentChildren(db: Db, fromId: string, toId: string | null): void {
  db.prepare('UPDATE labels SET parent_id = ? WHERE parent_id = ?').run(toId, fromId);
}

export function deleteLabelRow(db: Db, id: string): void {
  db.prepare('DELETE FROM labels WHERE id = ?').run(id);
}

export function usedColours(db: Db): string[] {
  return (db.prepare('SELECT colour FROM labels').all() as Array<{ colour: string }>).map((r) => r.colour);
}
