/**
 * Questionnaires (issue 27): the import plan, the items and the scales view. Pure types; the core
 * infers and stores, the page shows and edits the plan.
 */
import type { AttributeType } from '../model.ts';

/** What a column of a survey becomes. */
export const COLUMN_KINDS = ['id', 'attribute', 'scale', 'numeric', 'open', 'ignore'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** A cell as the readers give it: text, or a number as the spreadsheet stored it. */
export type SurveyCell = string | number | null;

/**
 * A Likert scale: the numbers `min…max`, and where the answers were words, the words in order
 * (word i is the number `min + i`). A scale of numbers alone has no words.
 */
export interface ScaleDefinition {
  min: number;
  max: number;
  words: string[] | null;
  /** The known scale the words were recognised as ("nl-7"), or null for numbers or a defined scale. */
  name: string | null;
}

export interface PlanColumn {
  /** Position in the sheet (0-based). */
  index: number;
  /** The header as written. */
  header: string;
  kind: ColumnKind;
  /** Scale items: the scale, the dimension (shared code, or the header for an item of its own), reversed or not. */
  scale?: ScaleDefinition;
  dimension?: string;
  reversed?: boolean;
  /** Attributes: the type the values hold. */
  attributeType?: AttributeType;
  /** Non-empty cells. */
  filled: number;
  /** Up to five distinct values, for the screen. */
  samples: string[];
  /** Why the inference chose this kind, in a few words (for the screen and the CLI). */
  reason: string;
}

export interface SurveyPlan {
  file: string;
  /** The sheet read (.xlsx), or null for a .csv. */
  sheet: string | null;
  /** Respondents (rows below the header). */
  respondents: number;
  columns: PlanColumn[];
}

/** A change to the inferred plan, by header (what `--plan FILE.json` holds and the screen sends). */
export interface PlanOverride {
  header: string;
  kind?: ColumnKind;
  dimension?: string;
  reversed?: boolean;
  /** A scale the researcher defines: its words in order from low to high, and the first number. */
  scale?: { min: number; max?: number; words?: string[] | null };
}

export interface SurveyImportResult {
  plan: SurveyPlan;
  dryRun: boolean;
  file: string;
  participants: { created: number; updated: number };
  /** Questionnaire documents made (one per respondent with an open answer). */
  documents: number;
  /** Open answers stored (empty ones skipped). */
  openAnswers: number;
  /** Scale and numeric answers stored. */
  answers: number;
  items: number;
  dimensions: string[];
  replacements: Array<{ name: string; pseudonym: string; count: number }>;
}

export interface SurveyItem {
  id: string;
  survey: string;
  header: string;
  kind: 'scale' | 'numeric';
  dimension: string;
  reversed: boolean;
  scale: ScaleDefinition | null;
  answers: number;
}

export interface Summary {
  n: number;
  mean: number | null;
  median: number | null;
  /** Sample standard deviation (n − 1); null below two values. */
  sd: number | null;
  min: number | null;
  max: number | null;
}

/** One row of the scales view: a dimension (its items' mean per respondent) or a numeric column. */
export interface ScaleRow extends Summary {
  name: string;
  kind: 'dimension' | 'numeric';
  items: string[];
  /** The scale's range, for a dimension (the chart's axis); null for a numeric column. */
  scale: { min: number; max: number; words: string[] | null } | null;
  /** How often each scale point was answered, over the dimension's items (reversed items flipped). */
  distribution: Record<string, number> | null;
  groups: Record<string, Summary & { distribution: Record<string, number> | null }>;
}

export interface ScalesResult {
  by: string | null;
  /** The groups in order (the attribute's values as text). */
  groupValues: string[];
  items: ScaleRow[];
}

/** The joint display's other half: per group, the labels on its respondents' open answers. */
export interface CodedAnswers {
  by: string | null;
  groups: Array<{
    value: string | null;
    respondents: number;
    labels: Array<{ labelId: string; name: string; colour: string | null; segments: number; respondents: number; quotes: Array<{ segmentId: string; text: string; participant: string; question: string | null }> }>;
  }>;
}
