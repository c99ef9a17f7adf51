import { DuidingError } from '../../../shared/errors.ts';
import type { AttributeDefinition, AttributeType, AttributeValue, Participant } from '../../../shared/model.ts';
import type { Project } from '../project.ts';
import { ensureAttribute, getParticipant, listAttributes, renameParticipant, setNamedAttribute } from './store.ts';

/** Renames a participant and sets attribute values, as one undoable write. */
export function updateParticipant(project: Project, id: string, name: string | undefined, attributes: Record<string, AttributeValue | null> | undefined): Participant {
  const before = getParticipant(project.db, id);
  if (!before) throw new DuidingError(`There is no participant with id ${id}.`);
  return project.write('participants/update', () => {
    if (name !== undefined && name !== before.name) renameParticipant(project.db, id, name);
    for (const [key, value] of Object.entries(attributes ?? {})) setNamedAttribute(project.db, id, key, value);
    const after = getParticipant(project.db, id)!;
    return { result: after, summary: `Updated participant "${after.name}"`, detail: { id, before, after } };
  });
}

/** Adds an attribute (a name not yet taken, compared without case). */
export function createAttribute(project: Project, name: string, type: AttributeType): AttributeDefinition {
  if (listAttributes(project.db).some((a) => a.name.toLowerCase() === name.toLowerCase())) {
    throw new DuidingError(`There is already an attribute "${name}".`);
  }
  return project.write('attributes/create', () => ({ result: ensureAttribute(project.db, name, type), summary: `Added attribute "${name}" (${type})` }));
}
