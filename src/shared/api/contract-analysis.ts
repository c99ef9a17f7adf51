/**
 * Rounds 2 and 3: concepts, the commonalities matrix, concept links, learning questions, tensions
 * and the report outline. Names are listed in `names-analysis.ts`.
 */
import { z } from 'zod';
import type { AnalysisHandlerName } from './names-analysis.ts';
import { attributeValue, colour, def, id, richText, speakerScope, type Def } from './def.ts';
import { itemNumbering, numbering } from './contract-reports.ts';
import {
  LEARNING_QUESTION_KINDS,
  OUTLINE_ITEM_KINDS,
  OUTLINE_TIE_KINDS,
  TENSION_PARTS,
  type Concept,
  type ConceptLink,
  type ConceptQuotes,
  type LearningQuestion,
  type MapPosition,
  type Matrix,
  type Outline,
  type OutlinePlan,
  type Quote,
  type RelationType,
  type RoundStatus,
  type Tension,
} from '../analysis.ts';

const name = z.string().trim().min(1).max(200);
const index = z.number().int().min(0);
const ids = z.array(id);
const matrixRows = z.enum(['concepts', 'labels']);
const matrixBy = z.enum(['participant', 'document']);
const matrixFilter = z
  .object({ attributes: z.record(z.string().min(1), z.array(attributeValue)).optional() })
  .strict();
const tie = z.object({ kind: z.enum(OUTLINE_TIE_KINDS), id }).strict().nullable();
/** Rows by the scales view's names (a dimension's code, a numeric question's header); `by` an attribute's name. */
const outlineChart = z.object({ rows: z.array(z.string().trim().min(1).max(2000)).min(1).max(50), by: z.string().trim().min(1).max(200).nullable() }).strict();
const tensionQuote = z
  .object({ segmentId: id, pole: z.union([z.literal(1), z.literal(2), z.null()]).optional() })
  .strict();
/** Blank lines are dropped by the core, so a screen may send the list as it is being typed. */
const lines = z.array(z.string().max(5000));
const lqFields = {
  question: z.string().trim().min(1).max(2000),
  kind: z.enum(LEARNING_QUESTION_KINDS),
  level: z.string().trim().max(200).optional(),
  conceptIds: ids.optional(),
  segmentIds: ids.optional(),
  memo: z.string().optional(),
};
const tensionFields = {
  title: name,
  poleA: z.string().trim().max(500),
  poleB: z.string().trim().max(500),
  group: z.string().trim().max(200).optional(),
  findings: lines.optional(),
  implications: lines.optional(),
  quotes: z.array(tensionQuote).optional(),
  conceptIds: ids.optional(),
  memo: z.string().optional(),
  /** The order of its findings, quotes and implications in a generated outline: each kind once. */
  reportOrder: z.array(z.enum(TENSION_PARTS)).length(3).optional(),
};

export const analysisContract = {
  /** Concepts by position, with their labels, direct segments and counts. */
  /** Concepts with their counts: participants' speech only unless `speakers: 'all'`. */
  'concepts/list': def<Concept[]>()(z.object({ speakers: speakerScope.optional() }).strict()),
  'concepts/create': def<Concept>()(
    z
      .object({
        name,
        definition: z.string().optional(),
        definitionRich: richText.nullable().optional(),
        colour: colour.optional(),
        labelIds: ids.optional(),
      })
      .strict(),
  ),
  'concepts/update': def<Concept>()(
    z
      .object({
        id,
        name: name.optional(),
        definition: z.string().optional(),
        definitionRich: richText.nullable().optional(),
        colour: colour.optional(),
      })
      .strict(),
  ),
  /** Puts a concept at `index` among the concepts; the others are renumbered. One undo step. */
  'concepts/move': def<Concept>()(z.object({ id, index }).strict()),
  /** Removes the concept, its label and segment memberships, and its links. One undo step. */
  'concepts/delete': def<null>()(z.object({ id }).strict()),
  'concepts/addLabels': def<Concept>()(z.object({ id, labelIds: ids.min(1) }).strict()),
  'concepts/removeLabel': def<Concept>()(z.object({ id, labelId: id }).strict()),
  'concepts/addSegments': def<Concept>()(z.object({ id, segmentIds: ids.min(1) }).strict()),
  'concepts/removeSegment': def<Concept>()(z.object({ id, segmentId: id }).strict()),
  /** A concept's distinct supporting segments, grouped by participant (unassigned documents last, participant null). */
  'concepts/quotes': def<ConceptQuotes>()(z.object({ id, speakers: speakerScope.optional() }).strict()),
  /** The quotes of these segments, in the given order. */
  'quotes/get': def<Quote[]>()(z.object({ segmentIds: ids }).strict()),
  /** The commonalities matrix: concepts or labels × participants or documents. */
  'matrix/get': def<Matrix>()(
    z
      .object({
        rows: matrixRows,
        by: matrixBy,
        groupBy: z.string().min(1).optional(),
        filter: matrixFilter.optional(),
        /** Whose speech counts: participants' only (the default) or the interviewer's too. */
        speakers: speakerScope.optional(),
      })
      .strict(),
  ),
  /** The quotes behind one cell; `columnId` null is the "unassigned" column. */
  'matrix/cell': def<Quote[]>()(
    z.object({ rows: matrixRows, rowId: id, by: matrixBy, columnId: id.nullable(), speakers: speakerScope.optional() }).strict(),
  ),
  'relations/list': def<RelationType[]>()(z.object({}).strict()),
  'relations/create': def<RelationType>()(z.object({ name, directed: z.boolean() }).strict()),
  /** Refused while links use the type. */
  'relations/delete': def<null>()(z.object({ id }).strict()),
  'links/list': def<ConceptLink[]>()(z.object({}).strict()),
  'links/create': def<ConceptLink>()(
    z.object({ sourceId: id, targetId: id, relationTypeId: id, memo: z.string().optional() }).strict(),
  ),
  'links/update': def<ConceptLink>()(z.object({ id, relationTypeId: id.optional(), memo: z.string().optional() }).strict()),
  'links/delete': def<null>()(z.object({ id }).strict()),
  'map/layout': def<MapPosition[]>()(z.object({}).strict()),
  /** Saves the positions given (others are kept). One undo step. */
  'map/saveLayout': def<null>()(
    z
      .object({ positions: z.array(z.object({ conceptId: id, x: z.number().finite(), y: z.number().finite() }).strict()) })
      .strict(),
  ),
  'learningQuestions/list': def<LearningQuestion[]>()(z.object({}).strict()),
  'learningQuestions/create': def<LearningQuestion>()(z.object(lqFields).strict()),
  /** An explicit learning question asked in a segment: the question defaults to the segment's text; the segment is its source and first support. */
  'learningQuestions/fromSegment': def<LearningQuestion>()(
    z
      .object({ segmentId: id, question: lqFields.question.optional(), level: lqFields.level })
      .strict(),
  ),
  'learningQuestions/update': def<LearningQuestion>()(
    z
      .object({
        id,
        question: lqFields.question.optional(),
        kind: lqFields.kind.optional(),
        level: lqFields.level,
        conceptIds: ids.optional(),
        segmentIds: ids.optional(),
        memo: z.string().optional(),
      })
      .strict(),
  ),
  'learningQuestions/move': def<LearningQuestion>()(z.object({ id, index }).strict()),
  'learningQuestions/delete': def<null>()(z.object({ id }).strict()),
  'tensions/list': def<Tension[]>()(z.object({}).strict()),
  'tensions/create': def<Tension>()(z.object(tensionFields).strict()),
  'tensions/update': def<Tension>()(
    z
      .object({
        id,
        title: tensionFields.title.optional(),
        poleA: tensionFields.poleA.optional(),
        poleB: tensionFields.poleB.optional(),
        group: tensionFields.group,
        findings: tensionFields.findings,
        implications: tensionFields.implications,
        quotes: tensionFields.quotes,
        conceptIds: tensionFields.conceptIds,
        memo: tensionFields.memo,
        reportOrder: tensionFields.reportOrder,
      })
      .strict(),
  ),
  'tensions/move': def<Tension>()(z.object({ id, index }).strict()),
  'tensions/delete': def<null>()(z.object({ id }).strict()),
  /** The whole outline; every outline write below returns it too, so a screen redraws from one answer. */
  'outline/get': def<Outline>()(z.object({}).strict()),
  /**
   * An outline from the learning questions and the tensions (the tensions part's title in `language`,
   * default nl). With an outline there: `merge` adds what it lacks (leaving out the additions whose
   * keys `skip` names) and changes nothing of the researcher's; `replace` builds it anew; neither is
   * refused. One undo step.
   */
  'outline/generate': def<Outline>()(
    z
      .object({ replace: z.boolean().optional(), merge: z.boolean().optional(), skip: z.array(z.string().max(200)).max(10000).optional(), language: z.enum(['nl', 'en']).optional() })
      .strict(),
  ),
  /** What `outline/generate` would do: a new outline, or the additions a merge would make. */
  'outline/generatePlan': def<OutlinePlan>()(z.object({ language: z.enum(['nl', 'en']).optional() }).strict()),
  /**
   * A quote's edited form: words left out marked "(…)" or "[…]", words added in square brackets; every
   * other word the passage's, in its order. Refused, naming the first word that does not fit. Null or
   * blank: the quote prints verbatim again. One undo step.
   */
  'outline/editQuote': def<Outline>()(z.object({ id, text: z.string().max(20000).nullable() }).strict()),
  'outline/addSection': def<Outline>()(
    z.object({ parentId: id.nullable(), index: index.optional(), title: name, tie: tie.optional() }).strict(),
  ),
  'outline/updateSection': def<Outline>()(
    z
      .object({
        id,
        title: name.optional(),
        text: z.string().optional(),
        rich: richText.nullable().optional(),
        tie: tie.optional(),
        /** How its sub-sections are numbered; null: as the level's setting (automatic by default). */
        numbering: numbering.nullable().optional(),
        /** How its findings are numbered; null: bullets. */
        itemNumbering: itemNumbering.nullable().optional(),
      })
      .strict(),
  ),
  'outline/moveSection': def<Outline>()(z.object({ id, parentId: id.nullable(), index }).strict()),
  /** Removes the section with its sub-sections and items. One undo step. */
  'outline/deleteSection': def<Outline>()(z.object({ id }).strict()),
  'outline/addItem': def<Outline>()(
    z
      .object({
        sectionId: id,
        index: index.optional(),
        kind: z.enum(OUTLINE_ITEM_KINDS),
        segmentId: id.optional(),
        text: z.string().optional(),
        /** A finding's bold title (its text then prints as a paragraph under it). */
        title: z.string().max(500).optional(),
        rich: richText.nullable().optional(),
        /** A chart item's chart: the dimensions and numeric questions it shows, compared by an attribute or not. */
        chart: outlineChart.optional(),
      })
      .strict(),
  ),
  'outline/updateItem': def<Outline>()(
    z.object({ id, text: z.string().optional(), title: z.string().max(500).optional(), rich: richText.nullable().optional(), chart: outlineChart.optional() }).strict(),
  ),
  /** Moves an item to `index` in `sectionId` (the same or another section). */
  'outline/moveItem': def<Outline>()(z.object({ id, sectionId: id, index }).strict()),
  'outline/deleteItem': def<Outline>()(z.object({ id }).strict()),
  /** What is left to do in each round. */
  'rounds/status': def<RoundStatus>()(z.object({}).strict()),
} as const satisfies Record<AnalysisHandlerName, Def<z.ZodType, unknown>>;
