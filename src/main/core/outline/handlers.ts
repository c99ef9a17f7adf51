import type { FeatureHandlers } from '../handlers.ts';
import { generateOutline, planOutline } from './generate.ts';
import { addItem, addSection, changeItem, changeSection, editQuote, moveItem, moveSection, readOutline, removeItem, removeSection } from './service.ts';

/** The report's outline: sections of text, quotes, concepts, tensions and charts, in the order they print. */
export const outlineHandlers = {
  'outline/get': (session) => readOutline(session.project.db),
  'outline/generate': (session, args) => generateOutline(session.project, args),
  'outline/generatePlan': (session, args) => planOutline(session.project.db, args),
  'outline/editQuote': (session, args) => editQuote(session.project, args),
  'outline/addSection': (session, args) => addSection(session.project, args),
  'outline/updateSection': (session, args) => changeSection(session.project, args),
  'outline/moveSection': (session, args) => moveSection(session.project, args),
  'outline/deleteSection': (session, { id }) => removeSection(session.project, id),
  'outline/addItem': (session, args) => addItem(session.project, args),
  'outline/updateItem': (session, args) => changeItem(session.project, args),
  'outline/moveItem': (session, args) => moveItem(session.project, args),
  'outline/deleteItem': (session, { id }) => removeItem(session.project, id),
} satisfies FeatureHandlers;
