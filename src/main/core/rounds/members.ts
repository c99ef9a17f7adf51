import { newId } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { existingConcepts } from '../concepts/store.ts';
import { existingSegments } from './store-quotes.ts';
import { deleteMember, insertMember, memberRows, updateMember, type MemberList, type MemberRow } from './store-members.ts';
import { checkedIds } from './order.ts';

/** The ordered member lists of round 3's learning questions and tensions (concepts, quotes), kept row by row. */

export function byOwner(rows: MemberRow[]): Map<string, MemberRow[]> {
  const map = new Map<string, MemberRow[]>();
  for (const row of rows) map.set(row.ownerId, [...(map.get(row.ownerId) ?? []), row]);
  return map;
}

/**
 * Makes an owner's list exactly `wanted`, in that order. Rows of members that stay are kept (and
 * only renumbered), so that undo and the change log see what really changed.
 */
export function syncMembers(db: Db, list: MemberList, ownerId: string, wanted: Array<{ memberId: string; pole?: number | null }>): void {
  const current = new Map(memberRows(db, list, ownerId).map((r) => [r.memberId, r]));
  const keep = new Set(wanted.map((w) => w.memberId));
  for (const row of current.values()) if (!keep.has(row.memberId)) deleteMember(db, list, row.id);
  wanted.forEach((w, position) => {
    const row = current.get(w.memberId);
    if (row) updateMember(db, list, row.id, position, w.pole ?? null);
    else insertMember(db, list, { id: newId(), ownerId, memberId: w.memberId, position, pole: w.pole ?? null });
  });
}

export function checkConcepts(db: Db, ids: string[] | undefined): string[] | undefined {
  return ids && checkedIds(ids, existingConcepts(db, ids), 'concept');
}

export function checkSegments(db: Db, ids: string[] | undefined): string[] | undefined {
  return ids && checkedIds(ids, existingSegments(db, ids), 'segment');
}
