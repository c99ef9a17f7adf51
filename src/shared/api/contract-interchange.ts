/**
 * The REFI-QDA interchange: projects (.qdpx) and codebooks (.qdc) in and out.
 */
import { z } from 'zod';
import type { InterchangeExport, QdcImportReport, QdpxImportReport } from '../interchange.ts';
import type { InterchangeHandlerName } from './names-interchange.ts';
import { def, fileRef, type Def } from './def.ts';

const out = z.string().min(1).optional();

export const interchangeContract = {
  /** A REFI-QDA project (.qdpx, or a bare .qde) into this project, which must be empty. One undo step; a refused file writes nothing. */
  'interchange/importQdpx': def<QdpxImportReport>()(z.object({ file: fileRef, adoptTitle: z.boolean().optional() }).strict()),
  /** The whole project as .qdpx: written to `out`, or handed back as base64 without it. */
  'interchange/exportQdpx': def<InterchangeExport>()(z.object({ out }).strict()),
  /** A REFI-QDA codebook (.qdc): codes become labels; a label of the same name under the same parent is updated. One undo step. */
  'interchange/importQdc': def<QdcImportReport>()(z.object({ file: fileRef }).strict()),
  'interchange/exportQdc': def<InterchangeExport>()(z.object({ out }).strict()),
} as const satisfies Record<InterchangeHandlerName, Def<z.ZodType, unknown>>;
