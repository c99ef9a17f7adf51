import type { AttributeDefinition, AttributeType, AttributeValue, Participant } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';
import { newId, now } from '../clock.ts';

interface AttributeRow {
  id: string;
  name: string;
  type: AttributeType;
}

export function listAttributes(db: Db): AttributeDefinition[] {
  return db.prepare('SELECT id, name, type FROM attributes ORDER BY position, name').all() as AttributeRow[];
}

export function findParticipantByName(db: Db, name: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM participants WHERE name = ?').get(name) as { id: string; name: string } | undefined;
}

export function insertParticipant(db: Db, name: string): string {
  const id = newId();
  db.prepare('INSERT INTO participants (id, name, created_at) VALUES (?, ?, ?)').run(id, name, now());
  return id;
}

export function renameParticipant(db: Db, id: string, name: string): void {
  db.prepare('UPDATE participants SET name = ? WHERE id = ?').run(name, id);
}

export function ensureAttribute(db: Db, name: string, type: AttributeType): AttributeDefinition {
  const existing = db.prepare('SELECT id, name, type FROM attributes WHERE name = ?').get(name) as AttributeRow | undefined;
  if (!existing) {
    const id = newId();
    const position = (db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS p FROM attributes').get() as { p: number }).p;
    db.prepare('INSERT INTO attributes (id, name, type, position) VALUES (?, ?, ?, ?)').run(id, name, type, position);
    return { id, name, type };
  }
  if (existing.type !== type && existing.type !== 'text') {
    // Values of two types in one column: keep them all, as text.
    db.prepare("UPDATE attributes SET type = 'text' WHERE id = ?").run(existing.id);
    db.prepare('UPDATE participant_attributes SET value = CAST(value AS TEXT) WHERE attribute_id = ?').run(existing.id);
    return { ...existing, type: 'text' };
  }
  return existing;
}

/** better-sqlite3 binds every JS number as REAL; whole numbers go in as INTEGER so they stay "51", not "51.0". */
export function toStored(value: AttributeValue): string | number | bigint {
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value;
}

export function setAttributeValue(db: Db, participantId: string, attributeId: string, value: AttributeValue | null): void {
  if (value === null) {
    db.prepare('DELETE FROM participant_attributes WHERE participant_id = ? AND attribute_id = ?').run(participantId, attributeId);
    return;
  }
  db.prepare(
    `INSERT INTO participant_attributes (participant_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT (participant_id, attribute_id) DO UPDATE SET value = excluded.value`,
  ).run(participantId, attributeId, toStored(value));
}

export function listParticipants(db: Db): Participant[] {
  const attributes = new Map(listAttributes(db).map((a) => [a.id, a]));
  const participants = db
    .prepare(
      `SELECT p.id, p.name, (SELECT COUNT(*) FROM documents d WHERE d.participant_id = p.id) AS documentCount
       FROM participants p ORDER BY p.name`,
    )
    .all() as Array<{ id: string; name: string; documentCount: number }>;
  const values = db.prepare('SELECT participant_id, attribute_id, value FROM participant_attributes').all() as Array<{
    participant_id: string;
    attribute_id: string;
    value: string | number;
  }>;
  const byParticipant = new Map<string, Record<string, AttributeValue>>();
  for (const row of values) {
    const attribute = attributes.get(row.attribute_id);
    if (!attribute) continue;
    const record = byParticipant.get(row.participant_id) ?? {};
    record[attribute.name] = attribute.type === 'boolean' ? row.value === 1 : row.value;
    byParticipant.set(row.participant_id, record);
  }
  return participants.map((p) => ({ ...p, attributes: byParticipant.get(p.id) ?? {} }));
}

export function getParticipant(db: Db, id: string): Participant | undefined {
  return listParticipants(db).find((p) => p.id === id);
}

/**
 * Sets one attribute of one participant by the attribute's name, creating the attribute when new.
 * A value that does not fit the attribute's type turns the attribute into text; null removes the value.
 */
export function setNamedAttribute(db: Db, participantId: string, name: string, value: AttributeValue | null): void {
  const existing = db.prepare('SELECT id, name, type FROM attributes WHERE name = ?').get(name) as AttributeRow | undefined;
  if (value === null) {
    if (existing) setAttributeValue(db, participantId, existing.id, null);
    return;
  }
  const valueType: AttributeType =
    typeof value === 'number' ? 'number'
    : typeof value === 'boolean' ? 'boolean'
    : existing?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'date'
    : 'text';
  const attribute = ensureAttribute(db, name, valueType);
  setAttributeValue(db, participantId, attribute.id, attribute.type === 'text' ? String(value) : value);
}
