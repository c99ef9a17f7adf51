import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { nameKey } from '../pseudonymise/store.ts';

/**
 * What a withdrawal took out, remembered so that no merge brings it back (issue 25): the withdrawn
 * documents (id and content hash), the participant's id, and their name as a salted hash only (the
 * project keeps no real name). Kept in `project_meta`, written by the withdrawal itself, so that
 * undoing the withdrawal forgets it too.
 */
const KEY = 'withdrawn';
const SALT = 'withdrawn_salt';

interface Withdrawn {
  documents: string[];
  hashes: string[];
  participants: string[];
  names: string[];
}

function read(db: Db): Withdrawn {
  const raw = db.prepare('SELECT value FROM project_meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  return { documents: [], hashes: [], participants: [], names: [], ...(raw ? (JSON.parse(raw) as Partial<Withdrawn>) : {}) };
}

function salt(db: Db, make: boolean): string | null {
  const known = db.prepare('SELECT value FROM project_meta WHERE key = ?').pluck().get(SALT) as string | undefined;
  if (known || !make) return known ?? null;
  const fresh = randomBytes(16).toString('hex');
  db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?)').run(SALT, fresh);
  return fresh;
}

const hashName = (salt: string, name: string) => createHash('sha256').update(`${salt}\u0000${nameKey(name)}`).digest('hex');

/** Called inside the withdrawal's write, before the rows go. */
export function rememberWithdrawal(db: Db, documentIds: readonly string[], participantId: string | null): void {
  const list = read(db);
  const docs = documentIds.length
    ? (db.prepare('SELECT id, source_hash AS hash FROM documents WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(documentIds)) as Array<{ id: string; hash: string }>)
    : [];
  for (const d of docs) {
    list.documents.push(d.id);
    list.hashes.push(d.hash);
  }
  if (participantId) {
    list.participants.push(participantId);
    const name = db.prepare('SELECT name FROM participants WHERE id = ?').pluck().get(participantId) as string | undefined;
    if (name) list.names.push(hashName(salt(db, true)!, name));
  }
  const unique = (xs: string[]) => [...new Set(xs)].sort();
  const value = JSON.stringify({ documents: unique(list.documents), hashes: unique(list.hashes), participants: unique(list.participants), names: unique(list.names) });
  db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, value);
}

/** Tests for what this project withdrew: a merge leaves such rows out. */
export function withdrawnTests(db: Db) {
  const list = read(db);
  const s = salt(db, false);
  const documents = new Set(list.documents);
  const hashes = new Set(list.hashes);
  const participants = new Set(list.participants);
  const names = new Set(list.names);
  return {
    document: (id: string, hash: string) => documents.has(id) || hashes.has(hash),
    participant: (id: string, name: string) => participants.has(id) || (s !== null && names.has(hashName(s, name))),
  };
}
