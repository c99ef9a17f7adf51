import type { Label, LabelOrigin } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';

const FIELDS = `l.id, l.name, l.parent_id AS parentId, l.position, l.colour, l.definition, l.definition_rich AS definitionRich, l.inclusion, l.exclusion,
         l.example, l.origin, l.round, l.created_by AS createdBy, l.created_at AS createdAt`;

/** A label as stored, without its counts (services/label-counts.ts adds them: they follow the speakers). */
export type LabelRow = Omit<Label, 'segmentCount' | 'documentCount' | 'branchSegmentCount' | 'branchDocumentCount'>;

/** Every label, in codebook order. */
export function labelRows(db: Db): LabelRow[] {
  return db.prepare(`SELECT ${FIELDS} FROM labels l ORDER BY l.position, l.name COLLATE NOCASE`).all() as LabelRow[];
}

export function labelRow(db: Db, id: string): LabelRow | undefined {
  return db.prepare(`SELECT ${FIELDS} FROM labels l WHERE l.id = ?`).get(id) as LabelRow | undefined;
}

/** Every label's parent (null at the top level). */
export function labelParents(db: Db): Map<string, string | null> {
  return new Map(db.prepare('SELECT id, parent_id FROM labels').raw().all() as Array<[string, string | null]>);
}

/** Each coding of these labels with its segment's span (inside a write, where the coding index is not kept). */
export function codedSpansOf(db: Db, labelIds: readonly string[]): Array<[label: string, segment: string, document: string, start: number, end: number]> {
  if (labelIds.length === 0) return [];
  return db
    .prepare('SELECT c.label_id, s.id, s.document_id, s.start, s.end FROM json_each(?) j JOIN codings c ON c.label_id = j.value JOIN segments s ON s.id = c.segment_id')
    .raw()
    .all(JSON.stringify(labelIds)) as Array<[string, string, string, number, number]>;
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
