import type { DocumentSummary } from '../../../shared/model.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { Project } from '../project.ts';
import { unconfirmedDocuments } from '../speakers/service.ts';
import { getDocument, listDocuments, setDocumentCitation } from './store.ts';

/** Sets or removes a literature document's citation (one undoable write). */
export function setCitation(project: Project, id: string, citation: string | null): DocumentSummary & { rolesUnconfirmed: boolean } {
  const before = getDocument(project.db, id);
  if (!before) throw new DuidingError(`There is no document with id ${id}.`);
  const value = citation === null ? null : citation.normalize('NFC').replace(/\s+/g, ' ').trim() || null;
  return project.write('documents/setCitation', () => {
    setDocumentCitation(project.db, id, value);
    const after = listDocuments(project.db).find((d) => d.id === id)!;
    const summary = value === null ? `Removed the citation of "${before.name}"` : `Set the citation of "${before.name}" to "${value}"`;
    return { result: { ...after, rolesUnconfirmed: unconfirmedDocuments(project.db).has(id) }, summary, detail: { id, before: before.citation, after: value } };
  });
}
