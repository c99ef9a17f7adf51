/**
 * The one contract between the core and its transports (CLI, HTTP host, Electron IPC): handler name
 * → argument schema (validated at run time) and result type. Transports add no logic of their own.
 */
import { z } from 'zod';
import { HANDLER_NAMES, isHandlerName, type HandlerName } from './names.ts';
import {
  type CoderEntry,
  ATTRIBUTE_TYPES,
  DOCUMENT_KINDS,
  LABEL_ORIGINS,
  CODEBOOK_TEMPLATES,
  type CodebookImport,
  type CodebookTemplateResult,
  type LabelUsage,
  type Memo,
  type AutocodePreview,
  type AutocodeResult,
  type HistoryState,
  type Label,
  type Segment,
  GUIDE_QUESTION_TYPES,
  type ChangeEntry,
  type DocumentDetail,
  type DocumentSummary,
  type GuideSection,
  type ImportReport,
  type Participant,
  type AttributeDefinition,
  type ProjectEntry,
  type ProjectInfo,
  type SearchResult,
  type GuideSpan,
  type RetrievalResult,
  type DocumentProgress,
  type LabelSpread,
  type DocumentSpeakers,
  AUTOCODE_SCOPES,
  SPEAKER_ROLES,
} from '../model.ts';

import { attributeValue, autocodeQuery, colour, def, fileRef, id, labelName, memoTarget, richText, speakerScope, type Def } from './def.ts';
import { analysisContract } from './contract-analysis.ts';
import { interchangeContract } from './contract-interchange.ts';
import { pseudonymiseContract } from './contract-pseudonymise.ts';
import { protectContract } from './contract-protect.ts';
import { mergeContract } from './contract-merge.ts';
import { transcriptContract } from './contract-transcripts.ts';
import { reportsContract } from './contract-reports.ts';
import { surveysContract } from './contract-surveys.ts';
import { agreementContract } from './contract-agreement.ts';

export { fileRef, type FileRef } from './def.ts';

export const contract = {
  'project/create': def<ProjectInfo>()(
    z.object({ path: z.string().min(1), title: z.string().trim().min(1).optional() }).strict(),
  ),
  'project/open': def<ProjectInfo>()(
    z.object({ path: z.string().min(1), readOnly: z.boolean().optional() }).strict(),
  ),
  'project/close': def<null>()(z.object({}).strict()),
  /** The open project, or null: lets a reloaded window pick up where it was. */
  'project/current': def<ProjectInfo | null>()(z.object({}).strict()),
  /**
   * A project file elsewhere, chosen in the desktop app's native dialog: `open` an existing one or
   * `create` one where the user saves it. Null when the user cancels. Only the desktop host has it.
   */
  'project/choose': def<ProjectInfo | null>()(
    z.object({ mode: z.enum(['open', 'create']), title: z.string().trim().min(1).optional() }).strict(),
  ),
  /** Project files this host offers to open (its projects folder). */
  'projects/list': def<ProjectEntry[]>()(z.object({}).strict()),
  'project/info': def<ProjectInfo>()(z.object({}).strict()),
  'documents/import': def<ImportReport>()(
    z
      .object({
        files: z.array(fileRef).min(1),
        participant: z.string().trim().min(1).optional(),
        kind: z.enum(DOCUMENT_KINDS).optional(),
        pseudonyms: fileRef.optional(),
        onDuplicate: z.enum(['skip', 'add', 'fail']).optional(),
      })
      .strict(),
  ),
  'documents/list': def<DocumentSummary[]>()(z.object({}).strict()),
  'documents/get': def<DocumentDetail>()(z.object({ id }).strict()),
  /** How the report cites a document (literature: "Peeters & Claes, 2019"); null or blank clears it, and the report names the document. */
  'documents/setCitation': def<DocumentSummary>()(z.object({ id, citation: z.string().max(500).nullable() }).strict()),
  'participants/list': def<{ participants: Participant[]; attributes: AttributeDefinition[] }>()(
    z.object({}).strict(),
  ),
  'participants/update': def<Participant>()(
    z
      .object({
        id,
        name: z.string().trim().min(1).optional(),
        attributes: z.record(z.string().min(1), attributeValue.nullable()).optional(),
      })
      .strict(),
  ),
  'attributes/create': def<AttributeDefinition>()(
    z.object({ name: z.string().trim().min(1).max(80), type: z.enum(ATTRIBUTE_TYPES) }).strict(),
  ),
  'search/query': def<SearchResult>()(
    z.object({ query: z.string(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
  ),
  'guide/get': def<GuideSection[]>()(z.object({}).strict()),
  'guide/set': def<GuideSection[]>()(
    z
      .object({
        sections: z.array(
          z
            .object({
              title: z.string().trim().min(1),
              questions: z.array(
                z.object({ text: z.string().trim().min(1), type: z.enum(GUIDE_QUESTION_TYPES).nullable() }).strict(),
              ),
            })
            .strict(),
        ),
      })
      .strict(),
  ),
  'changes/list': def<ChangeEntry[]>()(
    z.object({ limit: z.number().int().min(1).max(10000).optional() }).strict(),
  ),
  /** The codebook with each label's counts: participants' speech only unless `speakers: 'all'`; the branch counts take in its sub-labels. */
  'labels/list': def<Label[]>()(z.object({ speakers: speakerScope.optional() }).strict()),
  'labels/create': def<Label>()(
    z
      .object({
        name: labelName,
        parentId: id.nullable().optional(),
        colour: colour.optional(),
        definition: z.string().optional(),
        inclusion: z.string().optional(),
        exclusion: z.string().optional(),
        example: z.string().optional(),
        origin: z.enum(LABEL_ORIGINS).optional(),
        round: z.number().int().min(1).max(3).optional(),
      })
      .strict(),
  ),
  'labels/update': def<Label>()(
    z
      .object({
        id,
        name: labelName.optional(),
        parentId: id.nullable().optional(),
        position: z.number().int().min(0).optional(),
        colour: colour.optional(),
        definition: z.string().optional(),
        definitionRich: richText.nullable().optional(),
        inclusion: z.string().optional(),
        exclusion: z.string().optional(),
        example: z.string().optional(),
      })
      .strict(),
  ),
  'labels/merge': def<{ label: Label; moved: number; collapsed: number }>()(z.object({ sourceId: id, targetId: id }).strict()),
  'labels/delete': def<{ codings: number }>()(z.object({ id }).strict()),
  /** A prepared codebook from CSV: name, parent (by name), definition, colour (Dutch titles too); same name under the same parent updates. */
  'labels/importCsv': def<CodebookImport>()(z.object({ file: fileRef }).strict()),
  /** Puts a label at `index` among the other sub-labels of `parentId` (null: top level); siblings are renumbered. One undo step. */
  'labels/move': def<Label>()(z.object({ id, parentId: id.nullable(), index: z.number().int().min(0) }).strict()),
  /** What hangs on a label (codings, segments, documents, sub-labels), and what a merge into `targetId` would collapse. */
  'labels/usage': def<LabelUsage>()(z.object({ id, targetId: id.optional() }).strict()),
  /** A study's interview guide (when the project has none) and its a-priori labels; `includeEmergent` adds the labels that emerged in it. */
  'codebook/applyTemplate': def<CodebookTemplateResult>()(
    z.object({ template: z.enum(CODEBOOK_TEMPLATES), includeEmergent: z.boolean().optional() }).strict(),
  ),
  'segments/list': def<Segment[]>()(z.object({ documentId: id }).strict()),
  /** Answers with all a coding changes (the segment, the label's counts and its parents' branch counts) and the undo state, so that a page repaints without asking again. */
  'codings/apply': def<{ segment: Segment; label: Label; ancestors: Label[]; createdLabel: boolean; history: HistoryState }>()(
    z
      .object({
        documentId: id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        labelId: id.optional(),
        labelName: labelName.optional(),
        origin: z.enum(['emergent', 'in-vivo']).optional(),
      })
      .strict()
      .refine((a) => (a.labelId === undefined) !== (a.labelName === undefined), 'give either labelId or labelName'),
  ),
  'codings/remove': def<{ removed: number }>()(z.object({ segmentId: id, labelId: id, allCoders: z.boolean().optional() }).strict()),
  /** The segments a run would code (scope `sentence` and participants' speech unless asked otherwise), each with a key to leave it out by. */
  'codings/autocodePreview': def<AutocodePreview>()(
    z
      .object({ query: autocodeQuery, limit: z.number().int().min(1).max(2000).optional(), scope: z.enum(AUTOCODE_SCOPES).optional(), speakers: speakerScope.optional() })
      .strict(),
  ),
  'segments/resize': def<Segment>()(z.object({ segmentId: id, start: z.number().int().min(0), end: z.number().int().min(1) }).strict()),
  'codings/autocode': def<AutocodeResult>()(
    z
      .object({
        labelId: id.optional(),
        labelName: labelName.optional(),
        query: autocodeQuery,
        scope: z.enum(AUTOCODE_SCOPES).optional(),
        speakers: speakerScope.optional(),
        /** Keys of preview hits to leave out. */
        exclude: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .refine((a) => (a.labelId === undefined) !== (a.labelName === undefined), 'give either labelId or labelName'),
  ),
  /** Every document's speakers with their roles (or one document's). */
  'speakers/list': def<DocumentSpeakers[]>()(z.object({ documentId: id.optional() }).strict()),
  /** Sets a speaker's role in one document, or in every document where the name speaks. One undo step. */
  'speakers/set': def<{ documents: number; changed: number }>()(
    z
      .object({
        name: z.string().trim().min(1),
        role: z.enum(SPEAKER_ROLES),
        participantId: id.nullable().optional(),
        documentId: id.optional(),
      })
      .strict(),
  ),
  /** Confirms a document's roles as they are. One undo step. */
  'speakers/confirm': def<DocumentSpeakers>()(z.object({ documentId: id }).strict()),
  'history/state': def<HistoryState>()(z.object({}).strict()),
  'history/undo': def<HistoryState>()(z.object({}).strict()),
  'history/redo': def<HistoryState>()(z.object({}).strict()),
  /** Memos, newest first: all, all of one kind (`target` without id), or those of one target. */
  'memos/list': def<Memo[]>()(z.object({ target: memoTarget.optional() }).strict()),
  /** Creates a memo (no id) or changes it; `bodyRich` is Lexical editor state (JSON), `bodyText` its plain text. */
  'memos/save': def<Memo>()(
    z
      .object({ id: id.optional(), target: memoTarget, title: z.string().max(300).optional(), bodyRich: richText, bodyText: z.string() })
      .strict(),
  ),
  'memos/delete': def<null>()(z.object({ id }).strict()),
  /** Marks a stretch of a transcript as answering a guide section (and maybe one of its questions). One undo step. */
  'guide/markSpan': def<GuideSpan>()(
    z
      .object({ documentId: id, start: z.number().int().min(0), end: z.number().int().min(1), sectionId: id, questionId: id.nullable().optional() })
      .strict(),
  ),
  'guide/unmarkSpan': def<null>()(z.object({ id }).strict()),
  /** A document's guide spans, by position, with their section's title and question's text. */
  'guide/spans': def<GuideSpan[]>()(z.object({ documentId: id }).strict()),
  /** Every segment of a label, with participant, context (characters each side, within the turn), coders, other labels, guide sections. */
  'retrieval/segments': def<RetrievalResult>()(
    z
      .object({
        labelId: id,
        filters: z
          .object({
            attributes: z.record(z.string().min(1), attributeValue).optional(),
            coder: z.string().min(1).optional(),
            guideSectionId: id.optional(),
            documentId: id.optional(),
            /** Whose speech: participants' only (the default) or everyone's. */
            speakers: speakerScope.optional(),
          })
          .strict()
          .optional(),
        context: z.number().int().min(0).max(5000).optional(),
      })
      .strict(),
  ),
  /** Every coder who has codings in the project. */
  'retrieval/coders': def<Array<{ id: string; name: string }>>()(z.object({}).strict()),
  /** Per document: segments, characters coded (overlaps once), and the share of its text that is coded. */
  'progress/documents': def<DocumentProgress[]>()(z.object({}).strict()),
  /** Per label: its segments per participant and the number of documents it is in. */
  'progress/labels': def<LabelSpread[]>()(z.object({ speakers: speakerScope.optional() }).strict()),
  /** Who is working in this window. */
  'coders/current': def<{ name: string; id: string | null }>()(z.object({}).strict()),
  /** Sets who is working (the user's setting); their next writes carry this name. */
  'coders/set': def<{ name: string; id: string | null }>()(z.object({ name: z.string().trim().min(1).max(80) }).strict()),
  /** Everyone who has coded in this project, with their number of codings. */
  'coders/list': def<CoderEntry[]>()(z.object({}).strict()),
  /** The researcher says two coders are one (two laptops' "Anna"): `from`'s codings go to `into`. One undo step. */
  'coders/unite': def<CoderEntry[]>()(z.object({ from: id, into: id }).strict()),
  /**
   * Cancels a long call that the caller named with this task id (sent beside the call, see
   * TaskProgress). Answers whether one was running; the cancelled call itself answers with a
   * `cancelled` refusal once it has rolled back, leaving the project as it was.
   */
  'tasks/cancel': def<{ cancelled: boolean }>()(z.object({ task: z.string().min(1).max(100) }).strict()),
  ...analysisContract,
  ...reportsContract,
  ...interchangeContract,
  ...pseudonymiseContract,
  ...protectContract,
  ...mergeContract,
  ...surveysContract,
  ...agreementContract,
  ...transcriptContract,
  // `satisfies` checks both ways: every name of names.ts has a definition, and no definition lacks a name.
} as const satisfies Record<HandlerName, Def<z.ZodType, unknown>>;

export type Contract = typeof contract;
export { HANDLER_NAMES, isHandlerName, type HandlerName };
export type ArgsOf<K extends HandlerName> = z.input<Contract[K]['args']>;
export type ParsedArgsOf<K extends HandlerName> = z.output<Contract[K]['args']>;
export type ResultOf<K extends HandlerName> = Exclude<Contract[K]['result'], undefined>;

export const handlerNames: readonly HandlerName[] = HANDLER_NAMES;

/** A transport's view of the API: the renderer and tests program against this. */
export interface ApiClient {
  call<K extends HandlerName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>>;
}
