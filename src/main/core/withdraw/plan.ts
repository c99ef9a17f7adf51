import { DuidingError } from '../../../shared/errors.ts';
import type { WithdrawPartial, WithdrawPreview, WithdrawTarget } from '../../../shared/protect.ts';
import { countWords } from '../../../shared/text/normalize.ts';
import { applyEdits, assertEdits, offsetMap, type TextEdit } from '../../../shared/text/offset-map.ts';
import type { Db } from '../db/database.ts';
import { documentOwnText, documentTurns, joinTurns, type TurnRow } from '../documents/store.ts';
import { speechIndex } from '../speakers/service.ts';
import { countAuditRewrites } from './audit-rewrite.ts';
import {
  countAttributeValues,
  countCodings,
  countGuideSpans,
  countMemos,
  countOutlineItems,
  documentHeads,
  documentName,
  emptiedLabels,
  guideSpansOfDocument,
  participantName,
  segmentIdsOfDocuments,
  segmentsOfDocument,
  usesOf,
} from './store.ts';

/**
 * Withdrawing a participant (GDPR practice lets them withdraw) or a single document: everything that
 * holds their words or data is worked out first, counted for the preview, and written by apply.ts as
 * one purging write.
 *
 * A participant's documents go whole when no other participant speaks in them (an interview: the
 * interviewer's questions go with it). Where others speak too (a focus group) only the turns that are
 * theirs go — by the speakers' roles, stored or inferred (issue 20) — and the document's text closes
 * up: every later turn, segment and guide mark moves back by what went (the offset map of issue 23),
 * a segment that lay across their words and another's keeps only the other's, and one that lay in
 * their words only goes with its codings and quotes.
 */

/** A document that stays, with the turns that go and where everything else moves. */
export interface Cut {
  documentId: string;
  name: string;
  removedTurns: TurnRow[];
  keptTurns: Array<{ id: number; position: number; start: number; end: number; speaker: string | null }>;
  newText: string;
  ownText: string | null;
  segments: { remove: string[]; move: Array<{ id: string; start: number; end: number; text: string }>; shortened: number };
  guideSpans: { remove: string[]; move: Array<{ id: string; start: number; end: number }> };
  unlink: boolean;
}

export interface WithdrawPlan {
  preview: WithdrawPreview;
  participantId: string | null;
  deleteDocuments: string[];
  cuts: Cut[];
  /** Every segment that goes (of removed documents, and emptied by a cut). */
  segments: string[];
  /** What the audit lines may not keep: names, and the removed words (a summary quotes a segment's first words). */
  removal: Removal;
}

export interface Removal {
  names: string[];
  texts: string[];
  documentIds: string[];
}

/** Where each removed turn's text and one blank-line separator go, merged into sorted edits. */
function cutEdits(turns: TurnRow[], removed: Set<number>, joined: boolean): TextEdit[] {
  const ranges: Array<[number, number]> = [];
  let keptBefore = false;
  turns.forEach((turn, i) => {
    if (!removed.has(turn.id)) {
      keptBefore = true;
      return;
    }
    if (!joined) ranges.push([turn.start, turn.end]);
    // The separator before it when a kept turn precedes, else the one after it.
    else if (keptBefore) ranges.push([turns[i - 1]!.end, turn.end]);
    else ranges.push([turn.start, turns[i + 1]?.start ?? turn.end]);
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged.map(([start, end]) => ({ start, end, text: '' }));
}

/** A span moved onto a cut's edge starts at the separator it now borders: it keeps words only. */
function trimmed(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function planCut(db: Db, documentId: string, name: string, removedIds: Set<number>, unlink: boolean): Cut {
  const turns = documentTurns(db, documentId);
  const ownText = documentOwnText(db, documentId);
  const oldText = ownText ?? joinTurns(turns.map((t) => t.text));
  const edits = cutEdits(turns, removedIds, ownText === null);
  assertEdits(edits, oldText.length);
  const newText = applyEdits(oldText, edits);
  const map = offsetMap(edits);
  const kept = turns.filter((t) => !removedIds.has(t.id));
  const keptTurns = kept.map((t, position) => ({ id: t.id, position, speaker: t.speaker, ...map.span(t.start, t.end) }));
  const segments: Cut['segments'] = { remove: [], move: [], shortened: 0 };
  for (const segment of segmentsOfDocument(db, documentId)) {
    const mapped = map.span(segment.start, segment.end);
    const moved = mapped.end - mapped.start < segment.end - segment.start;
    const span = moved ? trimmed(newText, mapped) : mapped;
    const text = newText.slice(span.start, span.end);
    // Nothing of another's words is left in it: it goes, with its codings and quotes.
    if (span.end <= span.start || text.trim() === '') segments.remove.push(segment.id);
    else if (span.start !== segment.start || span.end !== segment.end || text !== segment.text) {
      if (span.end - span.start < segment.end - segment.start) segments.shortened++;
      segments.move.push({ id: segment.id, ...span, text });
    }
  }
  const guideSpans: Cut['guideSpans'] = { remove: [], move: [] };
  for (const mark of guideSpansOfDocument(db, documentId)) {
    const mapped = map.span(mark.start, mark.end);
    const span = mapped.end - mapped.start < mark.end - mark.start ? trimmed(newText, mapped) : mapped;
    if (span.end <= span.start || newText.slice(span.start, span.end).trim() === '') guideSpans.remove.push(mark.id);
    else if (span.start !== mark.start || span.end !== mark.end) guideSpans.move.push({ id: mark.id, ...span });
  }
  return {
    documentId,
    name,
    removedTurns: turns.filter((t) => removedIds.has(t.id)),
    keptTurns,
    newText,
    ownText: ownText === null ? null : newText,
    segments,
    guideSpans,
    unlink,
  };
}

/** The participant's documents (whole) and cuts (their turns only), by the speakers' roles. */
function planParticipant(db: Db, participantId: string): { whole: string[]; cuts: Cut[] } {
  const whole: string[] = [];
  const cuts: Cut[] = [];
  const index = speechIndex(db);
  for (const document of index.documents.values()) {
    const keys = document.turns.keys;
    const mine = new Set<number>();
    let others = false;
    keys.forEach((key, i) => {
      if (key === participantId) mine.add(i);
      else if (key !== null) others = true;
    });
    const own = document.participantId === participantId;
    if (own && !others) whole.push(document.id);
    else if (mine.size > 0 || own) {
      const turns = documentTurns(db, document.id);
      // The speech index reads the turns in the same order (by position).
      const ids = new Set([...mine].map((i) => turns[i]!.id));
      cuts.push(planCut(db, document.id, document.name, ids, own));
    }
  }
  return { whole, cuts };
}

export function planWithdrawal(db: Db, target: WithdrawTarget): WithdrawPlan {
  let participantId: string | null = null;
  let whole: string[];
  let cuts: Cut[] = [];
  let targetName: string;
  if ('participantId' in target) {
    const name = participantName(db, target.participantId);
    if (name === undefined) throw new DuidingError(`There is no participant with id ${target.participantId}.`, 'usage');
    participantId = target.participantId;
    targetName = name;
    ({ whole, cuts } = planParticipant(db, participantId));
  } else {
    const name = documentName(db, target.documentId);
    if (name === undefined) throw new DuidingError(`There is no document with id ${target.documentId}.`, 'usage');
    targetName = name;
    whole = [target.documentId];
  }
  const heads = documentHeads(db, whole);
  const segments = [...segmentIdsOfDocuments(db, whole), ...cuts.flatMap((c) => c.segments.remove)];
  const removedTurns = cuts.flatMap((c) => c.removedTurns);
  const speakerNames = [...new Set(removedTurns.map((t) => t.speaker).filter((s): s is string => s !== null))];
  const removal: Removal = {
    names: [...new Set([...(participantId ? [targetName] : []), ...heads.flatMap((h) => [h.name, h.sourceName]), ...speakerNames])],
    texts: [...whole.map((id) => joinTurns(documentTurns(db, id).map((t) => t.text))), ...removedTurns.map((t) => t.text)],
    documentIds: whole,
  };
  const partial: WithdrawPartial[] = cuts.map((c) => ({ id: c.documentId, name: c.name, turns: c.removedTurns.length, segmentsShortened: c.segments.shortened }));
  const preview: WithdrawPreview = {
    target: { kind: participantId ? 'participant' : 'document', id: participantId ?? whole[0]!, name: targetName },
    documents: heads.map((h) => ({ id: h.id, name: h.name })),
    partial,
    turns: heads.reduce((sum, h) => sum + h.turns, 0) + removedTurns.length,
    words: heads.reduce((sum, h) => sum + h.words, 0) + removedTurns.reduce((sum, t) => sum + countWords(t.text), 0),
    segments: segments.length,
    codings: countCodings(db, segments),
    segmentsShortened: cuts.reduce((sum, c) => sum + c.segments.shortened, 0),
    uses: usesOf(db, segments),
    outlineItems: countOutlineItems(db, segments),
    memos: countMemos(db, segments, whole, participantId),
    guideMarks: countGuideSpans(db, whole) + cuts.reduce((sum, c) => sum + c.guideSpans.remove.length, 0),
    attributeValues: participantId ? countAttributeValues(db, participantId) : 0,
    emptiedLabels: emptiedLabels(db, segments),
    auditLines: countAuditRewrites(db, removal),
  };
  return { preview, participantId, deleteDocuments: whole, cuts, segments, removal };
}
