import type { FeatureHandlers } from '../handlers.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { unconfirmedDocuments } from '../speakers/service.ts';
import { importFiles } from './import.ts';
import { setCitation } from './service.ts';
import { getDocument, listDocuments } from './store.ts';

/** Transcripts and other documents: import, list, open, cite. */
export const documentsHandlers = {
  'documents/import': (session, args) => importFiles(session.project, args),
  'documents/list': (session) => {
    const unconfirmed = unconfirmedDocuments(session.project.db);
    return listDocuments(session.project.db).map((d) => ({ ...d, rolesUnconfirmed: unconfirmed.has(d.id) }));
  },
  'documents/get': (session, { id }) => {
    const document = getDocument(session.project.db, id);
    if (!document) throw new DuidingError(`There is no document with id ${id}.`);
    return { ...document, rolesUnconfirmed: unconfirmedDocuments(session.project.db).has(id) };
  },
  'documents/setCitation': (session, { id, citation }) => setCitation(session.project, id, citation),
} satisfies FeatureHandlers;
