import { DuidingError } from '../../../shared/errors.ts';
import type { Memo, MemoTarget, MemoTargetKind } from '../../../shared/model.ts';
import { newId, now } from '../clock.ts';
import type { Project } from '../project.ts';
import { deleteMemo as deleteMemoRow, getMemo, insertMemo, listMemos as listMemoRows, targetExists, updateMemo } from './store.ts';

/**
 * Memos on the project or on one document, participant, label or segment. Saving and deleting are
 * one write each, so one undo step; a memo goes with its target when that is deleted (migration 0004)
 * and comes back when that delete is undone.
 */
export interface SaveMemoArgs {
  id?: string;
  target: MemoTarget;
  title?: string;
  bodyRich: string;
  bodyText: string;
}

const NOUN: Record<Exclude<MemoTargetKind, 'project'>, string> = {
  document: 'document',
  participant: 'participant',
  label: 'label',
  segment: 'segment',
};

function projectTitle(project: Project): string {
  return project.meta().title;
}

/** The target as stored: the project has no id; every other kind needs the id of a row that exists. */
function resolveTarget(project: Project, target: MemoTarget): { kind: MemoTargetKind; id: string | null } {
  if (target.kind === 'project') {
    if (target.id) throw new DuidingError('A memo on the project takes no target id.', 'usage');
    return { kind: 'project', id: null };
  }
  if (!target.id) throw new DuidingError(`A memo on a ${NOUN[target.kind]} needs the ${NOUN[target.kind]}'s id.`, 'usage');
  if (!targetExists(project.db, target.kind, target.id)) {
    throw new DuidingError(`There is no ${NOUN[target.kind]} with id ${target.id} to write a memo on.`);
  }
  return { kind: target.kind, id: target.id };
}

/** The editor state must be Lexical's JSON (an object with a root), or the memo could not be opened again. */
function checkRich(bodyRich: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyRich);
  } catch {
    throw new DuidingError('The memo text is not valid editor JSON.', 'usage');
  }
  const root = (parsed as { root?: unknown } | null)?.root;
  if (typeof root !== 'object' || root === null) throw new DuidingError('The memo text is not a Lexical editor state (it has no root).', 'usage');
}

/** "the project", `label "x"`, `a segment in "y"`: for the change log (pseudonyms only, as the names are). */
function described(memo: Memo): string {
  switch (memo.target.kind) {
    case 'project':
      return 'the project';
    case 'segment':
      return `a segment in "${memo.documentName ?? '?'}"`;
    default:
      return `${NOUN[memo.target.kind]} "${memo.targetName}"`;
  }
}

export function listMemos(project: Project, target?: MemoTarget): Memo[] {
  if (target && target.kind === 'project' && target.id) throw new DuidingError('A memo on the project takes no target id.', 'usage');
  return listMemoRows(project.db, projectTitle(project), target);
}

/** Creates a memo (no id) or changes one; saving what is already stored writes nothing. */
export function saveMemo(project: Project, args: SaveMemoArgs): Memo {
  const target = resolveTarget(project, args.target);
  checkRich(args.bodyRich);
  const title = args.title?.trim().normalize('NFC');
  const bodyText = args.bodyText.normalize('NFC');
  const fields = { targetKind: target.kind, targetId: target.id, bodyRich: args.bodyRich, bodyText };
  if (args.id) {
    const id = args.id;
    const before = getMemo(project.db, projectTitle(project), id);
    if (!before) throw new DuidingError(`There is no memo with id ${id}; it may have been deleted or undone.`);
    const next = { ...fields, title: title ?? before.title };
    if (
      next.targetKind === before.target.kind &&
      next.targetId === before.target.id &&
      next.title === before.title &&
      next.bodyRich === before.bodyRich &&
      next.bodyText === before.bodyText
    ) {
      return before;
    }
    return project.write('memos/save', () => {
      updateMemo(project.db, { ...next, id, by: project.coder, at: now() });
      const memo = getMemo(project.db, projectTitle(project), id)!;
      return { result: memo, summary: `Changed a memo on ${described(memo)}` };
    });
  }
  if (!title && bodyText.trim() === '') throw new DuidingError('A memo needs a title or some text.', 'usage');
  return project.write('memos/save', () => {
    const id = newId();
    insertMemo(project.db, { ...fields, title: title ?? '', id, by: project.coder, at: now() });
    const memo = getMemo(project.db, projectTitle(project), id)!;
    return { result: memo, summary: `Wrote a memo on ${described(memo)}` };
  });
}

export function deleteMemo(project: Project, id: string): null {
  const memo = getMemo(project.db, projectTitle(project), id);
  if (!memo) throw new DuidingError(`There is no memo with id ${id}.`);
  return project.write('memos/delete', () => {
    deleteMemoRow(project.db, id);
    return { result: null, summary: `Deleted a memo on ${described(memo)}` };
  });
}
