import { DuidingError } from '../../../shared/errors.ts';
import type {
  AttributeValue,
  DocumentProgress,
  LabelSpread,
  Participant,
  RetrievalFilters,
  RetrievalResult,
  RetrievedSegment,
  SpeakerScope,
} from '../../../shared/model.ts';
import type { Project } from '../project.ts';
import { codingIndex } from '../coding/store-index.ts';
import { documentText } from '../documents/store.ts';
import { getLabel } from '../codebook/label-counts.ts';
import { listParticipants } from '../participants/store.ts';
import { countedKeys, countedKeysOf, speechIndex, speechOfEntry } from '../speakers/service.ts';
import {
  codersWithCodings,
  documentLengths,
  guideSpansWithSections,
  labelIdsInOrder,
  participantNames,
  otherLabelsOnSegmentsOf,
  segmentsOfLabel,
  turnSpans,
  type TurnSpan,
} from './store.ts';

/**
 * Retrieval (every segment of a label across the documents, with who said it, the words around it
 * and where it sits in the interview guide) and progress (how much of each document is coded, how a
 * label spreads over the participants). Reads only.
 */

export const DEFAULT_CONTEXT = 200;

/** Attribute values as they read: 12 and "12", true and "true" are the same value. */
function sameValue(a: AttributeValue, b: AttributeValue): boolean {
  return String(a).normalize('NFC').toLocaleLowerCase('nl') === String(b).normalize('NFC').toLocaleLowerCase('nl');
}

function matchesAttributes(participant: Participant | undefined, wanted: Record<string, AttributeValue>): boolean {
  const entries = Object.entries(wanted);
  if (entries.length === 0) return true;
  if (!participant) return false;
  const byName = new Map(Object.entries(participant.attributes).map(([name, value]) => [name.toLocaleLowerCase('nl'), value]));
  return entries.every(([name, value]) => {
    const have = byName.get(name.toLocaleLowerCase('nl'));
    return have !== undefined && sameValue(have, value);
  });
}

/** The turn a position falls in; a position between turns belongs to the turn after it. */
function turnAt(turns: TurnSpan[], position: number): TurnSpan | null {
  let low = 0;
  let high = turns.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (turns[mid]!.start <= position) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found >= 0 && position < turns[found]!.end) return turns[found]!;
  return turns[found + 1] ?? null;
}

const SPACE = /\s/;
const isLowSurrogate = (text: string, i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!);

/**
 * Up to `size` units of context before `start`, inside [floor, start): cut at a word's start when
 * cut short, never inside a surrogate pair.
 */
function contextBefore(text: string, start: number, floor: number, size: number): { text: string; cut: boolean } {
  if (start <= floor) return { text: '', cut: false };
  let from = Math.max(floor, start - size);
  if (from === floor) return { text: text.slice(from, start), cut: false };
  let space = from;
  while (space < start && !SPACE.test(text[space - 1] ?? ' ')) space++;
  if (space < start) from = space;
  else if (isLowSurrogate(text, from)) from++;
  return { text: text.slice(from, start), cut: true };
}

function contextAfter(text: string, end: number, ceiling: number, size: number): { text: string; cut: boolean } {
  if (end >= ceiling) return { text: '', cut: false };
  let to = Math.min(ceiling, end + size);
  if (to === ceiling) return { text: text.slice(end, to), cut: false };
  let space = to;
  while (space > end && !SPACE.test(text[space] ?? ' ')) space--;
  if (space > end) to = space;
  else if (isLowSurrogate(text, to)) to--;
  return { text: text.slice(end, to), cut: true };
}

export function retrieveSegments(project: Project, args: { labelId: string; filters?: RetrievalFilters; context?: number }): RetrievalResult {
  const db = project.db;
  const label = getLabel(db, args.labelId, args.filters?.speakers ?? 'participants');
  if (!label) throw new DuidingError(`There is no label with id ${args.labelId}.`);
  const filters = args.filters ?? {};
  const size = args.context ?? DEFAULT_CONTEXT;
  const participants = new Map(listParticipants(db).map((p) => [p.id, p]));
  const wanted = filters.attributes ?? {};

  const found = segmentsOfLabel(db, label.id, {
    coder: filters.coder ?? null,
    documentId: filters.documentId ?? null,
    sectionId: filters.guideSectionId ?? null,
  });
  // Who said each segment: the participant whose speech it covers (the first of several); the
  // interviewer's passages only when everyone's speech is asked for.
  const speech = countedKeysOf(db, found.map((row) => row.id), filters.speakers ?? 'participants');
  const speakerOf = (row: (typeof found)[number]): string | null => {
    const said = speech.get(row.id);
    return said ? (said.speech.keys[0] || null) : row.participantId;
  };
  const rows = found
    .filter((row) => (speech.get(row.id)?.keys.length ?? 1) > 0)
    .map((row) => ({ ...row, participantId: speakerOf(row) }))
    .filter((row) => matchesAttributes(row.participantId ? participants.get(row.participantId) : undefined, wanted));

  const others = new Map<string, RetrievedSegment['otherLabels']>();
  for (const { segmentId, id, name, colour } of otherLabelsOnSegmentsOf(db, label.id)) {
    const list = others.get(segmentId) ?? [];
    list.push({ id, name, colour });
    others.set(segmentId, list);
  }

  // Each document's text, turns and guide spans are read once, however many segments it has.
  const documents = new Map<string, { text: string; turns: TurnSpan[]; spans: ReturnType<typeof guideSpansWithSections> }>();
  const documentOf = (id: string) => {
    let found = documents.get(id);
    if (!found) {
      found = { text: documentText(db, id) ?? '', turns: turnSpans(db, id), spans: guideSpansWithSections(db, id) };
      documents.set(id, found);
    }
    return found;
  };

  const items: RetrievedSegment[] = rows.map((row) => {
    const { text, turns, spans } = documentOf(row.documentId);
    const first = turnAt(turns, row.start);
    const last = turnAt(turns, row.end - 1);
    const before = first && first.start <= row.start ? contextBefore(text, row.start, first.start, size) : { text: '', cut: false };
    const after = last && last.start < row.end ? contextAfter(text, row.end, last.end, size) : { text: '', cut: false };
    const participant = row.participantId ? participants.get(row.participantId) : undefined;
    const sections: string[] = [];
    for (const span of spans) if (span.start < row.end && row.start < span.end && !sections.includes(span.title)) sections.push(span.title);
    return {
      segment: { id: row.id, start: row.start, end: row.end, text: row.text },
      documentId: row.documentId,
      documentName: row.documentName,
      participant: participant ? { id: participant.id, name: participant.name, attributes: participant.attributes } : null,
      speaker: first?.speaker ?? null,
      startMs: first?.startMs ?? null,
      turnPosition: first?.position ?? null,
      coders: row.coders,
      otherLabels: others.get(row.id) ?? [],
      before: before.text,
      after: after.text,
      beforeCut: before.cut,
      afterCut: after.cut,
      guideSections: sections,
    };
  });
  return { label, total: items.length, items };
}

export function listCoders(project: Project): Array<{ id: string; name: string }> {
  return codersWithCodings(project.db);
}

/** Length of the union of spans (sorted by start): overlapping and touching spans count once. */
export function coveredLength(spans: Array<{ start: number; end: number }>): number {
  let covered = 0;
  let reach = -1;
  for (const { start, end } of spans) {
    if (end <= reach) continue;
    covered += end - Math.max(start, reach);
    reach = end;
  }
  return covered;
}

/** Per document: its segments and the share of its text they cover, from the coding index (segments quoted but no longer coded included). */
export function documentProgress(project: Project): DocumentProgress[] {
  const spans = new Map<string, Array<{ start: number; end: number }>>();
  for (const segment of codingIndex(project.db).segments.values()) {
    let list = spans.get(segment.document);
    if (!list) spans.set(segment.document, (list = []));
    list.push(segment);
  }
  return documentLengths(project.db).map(({ documentId, totalChars }) => {
    const own = (spans.get(documentId) ?? []).sort((a, b) => a.start - b.start || a.end - b.end);
    const codedChars = Math.min(totalChars, coveredLength(own));
    return { documentId, segments: own.length, codedChars, totalChars, share: totalChars > 0 ? codedChars / totalChars : 0 };
  });
}

/**
 * Per label, its segments per participant whose speech they cover (one pass over the coding index;
 * a segment across two participants' turns counts for each), and the documents they lie in.
 * Participants by name. Participants' speech only, unless `all`.
 */
export function labelProgress(project: Project, speakers: SpeakerScope = 'participants'): LabelSpread[] {
  const db = project.db;
  const index = codingIndex(db);
  const roles = speechIndex(db);
  // Sorted once by name; each label's participants then sort by that rank.
  const rank = new Map([...participantNames(db)].sort((a, b) => byName.compare(a[1], b[1])).map(([id, name], i) => [id, { i, name }]));
  const tallies = new Map<string, { perParticipant: Map<string, number>; documents: Set<string> }>();
  for (const entry of index.segments.values()) {
    if (entry.labels.length === 0) continue;
    const keys = countedKeys(speechOfEntry(roles, entry), speakers, roles.documents.get(entry.document)?.key ?? '');
    if (keys.length === 0) continue;
    for (const labelId of new Set(entry.labels)) {
      let tally = tallies.get(labelId);
      if (!tally) tallies.set(labelId, (tally = { perParticipant: new Map(), documents: new Set() }));
      tally.documents.add(entry.document);
      for (const key of keys) tally.perParticipant.set(key, (tally.perParticipant.get(key) ?? 0) + 1);
    }
  }
  return labelIdsInOrder(db).map((labelId) => {
    const tally = tallies.get(labelId);
    const withoutParticipant = tally?.perParticipant.get('') ?? 0;
    const participants = [...(tally?.perParticipant ?? [])]
      .filter(([participantId]) => participantId !== '')
      .sort((a, b) => (rank.get(a[0])?.i ?? 0) - (rank.get(b[0])?.i ?? 0))
      .map(([participantId, segments]) => ({ participantId, name: rank.get(participantId)?.name ?? '', segments }));
    return { labelId, participants, withoutParticipant, documents: tally?.documents.size ?? 0 };
  });
}

const byName = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
