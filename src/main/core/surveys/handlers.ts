import type { SurveysHandlerName } from '../../../shared/api/names-surveys.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { HandlerMap } from '../handlers.ts';
import { exportScales } from './export.ts';
import { importSurvey, planSurvey } from './import.ts';
import { getItem, updateItem } from './store.ts';
import { computeCodedAnswers, computeScales } from './scales.ts';
import { listItems } from './store.ts';

/** Questionnaires (issue 27); registered into the handler map (handlers.ts). */
export const surveysHandlers: HandlerMap<SurveysHandlerName> = {
  'surveys/plan': (_session, args) => planSurvey(args),
  'surveys/import': (session, args) => importSurvey(session.project, args),
  'surveys/items': (session) => listItems(session.project.db),
  'surveys/updateItem': (session, { id, dimension, reversed }) => {
    const project = session.project;
    const before = getItem(project.db, id);
    if (!before) throw new DuidingError(`There is no survey item with id ${id}.`);
    return project.write('surveys/updateItem', () => {
      updateItem(project.db, id, { dimension: dimension?.normalize('NFC'), reversed: before.kind === 'scale' ? reversed : undefined });
      const after = getItem(project.db, id)!;
      const what = [dimension !== undefined && dimension !== before.dimension ? `dimension ${before.dimension} → ${after.dimension}` : null, reversed !== undefined && reversed !== before.reversed ? (reversed ? 'reversed' : 'not reversed') : null]
        .filter(Boolean)
        .join(', ');
      return { result: after, summary: `Survey item "${after.header}": ${what || 'unchanged'}`, detail: { id, before, after } };
    });
  },
  'surveys/scales': (session, { by }) => computeScales(session.project.db, by),
  'surveys/codedAnswers': (session, { by, quotes }) => computeCodedAnswers(session.project.db, by, quotes ?? 3),
  'surveys/export': (session, args) => exportScales(session.project, args),
};
