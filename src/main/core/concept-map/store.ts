import type { ConceptLink, MapPosition, RelationKey, RelationType } from '../../../shared/analysis.ts';
import type { Db } from '../db/database.ts';

export function relationTypes(db: Db): RelationType[] {
  const rows = db.prepare('SELECT id, key, name, directed, position FROM relation_types ORDER BY position, rowid').all() as Array<{
    id: string;
    key: RelationKey | null;
    name: string;
    directed: number;
    position: number;
  }>;
  return rows.map((r) => ({ ...r, directed: r.directed === 1 }));
}

export function insertRelationType(db: Db, row: { id: string; name: string; directed: boolean; position: number }): void {
  db.prepare('INSERT INTO relation_types (id, key, name, directed, position) VALUES (@id, NULL, @name, @directed, @position)').run({
    ...row,
    directed: row.directed ? 1 : 0,
  });
}

export function deleteRelationType(db: Db, id: string): void {
  db.prepare('DELETE FROM relation_types WHERE id = ?').run(id);
}

export function linksOfType(db: Db, relationTypeId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM concept_links WHERE relation_type_id = ?').get(relationTypeId) as { n: number }).n;
}

const LINK = `SELECT id, source_id AS sourceId, target_id AS targetId, relation_type_id AS relationTypeId, memo, created_by AS createdBy, created_at AS createdAt
              FROM concept_links`;

export function conceptLinks(db: Db): ConceptLink[] {
  return db.prepare(`${LINK} ORDER BY created_at, rowid`).all() as ConceptLink[];
}

export function conceptLink(db: Db, id: string): ConceptLink | undefined {
  return db.prepare(`${LINK} WHERE id = ?`).get(id) as ConceptLink | undefined;
}

export function insertLink(db: Db, link: ConceptLink): void {
  db.prepare(
    `INSERT INTO concept_links (id, source_id, target_id, relation_type_id, memo, created_by, created_at)
     VALUES (@id, @sourceId, @targetId, @relationTypeId, @memo, @createdBy, @createdAt)`,
  ).run(link);
}

export function updateLink(db: Db, id: string, patch: { relationTypeId: string; memo: string }): void {
  db.prepare('UPDATE concept_links SET relation_type_id = @relationTypeId, memo = @memo WHERE id = @id AND NOT (relation_type_id = @relationTypeId AND memo = @memo)').run({
    id,
    ...patch,
  });
}

export function deleteLink(db: Db, id: string): void {
  db.prepare('DELETE FROM concept_links WHERE id = ?').run(id);
}

export function mapPositions(db: Db): MapPosition[] {
  return db.prepare('SELECT m.id AS conceptId, m.x, m.y FROM map_positions m JOIN concepts c ON c.id = m.id ORDER BY c.position, c.rowid').all() as MapPosition[];
}

/** Saves a position; an unchanged one writes (and records) nothing. */
export function savePosition(db: Db, position: MapPosition): void {
  db.prepare(
    `INSERT INTO map_positions (id, x, y) VALUES (@conceptId, @x, @y)
     ON CONFLICT (id) DO UPDATE SET x = excluded.x, y = excluded.y WHERE x IS NOT excluded.x OR y IS NOT excluded.y`,
  ).run(position);
}
