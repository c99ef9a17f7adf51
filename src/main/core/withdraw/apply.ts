import { rememberWithdrawal } from '../merge/store-withdrawn.ts';
import type { WithdrawResult, WithdrawTarget } from '../../../shared/protect.ts';
import { countWords } from '../../../shared/text/normalize.ts';
import type { Project } from '../project.ts';
import { rewriteAudit } from './audit-rewrite.ts';
import { planWithdrawal, type Cut } from './plan.ts';
import {
  deleteDocuments,
  deleteGuideSpans,
  deleteParticipant,
  deleteSegments,
  deleteSpeakers,
  deleteTurns,
  moveGuideSpan,
  moveTurn,
  updateDocumentAfterCut,
  updateSegment,
} from './store.ts';
import type { Db } from '../db/database.ts';

function applyCut(db: Db, cut: Cut, participantId: string | null): void {
  deleteSegments(db, cut.segments.remove);
  for (const s of cut.segments.move) updateSegment(db, s.id, s.start, s.end, s.text);
  deleteGuideSpans(db, cut.guideSpans.remove);
  for (const g of cut.guideSpans.move) moveGuideSpan(db, g.id, g.start, g.end);
  deleteTurns(db, cut.removedTurns.map((t) => t.id));
  // Positions stay 0, 1, 2 … in order: readers of a document take its turns by position.
  for (const t of cut.keptTurns) moveTurn(db, t.id, t.position, t.start, t.end);
  const speakers = [...new Set(cut.keptTurns.map((t) => t.speaker).filter((s): s is string => s !== null))];
  deleteSpeakers(db, cut.documentId, speakers, participantId);
  updateDocumentAfterCut(db, cut.documentId, { words: countWords(cut.newText), turns: cut.keptTurns.length, speakers, ownText: cut.ownText, unlink: cut.unlink });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Withdraws a participant or a document: one purging write. Undoable until the project is closed or
 * purged; then their words and data leave the file for good (Project.purge: row images dropped, the
 * search index rebuilt, free pages zeroed, the file vacuumed, the WAL truncated). The summary names
 * no one: it stays in the audit.
 */
export function withdraw(project: Project, target: WithdrawTarget): WithdrawResult {
  const db = project.db;
  const plan = planWithdrawal(db, target);
  const { preview } = plan;
  project.write('withdraw/apply', () => {
    // Remembered first (the rows still hold the hashes): a merge of an older copy must not bring them back.
    rememberWithdrawal(db, plan.deleteDocuments, plan.participantId);
    for (const cut of plan.cuts) applyCut(db, cut, plan.participantId);
    deleteDocuments(db, plan.deleteDocuments);
    if (plan.participantId) deleteParticipant(db, plan.participantId);
    const rewritten = rewriteAudit(db, plan.removal);
    return {
      result: null,
      summary:
        `Withdrew ${preview.target.kind === 'participant' ? 'a participant' : 'a document'}: ${plural(preview.documents.length, 'document')} removed` +
        `${preview.partial.length ? `, their turns taken out of ${plural(preview.partial.length, 'document')}` : ''}` +
        `; ${plural(preview.segments, 'segment')}, ${plural(preview.codings, 'coding')}, ${plural(preview.outlineItems, 'report quote')} removed` +
        `; ${plural(rewritten, 'audit line')} rewritten`,
      detail: { kind: preview.target.kind, documents: preview.documents.length, partial: preview.partial.length, segments: preview.segments, codings: preview.codings, auditLines: rewritten },
    };
  });
  return { ...preview, applied: true };
}
