import type { Db } from '../db/database.ts';

/**
 * The ordered child lists of learning questions and tensions. Each is (owner, member, extra) rows;
 * replacing one keeps the rows of members that stay (so undo sees only what changed).
 */
const LISTS = {
  lqConcepts: { table: 'learning_question_concepts', owner: 'learning_question_id', member: 'concept_id' },
  lqSegments: { table: 'learning_question_segments', owner: 'learning_question_id', member: 'segment_id' },
  tensionConcepts: { table: 'tension_concepts', owner: 'tension_id', member: 'concept_id' },
  tensionQuotes: { table: 'tension_quotes', owner: 'tension_id', member: 'segment_id' },
} as const;

export type MemberList = keyof typeof LISTS;

export interface MemberRow {
  ownerId: string;
  id: string;
  memberId: string;
  pole: number | null;
}

export function memberRows(db: Db, list: MemberList, owner: string | null = null): MemberRow[] {
  const { table, owner: ownerColumn, member } = LISTS[list];
  const pole = list === 'tensionQuotes' ? 'pole' : 'NULL';
  return db
    .prepare(`SELECT ${ownerColumn} AS ownerId, id, ${member} AS memberId, ${pole} AS pole FROM ${table} WHERE ? IS NULL OR ${ownerColumn} = ? ORDER BY position, rowid`)
    .all(owner, owner) as MemberRow[];
}

export function insertMember(db: Db, list: MemberList, row: { id: string; ownerId: string; memberId: string; position: number; pole?: number | null }): void {
  const { table, owner, member } = LISTS[list];
  if (list === 'tensionQuotes') {
    db.prepare(`INSERT INTO ${table} (id, ${owner}, ${member}, pole, position) VALUES (@id, @ownerId, @memberId, @pole, @position)`).run({ pole: null, ...row });
  } else {
    db.prepare(`INSERT INTO ${table} (id, ${owner}, ${member}, position) VALUES (@id, @ownerId, @memberId, @position)`).run(row);
  }
}

export function updateMember(db: Db, list: MemberList, id: string, position: number, pole: number | null): void {
  const { table } = LISTS[list];
  if (list === 'tensionQuotes') {
    db.prepare(`UPDATE ${table} SET position = @position, pole = @pole WHERE id = @id AND (position IS NOT @position OR pole IS NOT @pole)`).run({ id, position, pole });
  } else {
    db.prepare(`UPDATE ${table} SET position = @position WHERE id = @id AND position IS NOT @position`).run({ id, position });
  }
}

export function deleteMember(db: Db, list: MemberList, id: string): void {
  db.prepare(`DELETE FROM ${LISTS[list].table} WHERE id = ?`).run(id);
}
