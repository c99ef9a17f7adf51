import type { HandlerMap } from '../handlers.ts';
import { coderKeyOf, listCoderEntries, uniteCoders } from './service.ts';

/**
 * Who codes (issue 25). The session holds the name typed on this laptop; the project maps it to this
 * laptop's coder id at the first coding.
 */
export const codersHandlers: HandlerMap<'coders/current' | 'coders/set' | 'coders/list' | 'coders/unite'> = {
  'coders/current': (session) => ({ name: session.coder, id: session.hasProject ? coderKeyOf(session.project.db, session.coder, session.project.laptop) : null }),
  'coders/set': (session, { name }) => {
    session.setCoder(name.normalize('NFC'));
    return { name: session.coder, id: session.hasProject ? coderKeyOf(session.project.db, session.coder, session.project.laptop) : null };
  },
  'coders/list': (session) => listCoderEntries(session.project.db, session.project.laptop, session.coder),
  'coders/unite': (session, { from, into }) => {
    const project = session.project;
    return project.write('coders/unite', () => {
      const { moved, from: a, into: b } = uniteCoders(project.db, from, into);
      return { result: listCoderEntries(project.db, project.laptop, project.coder), summary: `United coder ${a.name} with ${b.name} (${moved} codings moved)` };
    });
  },
};
