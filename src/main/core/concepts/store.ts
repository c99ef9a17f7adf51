import type { Concept } from '../../../shared/analysis.ts';
import type { Db } from '../db/database.ts';

/** A concept's own columns; members and counts are gathered separately. */
export type ConceptRow = Pick<Concept, 'id' | 'name' | 'definition' | 'definitionRich' | 'colour' | 'position' | 'createdBy' | 'createdAt'>;

const SELECT = `SELECT id, name, definition, definition_rich AS definitionRich, colour, position, created_by AS createdBy, created_at AS createdAt FROM concepts`;

export function conceptRows(db: Db): ConceptRow[] {
  return db.prepare(`${SELECT} ORDER BY position, rowid`).all() as ConceptRow[];
}

export function conceptRow(db: Db, id: string): ConceptRow | undefined {
  return db.prepare(`${SELECT} WHERE id = ?`).get(id) as ConceptRow | undefined;
}

/** Label and direct-segment members of every concept (or one), each list in its order. */
export function conceptMembers(db: Db, only: string | null = null): { labels: Map<string, string[]>; segments: Map<string, string[]> } {
  const group = (table: 'concept_labels' | 'concept_segments', column: 'label_id' | 'segment_id') => {
    const map = new Map<string, string[]>();
    const rows = db
      .prepare(`SELECT concept_id AS conceptId, ${column} AS memberId FROM ${table} WHERE ? IS NULL OR concept_id = ? ORDER BY position, rowid`)
      .all(only, only) as Array<{ conceptId: string; memberId: string }>;
    for (const row of rows) map.set(row.conceptId, [...(map.get(row.conceptId) ?? []), row.memberId]);
    return map;
  };
  return { labels: group('concept_labels', 'label_id'), segments: group('concept_segments', 'segment_id') };
}

export function insertConcept(db: Db, row: ConceptRow): void {
  db.prepare(
    `INSERT INTO concepts (id, name, definition, definition_rich, colour, position, created_by, created_at)
     VALUES (@id, @name, @definition, @definitionRich, @colour, @position, @createdBy, @createdAt)`,
  ).run(row);
}

export function updateConceptRow(db: Db, id: string, patch: { name: string; definition: string; definitionRich: string | null; colour: string }): void {
  db.prepare(
    `UPDATE concepts SET name = @name, definition = @definition, definition_rich = @definitionRich, colour = @colour
     WHERE id = @id AND NOT (name = @name AND definition = @definition AND definition_rich IS @definitionRich AND colour = @colour)`,
  ).run({ id, ...patch });
}

export function deleteConceptRow(db: Db, id: string): void {
  db.prepare('DELETE FROM concepts WHERE id = ?').run(id);
}

export function conceptColours(db: Db): string[] {
  return (db.prepare('SELECT colour FROM concepts').all() as Array<{ colour: string }>).map((r) => r.colour);
}

export function insertConceptLabel(db: Db, row: { id: string; conceptId: string; labelId: string; position: number }): void {
  db.prepare('INSERT INTO concept_labels (id, concept_id, label_id, position) VALUES (@id, @conceptId, @labelId, @position) ON CONFLICT DO NOTHING').run(row);
}

export function deleteConceptLabel(db: Db, conceptId: string, labelId: string): number {
  return db.prepare('DELETE FROM concept_labels WHERE concept_id = ? AND label_id = ?').run(conceptId, labelId).changes;
}

export function insertConceptSegment(db: Db, row: { id: string; conceptId: string; segmentId: string; position: number }): void {
  db.prepare('INSERT INTO concept_segments (id, concept_id, segment_id, position) VALUES (@id, @conceptId, @segmentId, @position) ON CONFLICT DO NOTHING').run(row);
}

export function deleteConceptSegment(db: Db, conceptId: string, segmentId: string): number {
  return db.prepare('DELETE FROM concept_segments WHERE concept_id = ? AND segment_id = ?').run(conceptId, segmentId).changes;
}

/** Concepts a label is a member of. */
export function conceptsOfLabel(db: Db, labelId: string): string[] {
  return (db.prepare('SELECT concept_id AS id FROM concept_labels WHERE label_id = ?').all(labelId) as Array<{ id: string }>).map((r) => r.id);
}

export function childLabelIds(db: Db, labelId: string): string[] {
  return (db.prepare('SELECT id FROM labels WHERE parent_id = ? ORDER BY position, rowid').all(labelId) as Array<{ id: string }>).map((r) => r.id);
}

/**
 * A merge of label `fromId` into `toId`: its concept memberships move to the target (where the
 * target is already a member, the source's membership goes), and so do outline sections tied to it.
 */
export function moveLabelMemberships(db: Db, fromId: string, toId: string): void {
  db.prepare(
    `DELETE FROM concept_labels WHERE label_id = @fromId
       AND EXISTS (SELECT 1 FROM concept_labels t WHERE t.label_id = @toId AND t.concept_id = concept_labels.concept_id)`,
  ).run({ fromId, toId });
  db.prepare('UPDATE concept_labels SET label_id = @toId WHERE label_id = @fromId').run({ fromId, toId });
  db.prepare('UPDATE outline_sections SET tie_label_id = @toId WHERE tie_label_id = @fromId').run({ fromId, toId });
}

export function existingLabels(db: Db, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  return new Set((db.prepare('SELECT l.id FROM json_each(?) j JOIN labels l ON l.id = j.value').all(JSON.stringify(ids)) as Array<{ id: string }>).map((r) => r.id));
}

export function existingConcepts(db: Db, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  return new Set((db.prepare('SELECT c.id FROM json_each(?) j JOIN concepts c ON c.id = j.value').all(JSON.stringify(ids)) as Array<{ id: string }>).map((r) => r.id));
}
