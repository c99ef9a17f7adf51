/**
 * The names of all handlers, without their schemas: what the Electron preload's allow-list needs,
 * kept free of zod so that the sandboxed preload stays small. contract.ts must define exactly these.
 */
import { ANALYSIS_HANDLER_NAMES } from './names-analysis.ts';
import { INTERCHANGE_HANDLER_NAMES } from './names-interchange.ts';
import { PSEUDONYMISE_HANDLER_NAMES } from './names-pseudonymise.ts';
import { PROTECT_HANDLER_NAMES } from './names-protect.ts';
import { MERGE_HANDLER_NAMES } from './names-merge.ts';
import { REPORTS_HANDLER_NAMES } from './names-reports.ts';
import { SURVEYS_HANDLER_NAMES } from './names-surveys.ts';
import { AGREEMENT_HANDLER_NAMES } from './names-agreement.ts';
import { TRANSCRIPT_HANDLER_NAMES } from './names-transcripts.ts';

export const HANDLER_NAMES = [
  'project/create',
  'project/open',
  'project/close',
  'project/current',
  'project/choose',
  'projects/list',
  'project/info',
  'documents/import',
  'documents/list',
  'documents/get',
  'documents/setCitation',
  'participants/list',
  'participants/update',
  'attributes/create',
  'search/query',
  'guide/get',
  'guide/set',
  'changes/list',
  'labels/list',
  'labels/create',
  'labels/update',
  'labels/merge',
  'labels/delete',
  'labels/importCsv',
  'labels/move',
  'labels/usage',
  'codebook/applyTemplate',
  'segments/list',
  'codings/apply',
  'codings/remove',
  'codings/autocode',
  'codings/autocodePreview',
  'segments/resize',
  'history/state',
  'history/undo',
  'history/redo',
  'coders/current',
  'coders/set',
  'coders/list',
  'coders/unite',
  'tasks/cancel',
  'memos/list',
  'memos/save',
  'memos/delete',
  'guide/markSpan',
  'guide/unmarkSpan',
  'guide/spans',
  'retrieval/segments',
  'retrieval/coders',
  'progress/documents',
  'progress/labels',
  'speakers/list',
  'speakers/set',
  'speakers/confirm',
  ...ANALYSIS_HANDLER_NAMES,
  ...REPORTS_HANDLER_NAMES,
  ...INTERCHANGE_HANDLER_NAMES,
  ...PSEUDONYMISE_HANDLER_NAMES,
  ...PROTECT_HANDLER_NAMES,
  ...MERGE_HANDLER_NAMES,
  ...SURVEYS_HANDLER_NAMES,
  ...AGREEMENT_HANDLER_NAMES,
  ...TRANSCRIPT_HANDLER_NAMES,
] as const;

export type HandlerName = (typeof HANDLER_NAMES)[number];

export function isHandlerName(name: string): name is HandlerName {
  return (HANDLER_NAMES as readonly string[]).includes(name);
}
