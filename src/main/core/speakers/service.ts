import { DuidingError } from '../../../shared/errors.ts';
import type { DocumentSpeaker, DocumentSpeakers, SpeakerRole, SpeakerScope } from '../../../shared/model.ts';
import { inferRoles, participantKeys, speakerKey } from '../../../shared/speaker-roles.ts';
import { newId } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Project } from '../project.ts';
import { latestChange } from '../concepts/store-sets.ts';
import { codingIndex, type SegmentEntry, type Speech } from '../coding/store-index.ts';
import { listParticipants } from '../participants/store.ts';
import {
  allTurnSpans,
  documentSpeakerHeads,
  insertSpeaker,
  rolesFingerprint,
  segmentSpans,
  speakerSizes,
  speechChangedDocuments,
  storedSpeakers,
  updateSpeaker,
} from './store.ts';

/**
 * Who says what (issue 20). Every speaker of a document has a role: stored where the researcher set
 * or confirmed it, else inferred by the import rules (shared/speaker-roles.ts) from the project as
 * it is now — so a participants table imported after the transcripts still ties their speakers.
 *
 * Counts and quotes follow the speaker: a segment belongs to every participant whose speech it
 * covers. The roles index holds, per document, each turn's span and the column key of its speech
 * (a participant id, '' for a participant without a case, null for the interviewer's and others'
 * speech); a segment's speech is worked out once from it and kept on the coding index's entry.
 */

export interface TurnSpeech {
  starts: Int32Array;
  ends: Int32Array;
  /** Per turn: the participant key of participant speech, or null for the interviewer's and others'. */
  keys: Array<string | null>;
  roles: Array<SpeakerRole | null>;
}

export interface DocumentRoles {
  id: string;
  name: string;
  participantId: string | null;
  /** The document's participant or '' (the "unassigned" column). */
  key: string;
  speakers: DocumentSpeaker[];
  unconfirmed: boolean;
  stored: boolean;
  turns: TurnSpeech;
  /** New whenever this document's roles are worked out again: a segment's kept speech of another is worked out again. */
  serial: number;
}

export interface RolesIndex {
  version: number;
  fingerprint: string;
  /** Bumped on every rebuild: a segment's kept speech of an older serial is worked out again. */
  serial: number;
  documents: Map<string, DocumentRoles>;
  /** Whether the documents' `turns` are read yet (see `speechIndex`). */
  turnsLoaded: boolean;
}

export type { Speech };

let serials = 0;
const indexes = new WeakMap<Db, RolesIndex>();

/** Names the researcher made interviewer in some document: the project's list of interviewers (rule b). */
function interviewerNames(stored: ReturnType<typeof storedSpeakers>): Set<string> {
  return new Set(stored.filter((s) => s.role === 'interviewer' && s.confirmed).map((s) => s.name));
}

/** What every document's roles are worked out from, beside its own speakers. */
function rolesContext(db: Db) {
  const participants = listParticipants(db);
  const stored = storedSpeakers(db);
  const storedBy = new Map<string, typeof stored>();
  for (const row of stored) storedBy.set(row.documentId, [...(storedBy.get(row.documentId) ?? []), row]);
  return { participants, participantKeys: participantKeys(participants), names: new Map(participants.map((p) => [p.id, p.name])), storedBy, interviewers: interviewerNames(stored) };
}

type DocumentHead = ReturnType<typeof documentSpeakerHeads>[number];

/** One document's roles (its turns not read yet). */
function documentRoles(head: DocumentHead, context: ReturnType<typeof rolesContext>, size: Map<string, { size: number; turns: number }>): DocumentRoles {
  const { participants, participantKeys, names, storedBy, interviewers } = context;
  const own = storedBy.get(head.id);
  const inferred = inferRoles(
    head.speakers.map((name) => ({ name, size: size.get(name)?.size ?? 0 })),
    { participants, participantKeys, interviewers, documentParticipantId: head.participantId },
  );
  const ownByName = new Map((own ?? []).map((row) => [row.name, row]));
  const speakers: DocumentSpeaker[] = inferred.map((s) => {
    const row = ownByName.get(s.name);
    const chosen = row ? { role: row.role, participantId: row.participantId, confirmed: row.confirmed, rule: 'set' as const } : s;
    return {
      name: s.name,
      role: chosen.role,
      participantId: chosen.participantId,
      participantName: chosen.participantId ? (names.get(chosen.participantId) ?? null) : null,
      confirmed: chosen.confirmed,
      rule: chosen.rule,
      turns: size.get(s.name)?.turns ?? 0,
    };
  });
  return {
    id: head.id,
    name: head.name,
    participantId: head.participantId,
    key: head.participantId ?? '',
    speakers,
    unconfirmed: speakers.some((s) => !s.confirmed),
    stored: own !== undefined,
    turns: { starts: new Int32Array(0), ends: new Int32Array(0), keys: [], roles: [] },
    serial: ++serials,
  };
}

function buildRolesIndex(db: Db, version: number, fingerprint: string): RolesIndex {
  const context = rolesContext(db);
  const sizes = speakerSizes(db);
  const documents = new Map<string, DocumentRoles>();
  for (const head of documentSpeakerHeads(db)) documents.set(head.id, documentRoles(head, context, sizes.get(head.id) ?? new Map()));
  return { version, fingerprint, serial: ++serials, documents, turnsLoaded: false };
}

/**
 * The kept index with only these documents worked out again (a corrected transcript: its turns'
 * spans and its speakers' sizes changed, nothing that other documents' roles depend on). At size L
 * rebuilding every document after each correction cost 1.4 s.
 */
function withDocumentsRebuilt(db: Db, kept: RolesIndex, touched: ReadonlySet<string>, version: number): RolesIndex {
  const context = rolesContext(db);
  const documents = new Map(kept.documents);
  for (const id of touched) {
    const [head] = documentSpeakerHeads(db, id);
    if (!head) return buildRolesIndex(db, version, kept.fingerprint);
    const document = documentRoles(head, context, speakerSizes(db, id).get(id) ?? new Map());
    if (kept.turnsLoaded) document.turns = turnSpeech(document, allTurnSpans(db, id), 0, Infinity);
    documents.set(id, document);
  }
  return { version, fingerprint: kept.fingerprint, serial: ++serials, documents, turnsLoaded: kept.turnsLoaded };
}

/** The turns spans[at, end) of one document with the speech key of each. */
function turnSpeech(document: DocumentRoles, spans: ReturnType<typeof allTurnSpans>, at: number, end: number): TurnSpeech {
  const bySpeaker = new Map(document.speakers.map((s) => [s.name, s]));
  const n = Math.min(end, spans.length) - at;
  const turns: TurnSpeech = { starts: new Int32Array(n), ends: new Int32Array(n), keys: new Array(n), roles: new Array(n) };
  for (let i = 0; i < n; i++) {
    const [, start, stop, speaker] = spans[at + i]!;
    turns.starts[i] = start;
    turns.ends[i] = stop;
    const who = speaker === null ? undefined : bySpeaker.get(speaker);
    // A turn without a speaker is the document's own, as before roles existed.
    turns.roles[i] = who?.role ?? null;
    turns.keys[i] = !who ? document.key : who.role === 'participant' ? (who.participantId ?? document.key) : null;
  }
  return turns;
}

/**
 * Every document's turns with the speech key of each, read once when a segment's speech is first
 * asked for: the documents list needs the roles but not the turns.
 */
function loadTurns(db: Db, index: RolesIndex): void {
  const documents = index.documents;
  const spans = allTurnSpans(db);
  let at = 0;
  while (at < spans.length) {
    const documentId = spans[at]![0];
    let end = at;
    while (end < spans.length && spans[end]![0] === documentId) end++;
    const document = documents.get(documentId);
    if (document) document.turns = turnSpeech(document, spans, at, end);
    at = end;
  }
  index.turnsLoaded = true;
}

/** The roles of every document, as of the latest change. */
export function rolesIndex(db: Db): RolesIndex {
  const version = latestChange(db);
  const fingerprint = rolesFingerprint(db);
  const kept = indexes.get(db);
  // The rows a running write has changed are already in the log under its entry, so the kept index
  // is checked the same way inside a write; it is only not kept for an entry that may yet roll back.
  // (Rebuilding inside every write cost each concept edit 0.3 s at size M.)
  let index: RolesIndex | null = null;
  if (kept && kept.fingerprint === fingerprint && kept.version <= version) {
    const touched = kept.version === version ? new Set<string>() : speechChangedDocuments(db, kept.version, version);
    if (touched?.size === 0) index = kept;
    else if (touched) index = withDocumentsRebuilt(db, kept, touched, version);
  }
  if (db.inTransaction) return index ?? buildRolesIndex(db, version, fingerprint);
  if (index === kept) {
    kept.version = version;
    return kept;
  }
  index ??= buildRolesIndex(db, version, fingerprint);
  indexes.set(db, index);
  return index;
}

/** The roles index with every document's turns read: what working out a segment's speech needs. */
export function speechIndex(db: Db): RolesIndex {
  const index = rolesIndex(db);
  if (!index.turnsLoaded) loadTurns(db, index);
  return index;
}

/** The speech in document[start, end): the participants it covers (in text order) and whether anyone else speaks in it. */
export function speechIn(document: DocumentRoles | undefined, start: number, end: number): Speech {
  if (!document) return { keys: [''], staff: false, staffRole: null };
  const { starts, ends, keys, roles } = document.turns;
  // The first turn that ends after `start`.
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ends[mid]! <= start) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  let staff = false;
  let staffRole: SpeakerRole | null = null;
  let any = false;
  for (let i = low; i < starts.length && starts[i]! < end; i++) {
    any = true;
    const key = keys[i]!;
    if (key === null) {
      staff = true;
      staffRole ??= roles[i]!;
    } else if (!found.includes(key)) found.push(key);
  }
  // Outside every turn (a document without turns): the document's, as before.
  if (!any) return { keys: [document.key], staff: false, staffRole: null };
  return { keys: found, staff, staffRole };
}

/**
 * A coding index entry's speech, worked out once per roles of its document and kept on the entry: a
 * corrected transcript leaves the speech of every other document's segments as it was.
 */
export function speechOfEntry(index: RolesIndex, entry: SegmentEntry): Speech {
  const document = index.documents.get(entry.document);
  const serial = document?.serial ?? index.serial;
  if (entry.speech && entry.speechSerial === serial) return entry.speech;
  entry.speech = speechIn(document, entry.start, entry.end);
  entry.speechSerial = serial;
  return entry.speech;
}

/**
 * The column keys a segment counts for: the participants whose speech it covers; with `all`, a
 * passage of only the interviewer's (or another's) speech counts for the document's participant, as
 * every segment did before roles.
 */
export function countedKeys(speech: Speech, scope: SpeakerScope, documentKey: string): readonly string[] {
  if (speech.keys.length > 0 || scope === 'participants' || !speech.staff) return speech.keys;
  return [documentKey];
}

/** The speakers of every document (or of one), with their roles. */
export function listSpeakers(db: Db, documentId?: string): DocumentSpeakers[] {
  const index = rolesIndex(db);
  const documents = documentId ? [index.documents.get(documentId)].filter((d): d is DocumentRoles => d !== undefined) : [...index.documents.values()];
  if (documentId && documents.length === 0) throw new DuidingError(`There is no document with id ${documentId}.`);
  return documents.map((d) => ({ documentId: d.id, documentName: d.name, speakers: d.speakers, unconfirmed: d.unconfirmed }));
}

/** Ids of documents whose roles are unconfirmed. */
export function unconfirmedDocuments(db: Db): Set<string> {
  return new Set([...rolesIndex(db).documents.values()].filter((d) => d.unconfirmed).map((d) => d.id));
}

export interface SetSpeakerArgs {
  name: string;
  role: SpeakerRole;
  participantId?: string | null;
  /** Only in this document; every document where the name speaks when left out. */
  documentId?: string;
}

/**
 * Sets one speaker's role, in one document or in every document where that name speaks (names
 * compared as the import rules compare them). The documents touched get all their speakers stored
 * and confirmed: the researcher has looked at them. One undo step.
 */
export function setSpeakerRole(project: Project, args: SetSpeakerArgs): { documents: number; changed: number } {
  const db = project.db;
  if (args.role !== 'participant' && args.participantId) {
    throw new DuidingError(`Only a participant can be tied to a participant (the role given is ${args.role}).`, 'usage');
  }
  if (args.participantId && !listParticipants(db).some((p) => p.id === args.participantId)) {
    throw new DuidingError(`There is no participant with id ${args.participantId}.`, 'usage');
  }
  const index = rolesIndex(db);
  const wanted = speakerKey(args.name);
  const targets = args.documentId ? [index.documents.get(args.documentId)] : [...index.documents.values()];
  if (args.documentId && !targets[0]) throw new DuidingError(`There is no document with id ${args.documentId}.`);
  const touched = targets.filter((d): d is DocumentRoles => d !== undefined && d.speakers.some((s) => speakerKey(s.name) === wanted));
  if (touched.length === 0) {
    const where = args.documentId ? `"${targets[0]!.name}"` : 'any document';
    throw new DuidingError(`No speaker called "${args.name}" speaks in ${where}.`, 'usage', { code: 'noSpeaker', params: { name: args.name } });
  }
  const scope = args.documentId ? `in "${touched[0]!.name}"` : `in ${touched.length} document${touched.length === 1 ? '' : 's'}`;
  return project.write('speakers/set', () => {
    let changed = 0;
    const stored = new Map(storedSpeakers(db).map((r) => [`${r.documentId}\u0000${r.name}`, r]));
    for (const document of touched) {
      for (const speaker of document.speakers) {
        const mine = speakerKey(speaker.name) === wanted;
        const role = mine ? args.role : speaker.role;
        // A participant keeps the case given; left out, the one they already had, else the document's (rule d).
        const participantId = role !== 'participant' ? null : mine && args.participantId !== undefined ? args.participantId : speaker.role === 'participant' ? speaker.participantId : document.participantId;
        const row = stored.get(`${document.id}\u0000${speaker.name}`);
        if (row) {
          if (row.role !== role || row.participantId !== participantId || !row.confirmed) {
            updateSpeaker(db, row.id, { role, participantId, confirmed: true });
            if (mine) changed++;
          }
        } else {
          insertSpeaker(db, { id: newId(), documentId: document.id, name: speaker.name, role, participantId, confirmed: true });
          if (mine && (speaker.role !== role || speaker.participantId !== participantId)) changed++;
        }
      }
    }
    return { result: { documents: touched.length, changed }, summary: `Made speaker "${args.name}" ${args.role} ${scope}` };
  });
}

/** Confirms the roles of a document as they are now (inferred ones included). One undo step. */
export function confirmSpeakers(project: Project, documentId: string): DocumentSpeakers {
  const db = project.db;
  const document = rolesIndex(db).documents.get(documentId);
  if (!document) throw new DuidingError(`There is no document with id ${documentId}.`);
  project.write('speakers/confirm', () => {
    const stored = new Map(storedSpeakers(db).filter((r) => r.documentId === documentId).map((r) => [r.name, r]));
    for (const speaker of document.speakers) {
      const row = stored.get(speaker.name);
      if (row) updateSpeaker(db, row.id, { role: row.role, participantId: row.participantId, confirmed: true });
      else insertSpeaker(db, { id: newId(), documentId, name: speaker.name, role: speaker.role, participantId: speaker.participantId, confirmed: true });
    }
    return { result: null, summary: `Confirmed the speakers' roles in "${document.name}"` };
  });
  return listSpeakers(db, documentId)[0]!;
}

/** The participant keys each of these segments counts for under `scope` (empty: it does not count); unknown ids are left out. */
export function countedKeysOf(db: Db, segmentIds: readonly string[], scope: SpeakerScope): Map<string, { document: string; keys: readonly string[]; speech: Speech }> {
  const roles = speechIndex(db);
  const out = new Map<string, { document: string; keys: readonly string[]; speech: Speech }>();
  const put = (id: string, document: string, speech: Speech) =>
    out.set(id, { document, keys: countedKeys(speech, scope, roles.documents.get(document)?.key ?? ''), speech });
  // A few segments (a concept's, a quote list) inside a write are read directly: the coding index
  // would be built afresh there, and that is a pass over every coding.
  if (db.inTransaction || segmentIds.length < 200) {
    for (const { id, document, start, end } of segmentSpans(db, segmentIds)) put(id, document, speechIn(roles.documents.get(document), start, end));
    return out;
  }
  const segments = codingIndex(db).segments;
  for (const id of segmentIds) {
    const entry = segments.get(id);
    if (entry) put(id, entry.document, speechOfEntry(roles, entry));
  }
  return out;
}

/** These segments, less those that do not count under `scope`, in the order given. */
export function countedSegments(db: Db, segmentIds: readonly string[], scope: SpeakerScope): string[] {
  const counted = countedKeysOf(db, segmentIds, scope);
  return segmentIds.filter((id) => (counted.get(id)?.keys.length ?? 0) > 0);
}

/** Participants (ids) who speak as participants in some document. */
export function speakingParticipants(db: Db): Set<string> {
  const out = new Set<string>();
  for (const document of rolesIndex(db).documents.values()) for (const s of document.speakers) if (s.role === 'participant' && s.participantId) out.add(s.participantId);
  return out;
}
