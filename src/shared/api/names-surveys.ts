/** Handler names of questionnaires (issue 27), zod-free like names.ts. */
export const SURVEYS_HANDLER_NAMES = [
  'surveys/plan',
  'surveys/import',
  'surveys/items',
  'surveys/updateItem',
  'surveys/scales',
  'surveys/codedAnswers',
  'surveys/export',
] as const;
export type SurveysHandlerName = (typeof SURVEYS_HANDLER_NAMES)[number];
