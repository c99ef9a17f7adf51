import type { DecideArgs, DecideResult } from '../../../shared/agreement.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { newId, now } from '../clock.ts';
import type { Project } from '../project.ts';
import { getDocumentText } from '../documents/store.ts';
import { labelRow } from '../codebook/store.ts';
import { deleteCodings, hasCoding, insertCoding } from '../coding/store.ts';
import { CONSENSUS_CODER, coderDisplayName, registerConsensus, resolveCoders } from './coders.ts';
import { decisionKey, readDecisions, segmentsMeeting, writeDecision, type StoredDecision } from './store.ts';

/** The segments a decision takes into the consensus: the chosen coder's, every compared coder's, or none. */
function chosenSegments(project: Project, decision: StoredDecision): Set<string> {
  if (decision.choice.kind === 'neither') return new Set();
  const coders = decision.choice.kind === 'coder' ? [decision.choice.coder] : decision.coders;
  return new Set(segmentsMeeting(project.db, decision.documentId, decision.labelId, decision.start, decision.end, coders).map((s) => s.segmentId));
}

/**
 * Settles one difference (issue 26 §2): the consensus coder gets the chosen version's codings of the
 * label there, on the coders' own segments, and loses the ones no decision keeps. A segment that
 * reaches into a neighbouring unit keeps its consensus coding while a decision there chose it.
 * One write, one undo step, the decision kept beside the codings.
 */
export function decide(project: Project, args: DecideArgs): DecideResult {
  const db = project.db;
  const document = getDocumentText(db, args.documentId);
  if (!document) throw new DuidingError(`There is no document with id ${args.documentId}.`);
  const label = labelRow(db, args.labelId);
  if (!label) throw new DuidingError(`There is no label with id ${args.labelId}.`);
  if (args.start >= args.end || args.end > document.text.length) {
    throw new DuidingError(`The span ${args.start}–${args.end} is not inside "${document.name}" (0–${document.text.length}).`, 'usage');
  }
  const coders = resolveCoders(db, args.coders).filter((c) => c !== CONSENSUS_CODER);
  if (coders.length === 0) throw new DuidingError('Name the coders whose versions are compared.', 'usage');
  let chosen: string | null = null;
  if (args.choice.kind === 'coder') {
    chosen = resolveCoders(db, [args.choice.coder])[0]!;
    if (!coders.includes(chosen)) throw new DuidingError(`${coderDisplayName(db, chosen)} is not one of the coders compared here.`, 'usage');
  }
  const key = decisionKey(args.documentId, args.labelId, args.start, args.end);
  const decision: StoredDecision = {
    documentId: args.documentId,
    labelId: args.labelId,
    start: args.start,
    end: args.end,
    choice: chosen ? { kind: 'coder', coder: chosen } : args.choice.kind === 'both' ? { kind: 'both' } : { kind: 'neither' },
    coders,
    by: project.coder,
    at: now(),
  };
  const what = chosen ? `${coderDisplayName(db, chosen)}'s version` : args.choice.kind === 'both' ? 'both versions' : 'neither version';
  return project.write('agreement/decide', () => {
    registerConsensus(db, decision.at);
    const decisions = readDecisions(db);
    decisions.set(key, decision);
    writeDecision(db, key, decision);
    // Every segment with the label that meets the unit, by a compared coder or the consensus.
    const candidates = segmentsMeeting(db, args.documentId, args.labelId, args.start, args.end, [...coders, CONSENSUS_CODER]);
    const spans = new Map(candidates.map((c) => [c.segmentId, c]));
    const wanted = new Set<string>();
    for (const other of decisions.values()) {
      if (other.documentId !== args.documentId || other.labelId !== args.labelId) continue;
      for (const segment of chosenSegments(project, other)) {
        const span = spans.get(segment);
        if (span && span.start < other.end && span.end > other.start) wanted.add(segment);
      }
    }
    let added = 0;
    let removed = 0;
    for (const segmentId of spans.keys()) {
      const has = hasCoding(db, segmentId, args.labelId, CONSENSUS_CODER);
      if (wanted.has(segmentId) && !has) {
        insertCoding(db, { id: newId(), segmentId, labelId: args.labelId, coder: CONSENSUS_CODER, createdAt: decision.at });
        added++;
      } else if (!wanted.has(segmentId) && has) removed += deleteCodings(db, segmentId, args.labelId, CONSENSUS_CODER);
    }
    return {
      result: { key, added, removed },
      summary: `Consensus on "${label.name}" in "${document.name}": ${what}`,
      detail: { key, choice: decision.choice, added, removed },
    };
  });
}
