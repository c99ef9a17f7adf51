import type { ConceptLink, MapPosition, RelationType } from '../../../shared/analysis.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { newId, now } from '../clock.ts';
import type { Project } from '../project.ts';
import { conceptRow, existingConcepts } from '../concepts/store.ts';
import {
  conceptLink,
  deleteLink,
  deleteRelationType,
  insertLink,
  insertRelationType,
  linksOfType,
  relationTypes,
  savePosition,
  updateLink,
} from './store.ts';
import { nextPosition } from '../rounds/store-order.ts';
import { checkedIds, notFound } from '../rounds/order.ts';

/** Round 3: relation types, typed links between concepts, and where the concepts sit on the map. */

function requireType(project: Project, id: string): RelationType {
  const type = relationTypes(project.db).find((t) => t.id === id);
  if (!type) throw notFound('relation type', id);
  return type;
}

function requireLink(project: Project, id: string): ConceptLink {
  const link = conceptLink(project.db, id);
  if (!link) throw notFound('concept link', id);
  return link;
}

const conceptName = (project: Project, id: string) => conceptRow(project.db, id)?.name ?? id;

export function createRelationType(project: Project, args: { name: string; directed: boolean }): RelationType {
  const name = args.name.trim().normalize('NFC');
  if (relationTypes(project.db).some((t) => t.name.toLocaleLowerCase('nl') === name.toLocaleLowerCase('nl'))) {
    throw new DuidingError(`There is already a relation type "${name}".`, 'input', { code: 'relationExists', params: { name } });
  }
  return project.write('relations/create', () => {
    const id = newId();
    insertRelationType(project.db, { id, name, directed: args.directed, position: nextPosition(project.db, 'relation_types') });
    return { result: requireType(project, id), summary: `Added relation type "${name}"` };
  });
}

export function removeRelationType(project: Project, id: string): null {
  const type = requireType(project, id);
  const used = linksOfType(project.db, id);
  if (used > 0) {
    throw new DuidingError(`The relation type "${type.name}" is used by ${used} link(s); change or delete those links first.`, 'input', {
      code: 'relationInUse',
      params: { name: type.name, links: used },
    });
  }
  return project.write('relations/delete', () => {
    deleteRelationType(project.db, id);
    return { result: null, summary: `Deleted relation type "${type.name}"` };
  });
}

export function createLink(project: Project, args: { sourceId: string; targetId: string; relationTypeId: string; memo?: string }): ConceptLink {
  checkedIds([args.sourceId, args.targetId], existingConcepts(project.db, [args.sourceId, args.targetId]), 'concept');
  if (args.sourceId === args.targetId) throw new DuidingError('A concept cannot be linked to itself.', 'usage', { code: 'selfLink', params: {} });
  const type = requireType(project, args.relationTypeId);
  return project.write('links/create', () => {
    const link: ConceptLink = {
      id: newId(),
      sourceId: args.sourceId,
      targetId: args.targetId,
      relationTypeId: type.id,
      memo: args.memo?.normalize('NFC') ?? '',
      createdBy: project.coder,
      createdAt: now(),
    };
    insertLink(project.db, link);
    return { result: link, summary: `Linked "${conceptName(project, link.sourceId)}" ${type.name} "${conceptName(project, link.targetId)}"` };
  });
}

export function changeLink(project: Project, id: string, patch: { relationTypeId?: string; memo?: string }): ConceptLink {
  const before = requireLink(project, id);
  const type = requireType(project, patch.relationTypeId ?? before.relationTypeId);
  return project.write('links/update', () => {
    updateLink(project.db, id, { relationTypeId: type.id, memo: patch.memo?.normalize('NFC') ?? before.memo });
    return { result: requireLink(project, id), summary: `Changed the link "${conceptName(project, before.sourceId)}" ${type.name} "${conceptName(project, before.targetId)}"` };
  });
}

export function removeLink(project: Project, id: string): null {
  const link = requireLink(project, id);
  return project.write('links/delete', () => {
    deleteLink(project.db, id);
    return { result: null, summary: `Deleted the link between "${conceptName(project, link.sourceId)}" and "${conceptName(project, link.targetId)}"` };
  });
}

/** Saves the positions given as one undo step; concepts not named keep theirs. */
export function saveLayout(project: Project, positions: MapPosition[]): null {
  const ids = positions.map((p) => p.conceptId);
  checkedIds(ids, existingConcepts(project.db, ids), 'concept');
  return project.write('map/saveLayout', () => {
    for (const position of positions) savePosition(project.db, position);
    return { result: null, summary: `Arranged ${positions.length} concept(s) on the map` };
  });
}
