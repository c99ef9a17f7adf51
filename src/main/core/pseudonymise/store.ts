import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

/**
 * What the project keeps about pseudonymising, in `project_meta`: the pseudonyms applied (so that the
 * name finder does not suggest them) and the names the researcher dismissed — as salted hashes only,
 * since the project must never hold a real name. The salt is the project's own, so the same name
 * hashes differently in two projects.
 */
const PSEUDONYMS = 'pseudonyms';
const SALT = 'names_salt';
const DISMISSED = 'names_dismissed';

function get(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value FROM project_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

function set(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

const list = (db: Db, key: string): string[] => JSON.parse(get(db, key) ?? '[]') as string[];

export function appliedPseudonyms(db: Db): string[] {
  return list(db, PSEUDONYMS);
}

/** Adds pseudonyms to those applied; writes only when one is new (an unchanged row is no change). */
export function recordPseudonyms(db: Db, pseudonyms: readonly string[]): void {
  const known = list(db, PSEUDONYMS);
  const next = [...new Set([...known, ...pseudonyms])].sort();
  if (next.length !== known.length) set(db, PSEUDONYMS, JSON.stringify(next));
}

/** A name as the finder compares it: case, spacing and a possessive ending do not matter. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('nl').replace(/\s+/g, ' ').replace(/['’]s?$/u, '').trim();
}

function hashName(salt: string, name: string): string {
  return createHash('sha256').update(`${salt}\u0000${nameKey(name)}`).digest('hex');
}

/** The hashes of the dismissed names, with a test for a name; read-only (no salt yet: nothing dismissed). */
export function dismissedNames(db: Db): (name: string) => boolean {
  const salt = get(db, SALT);
  if (salt === undefined) return () => false;
  const hashes = new Set(list(db, DISMISSED));
  return (name) => hashes.has(hashName(salt, name));
}

/** Remembers a dismissed name as a salted hash; answers false when it was already dismissed. */
export function dismissName(db: Db, name: string): boolean {
  let salt = get(db, SALT);
  if (salt === undefined) {
    salt = randomBytes(16).toString('hex');
    set(db, SALT, salt);
  }
  const hashes = list(db, DISMISSED);
  const hash = hashName(salt, name);
  if (hashes.includes(hash)) return false;
  set(db, DISMISSED, JSON.stringify([...hashes, hash].sort()));
  return true;
}
