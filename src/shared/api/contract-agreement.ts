/**
 * Agreement between coders (issue 26): the figures, the differences side by side, one consensus
 * decision at a time, and the report as .xlsx or .docx.
 */
import { z } from 'zod';
import { AGREEMENT_UNITS, type AgreementResult, type DecideResult, type DifferencesResult } from '../agreement.ts';
import type { ExportResult } from '../exports.ts';
import type { AgreementHandlerName } from './names-agreement.ts';
import { def, id, speakerScope, type Def } from './def.ts';

const query = {
  coders: z.array(z.string().min(1).max(200)).max(50).optional(),
  documentIds: z.array(id).max(100_000).optional(),
  labelIds: z.array(id).max(100_000).optional(),
  unit: z.enum(AGREEMENT_UNITS).optional(),
  speakers: speakerScope.optional(),
};
const choice = z.union([
  z.object({ kind: z.literal('coder'), coder: z.string().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('both') }).strict(),
  z.object({ kind: z.literal('neither') }).strict(),
]);

export const agreementContract = {
  /** Percent agreement, Cohen's κ and Krippendorff's α (uα at character level) per label and overall, before and after the consensus round. */
  'agreement/compute': def<AgreementResult>()(z.object(query).strict()),
  /** The units × labels on which the coders differ, each with every coder's version and the decision taken, if any. */
  'agreement/differences': def<DifferencesResult>()(z.object({ ...query, limit: z.number().int().min(1).max(100_000).optional() }).strict()),
  /** Settles one difference: one coder's version, both, or neither becomes the consensus coder's. One undo step. */
  'agreement/decide': def<DecideResult>()(
    z
      .object({
        documentId: id,
        labelId: id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        coders: z.array(z.string().min(1).max(200)).min(1).max(50),
        choice,
      })
      .strict(),
  ),
  /** The agreement table per label and overall, with unit, coders, documents and date: to `out`, or as base64 for a browser. */
  'agreement/export': def<ExportResult>()(
    z.object({ ...query, format: z.enum(['xlsx', 'docx']), language: z.enum(['nl', 'en']).optional(), out: z.string().min(1).optional() }).strict(),
  ),
} as const satisfies Record<AgreementHandlerName, Def<z.ZodType, unknown>>;
