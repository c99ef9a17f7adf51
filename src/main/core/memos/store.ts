import type { Memo, MemoTargetKind } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';

/** How much of a segment's text names it in a list of memos. */
const SNIPPET = 80;

interface MemoRow {
  id: string;
  targetKind: MemoTargetKind;
  targetId: string | null;
  title: string;
  bodyRich: string;
  bodyText: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  documentName: string | null;
  documentId: string | null;
  labelName: string | null;
  colour: string | null;
  participantName: string | null;
  segmentText: string | null;
  turn: number | null;
}

// The target's name comes from whichever table its kind points at; a segment also brings its
// document and the turn it starts in, so that a list can jump there.
const SELECT = `
  SELECT m.id, m.target_kind AS targetKind, m.target_id AS targetId, m.title, m.body_rich AS bodyRich, m.body_text AS bodyText,
         m.created_by AS createdBy, m.created_at AS createdAt, m.updated_by AS updatedBy, m.updated_at AS updatedAt,
         d.id AS documentId, d.name AS documentName, l.name AS labelName, l.colour, p.name AS participantName, s.text AS segmentText,
         (SELECT t.position FROM turns t WHERE t.document_seq = d.seq AND t.start <= s.start ORDER BY t.start DESC LIMIT 1) AS turn
  FROM memos m
  LEFT JOIN segments s ON m.target_kind = 'segment' AND s.id = m.target_id
  LEFT JOIN documents d ON d.id = CASE m.target_kind WHEN 'document' THEN m.target_id WHEN 'segment' THEN s.document_id END
  LEFT JOIN labels l ON m.target_kind = 'label' AND l.id = m.target_id
  LEFT JOIN participants p ON m.target_kind = 'participant' AND p.id = m.target_id`;

const ORDER = 'ORDER BY m.created_at DESC, m.rowid DESC';

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1).trimEnd()}…` : flat;
}

function toMemo(row: MemoRow, projectTitle: string): Memo {
  const targetName =
    row.targetKind === 'project'
      ? projectTitle
      : row.targetKind === 'document'
        ? (row.documentName ?? '')
        : row.targetKind === 'label'
          ? (row.labelName ?? '')
          : row.targetKind === 'participant'
            ? (row.participantName ?? '')
            : snippet(row.segmentText ?? '');
  return {
    id: row.id,
    target: { kind: row.targetKind, id: row.targetId },
    targetName,
    documentId: row.documentId,
    documentName: row.documentName,
    turn: row.targetKind === 'segment' ? row.turn : null,
    colour: row.colour,
    title: row.title,
    bodyRich: row.bodyRich,
    bodyText: row.bodyText,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

/** Memos, newest first: all of them, those of one kind, or those of one target. */
export function listMemos(db: Db, projectTitle: string, target?: { kind: MemoTargetKind; id?: string | null }): Memo[] {
  let rows: MemoRow[];
  if (!target) rows = db.prepare(`${SELECT} ${ORDER}`).all() as MemoRow[];
  else if (target.kind === 'project' || target.id) {
    rows = db.prepare(`${SELECT} WHERE m.target_kind = ? AND m.target_id IS ? ${ORDER}`).all(target.kind, target.id ?? null) as MemoRow[];
  } else rows = db.prepare(`${SELECT} WHERE m.target_kind = ? ${ORDER}`).all(target.kind) as MemoRow[];
  return rows.map((row) => toMemo(row, projectTitle));
}

export function getMemo(db: Db, projectTitle: string, id: string): Memo | undefined {
  const row = db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MemoRow | undefined;
  return row ? toMemo(row, projectTitle) : undefined;
}

/** Whether the row a memo would point at exists. */
export function targetExists(db: Db, kind: Exclude<MemoTargetKind, 'project'>, id: string): boolean {
  const table = { document: 'documents', participant: 'participants', label: 'labels', segment: 'segments' }[kind];
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

export interface MemoFields {
  targetKind: MemoTargetKind;
  targetId: string | null;
  title: string;
  bodyRich: string;
  bodyText: string;
}

export function insertMemo(db: Db, memo: MemoFields & { id: string; by: string; at: string }): void {
  db.prepare(
    `INSERT INTO memos (id, target_kind, target_id, title, body_rich, body_text, created_by, created_at, updated_by, updated_at)
     VALUES (@id, @targetKind, @targetId, @title, @bodyRich, @bodyText, @by, @at, @by, @at)`,
  ).run(memo);
}

export function updateMemo(db: Db, memo: MemoFields & { id: string; by: string; at: string }): void {
  db.prepare(
    `UPDATE memos SET target_kind = @targetKind, target_id = @targetId, title = @title, body_rich = @bodyRich, body_text = @bodyText,
       updated_by = @by, updated_at = @at
     WHERE id = @id`,
  ).run(memo);
}

export function deleteMemo(db: Db, id: string): number {
  return db.prepare('DELETE FROM memos WHERE id = ?').run(id).changes;
}

/** Moves the memos of one target to another of the same kind (a label merged into another keeps its memos). */
export function moveMemos(db: Db, kind: Exclude<MemoTargetKind, 'project'>, fromId: string, toId: string): number {
  return db.prepare('UPDATE memos SET target_id = ? WHERE target_kind = ? AND target_id = ?').run(toId, kind, fromId).changes;
}
