import type { FeatureHandlers } from '../handlers.ts';
import { changeLink, createLink, createRelationType, removeLink, removeRelationType, saveLayout } from './service.ts';
import { conceptLinks, mapPositions, relationTypes } from './store.ts';

/** Round 2's concept map: typed links between concepts and where each concept lies on the map. */
export const conceptMapHandlers = {
  'relations/list': (session) => relationTypes(session.project.db),
  'relations/create': (session, args) => createRelationType(session.project, args),
  'relations/delete': (session, { id }) => removeRelationType(session.project, id),
  'links/list': (session) => conceptLinks(session.project.db),
  'links/create': (session, args) => createLink(session.project, args),
  'links/update': (session, { id, ...patch }) => changeLink(session.project, id, patch),
  'links/delete': (session, { id }) => removeLink(session.project, id),
  'map/layout': (session) => mapPositions(session.project.db),
  'map/saveLayout': (session, { positions }) => saveLayout(session.project, positions),
} satisfies FeatureHandlers;
