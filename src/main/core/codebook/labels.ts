import { rememberLabelMerge } from '../merge/store-label-aliases.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { Label, LabelOrigin } from '../../../shared/model.ts';
import { nextColour } from '../../../shared/palette.ts';
import { newId, now } from '../clock.ts';
import type { Project } from '../project.ts';
import { moveMemos } from '../memos/store.ts';
import { getLabel } from './label-counts.ts';
import { moveLabelMemberships } from '../concepts/store.ts';
import { handOverLabelMemberships } from '../concepts/service.ts';
import { ancestors, deleteLabelRow, findSibling, insertLabel, labelRow, type LabelRow, reparentChildren, updateLabelRow, usedColours } from './store.ts';
import { countCodingsOfLabel, deleteUncodedSegments, moveCodings } from '../coding/store.ts';

/**
 * Round 1's labels: create, change, merge and delete. Every function is one write, so one undo
 * step (a merge included).
 */
export interface LabelFields {
  name: string;
  parentId?: string | null;
  colour?: string;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
  origin?: LabelOrigin;
  round?: number;
}

export function requireLabel(project: Project, id: string): LabelRow {
  const label = labelRow(project.db, id);
  if (!label) throw new DuidingError(`There is no label with id ${id}.`);
  return label;
}

export function assertFreeName(project: Project, parentId: string | null, name: string, except?: string): void {
  const clash = findSibling(project.db, parentId, name);
  if (clash && clash.id !== except) {
    throw new DuidingError(`There is already a label "${name}" here.`, 'input', { code: 'labelExists', params: { name } });
  }
}

export function insertNewLabel(project: Project, fields: LabelFields): string {
  const name = fields.name.trim().normalize('NFC');
  const parentId = fields.parentId ?? null;
  if (parentId) requireLabel(project, parentId);
  assertFreeName(project, parentId, name);
  const id = newId();
  insertLabel(project.db, {
    id,
    name,
    parentId,
    colour: fields.colour ?? nextColour(usedColours(project.db)),
    definition: fields.definition ?? '',
    inclusion: fields.inclusion ?? '',
    exclusion: fields.exclusion ?? '',
    example: fields.example ?? '',
    origin: fields.origin ?? 'emergent',
    round: fields.round ?? 1,
    createdBy: project.coder,
    createdAt: now(),
  });
  return id;
}

export function createLabel(project: Project, fields: LabelFields): Label {
  return project.write('labels/create', () => {
    const id = insertNewLabel(project, fields);
    const label = getLabel(project.db, id)!;
    return { result: label, summary: `Added label "${label.name}" (${label.origin})` };
  });
}

export function updateLabel(
  project: Project,
  id: string,
  patch: Partial<Omit<LabelFields, 'origin' | 'round'>> & { position?: number; definitionRich?: string | null },
): Label {
  const before = requireLabel(project, id);
  return project.write('labels/update', () => {
    const parentId = patch.parentId === undefined ? before.parentId : patch.parentId;
    if (parentId && ancestors(project.db, parentId).includes(id)) {
      throw new DuidingError(`"${before.name}" cannot go under itself or one of its own sub-labels.`, 'usage');
    }
    const name = patch.name?.trim().normalize('NFC') ?? before.name;
    if (name !== before.name || parentId !== before.parentId) assertFreeName(project, parentId, name, id);
    updateLabelRow(project.db, id, { ...patch, name, parentId });
    const after = getLabel(project.db, id)!;
    const what = name !== before.name ? `Renamed label "${before.name}" to "${name}"` : `Changed label "${name}"`;
    return { result: after, summary: what };
  });
}

/** Moves the codings of `sourceId` to `targetId` (duplicates collapse), re-homes its sub-labels, removes it. */
export function mergeLabels(project: Project, sourceId: string, targetId: string): { label: Label; moved: number; collapsed: number } {
  const source = requireLabel(project, sourceId);
  const target = requireLabel(project, targetId);
  if (sourceId === targetId) throw new DuidingError('A label cannot be merged into itself.', 'usage');
  if (ancestors(project.db, targetId).includes(sourceId)) {
    throw new DuidingError(`"${source.name}" cannot be merged into its own sub-label "${target.name}".`, 'usage');
  }
  return project.write('labels/merge', () => {
    const { moved, collapsed } = moveCodings(project.db, sourceId, targetId);
    moveMemos(project.db, 'label', sourceId, targetId);
    // Concepts that the source served now hold the target, and outline sections tied to it follow.
    moveLabelMemberships(project.db, sourceId, targetId);
    reparentChildren(project.db, sourceId, targetId);
    deleteLabelRow(project.db, sourceId);
    rememberLabelMerge(project.db, sourceId, targetId);
    return {
      result: { label: getLabel(project.db, targetId)!, moved, collapsed },
      summary: `Merged label "${source.name}" into "${target.name}" (${moved} codings moved, ${collapsed} duplicates collapsed)`,
    };
  });
}

/** Deletes a label and its codings; its sub-labels move up to its parent. */
export function deleteLabel(project: Project, id: string): { codings: number } {
  const label = requireLabel(project, id);
  return project.write('labels/delete', () => {
    const codings = countCodingsOfLabel(project.db, id);
    // The label leaves its concepts; its sub-labels take its place there, so the evidence below it stays.
    handOverLabelMemberships(project.db, id);
    reparentChildren(project.db, id, label.parentId);
    deleteLabelRow(project.db, id);
    deleteUncodedSegments(project.db);
    return { result: { codings }, summary: `Deleted label "${label.name}" and its ${codings} codings` };
  });
}
