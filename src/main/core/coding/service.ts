import { DuidingError } from '../../../shared/errors.ts';
import type { Label, LabelOrigin, Segment } from '../../../shared/model.ts';
import { type Range } from '../../../shared/text/highlight.ts';
import { newId, now } from '../clock.ts';
import type { Project } from '../project.ts';
import { withCounts } from '../codebook/label-counts.ts';
import { getDocumentText } from '../documents/store.ts';
import { ancestors, findByName, labelRow } from '../codebook/store.ts';
import { deleteCodings, deleteSegmentIfUncoded, documentOfSegment, findSegment, hasCoding, insertCoding, insertSegment, getSegment, updateSegmentSpan } from './store.ts';
import { insertNewLabel, requireLabel } from '../codebook/labels.ts';

/**
 * Round 1's codings: a label on a passage (a segment of a document), removed, or its passage
 * resized. Every function is one write, so one undo step; auto-code is in autocode.ts.
 */

/** Checks a span against a document's text: inside it, not empty, not splitting an emoji. */
export function validSpan(text: string, start: number, end: number, documentName: string): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new DuidingError(`The span ${start}–${end} is not inside "${documentName}" (0–${text.length}).`, 'usage');
  }
  const low = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) && /[\uD800-\uDBFF]/.test(text[i - 1]!);
  if (low(start) || low(end)) throw new DuidingError(`The span ${start}–${end} splits a character in "${documentName}".`, 'usage');
}

export function resolveLabel(project: Project, ref: { labelId?: string; labelName?: string; origin?: LabelOrigin }): { id: string; created: boolean } {
  if (ref.labelId) return { id: requireLabel(project, ref.labelId).id, created: false };
  const name = ref.labelName?.trim();
  if (!name) throw new DuidingError('Name a label or give its id.', 'usage');
  const found = findByName(project.db, name);
  if (found.length > 0) return { id: found[0]!.id, created: false };
  return { id: insertNewLabel(project, { name, origin: ref.origin ?? 'emergent' }), created: true };
}

/** Codes one span with one label; labels named but not yet in the codebook are created (emergent or in vivo). */
export function codeSpan(project: Project, documentId: string, text: string, span: Range, labelId: string): boolean {
  const at = now();
  let segmentId = findSegment(project.db, documentId, span.start, span.end)?.id;
  if (!segmentId) {
    segmentId = newId();
    insertSegment(project.db, { id: segmentId, documentId, start: span.start, end: span.end, text: text.slice(span.start, span.end), createdBy: project.coder, createdAt: at });
  }
  const coder = project.coderKey();
  if (hasCoding(project.db, segmentId, labelId, coder)) return false;
  insertCoding(project.db, { id: newId(), segmentId, labelId, coder, createdAt: at });
  return true;
}

export function applyLabel(
  project: Project,
  args: { documentId: string; start: number; end: number; labelId?: string; labelName?: string; origin?: LabelOrigin },
): { segment: Segment; label: Label; ancestors: Label[]; createdLabel: boolean } {
  // Only the text: this runs on every keypress that applies a label, on transcripts of 300,000 characters.
  const document = getDocumentText(project.db, args.documentId);
  if (!document) throw new DuidingError(`There is no document with id ${args.documentId}.`);
  validSpan(document.text, args.start, args.end, document.name);
  const done = project.write('codings/apply', () => {
    project.coderKey();
    const label = resolveLabel(project, args);
    codeSpan(project, document.id, document.text, { start: args.start, end: args.end }, label.id);
    const segment = getSegment(project.db, findSegment(project.db, document.id, args.start, args.end)!.id)!;
    const name = labelRow(project.db, label.id)!.name;
    return {
      result: { segment, labelId: label.id, createdLabel: label.created },
      summary: `Coded “${segment.text.slice(0, 40)}${segment.text.length > 40 ? '…' : ''}” in "${document.name}" with "${name}"`,
    };
  });
  // Counted once the write is in: the coding index then takes it in place (inside the write it
  // would be read afresh). The parents' branch counts changed too, so they come along.
  const [label, ...above] = withCounts(project.db, ancestors(project.db, done.labelId).map((id) => labelRow(project.db, id)!));
  return { segment: done.segment, label: label!, ancestors: above, createdLabel: done.createdLabel };
}

/** Takes a label off a segment (the current coder's coding, or every coder's with `allCoders`). */
export function removeCoding(project: Project, args: { segmentId: string; labelId: string; allCoders?: boolean }): { removed: number } {
  const label = requireLabel(project, args.labelId);
  return project.write('codings/remove', () => {
    const removed = deleteCodings(project.db, args.segmentId, args.labelId, args.allCoders ? null : project.coderKey());
    if (removed === 0) throw new DuidingError(`That segment has no "${label.name}" coding by ${args.allCoders ? 'anyone' : project.coder}.`);
    deleteSegmentIfUncoded(project.db, args.segmentId);
    return { result: { removed }, summary: `Removed "${label.name}" from a segment` };
  });
}

/** Widens or narrows a segment; its labels stay on it. */
export function resizeSegment(project: Project, args: { segmentId: string; start: number; end: number }): Segment {
  const documentId = documentOfSegment(project.db, args.segmentId);
  if (documentId === undefined) throw new DuidingError(`There is no segment with id ${args.segmentId}.`);
  const document = getDocumentText(project.db, documentId)!;
  validSpan(document.text, args.start, args.end, document.name);
  const clash = findSegment(project.db, document.id, args.start, args.end);
  if (clash && clash.id !== args.segmentId) throw new DuidingError('Another segment already covers exactly that span.', 'usage');
  return project.write('segments/resize', () => {
    updateSegmentSpan(project.db, args.segmentId, args.start, args.end, document.text.slice(args.start, args.end));
    const segment = getSegment(project.db, args.segmentId)!;
    return { result: segment, summary: `Resized a segment in "${document.name}" to “${segment.text.slice(0, 40)}”` };
  });
}
