/**
 * Questionnaires (issue 27): the import plan and the import, the items (dimension, reversed), the
 * scales view with the coded open answers beside it, and its exports.
 */
import { z } from 'zod';
import type { ExportResult } from '../exports.ts';
import { COLUMN_KINDS, type CodedAnswers, type ScalesResult, type SurveyImportResult, type SurveyItem, type SurveyPlan } from '../surveys/model.ts';
import type { SurveysHandlerName } from './names-surveys.ts';
import { def, fileRef, id, type Def } from './def.ts';

/** A change to the inferred plan, by header: what `--plan FILE.json` holds and the plan screen sends. */
export const planOverride = z
  .object({
    header: z.string().min(1).max(2000),
    kind: z.enum(COLUMN_KINDS).optional(),
    dimension: z.string().trim().min(1).max(200).optional(),
    reversed: z.boolean().optional(),
    scale: z
      .object({
        min: z.number().int().min(-100).max(100),
        max: z.number().int().min(-100).max(100).optional(),
        words: z.array(z.string().trim().min(1).max(200)).min(2).max(11).nullable().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
const by = z.string().trim().min(1).max(200).nullable().optional();

export const surveysContract = {
  /** What each column of a survey file would become, as inferred; writes nothing. */
  'surveys/plan': def<SurveyPlan>()(z.object({ file: fileRef, pseudonyms: fileRef.optional() }).strict()),
  /** Imports a survey on the inferred plan changed by `plan`; with `dryRun`, checks everything and writes nothing. A baseline. */
  'surveys/import': def<SurveyImportResult>()(
    z.object({ file: fileRef, plan: z.array(planOverride).max(2000).optional(), pseudonyms: fileRef.optional(), dryRun: z.boolean().optional() }).strict(),
  ),
  'surveys/items': def<SurveyItem[]>()(z.object({}).strict()),
  /** Moves an item to another dimension (regrouping by hand) or marks it reversed. */
  'surveys/updateItem': def<SurveyItem>()(
    z.object({ id, dimension: z.string().trim().min(1).max(200).optional(), reversed: z.boolean().optional() }).strict(),
  ),
  /** Per dimension and numeric column: n, mean, median, spread and the answers' distribution, overall and per value of `by`. */
  'surveys/scales': def<ScalesResult>()(z.object({ by }).strict()),
  /** Per value of `by`: the labels on its respondents' open answers, with quotes. */
  'surveys/codedAnswers': def<CodedAnswers>()(z.object({ by, quotes: z.number().int().min(0).max(50).optional() }).strict()),
  /** The scales view's tables (.xlsx) or chart (.svg): to `out`, or as base64 for a browser. */
  'surveys/export': def<ExportResult>()(
    z.object({ format: z.enum(['xlsx', 'svg']), by, language: z.enum(['nl', 'en']).optional(), out: z.string().min(1).optional() }).strict(),
  ),
} as const satisfies Record<SurveysHandlerName, Def<z.ZodType, unknown>>;
