/**
 * Agreement between coders (issue 26): the figures per label and overall at a chosen unit, the
 * differences a consensus round settles, and the decisions it takes. Pure types and constants.
 */
import type { SpeakerScope } from './model.ts';

/** The consensus round's coder key: its codings are the settled version. Defined here only. */
export const CONSENSUS_CODER = '@consensus';

export const AGREEMENT_UNITS = ['turn', 'sentence', 'character'] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

/** What to compare: the coders, documents and labels (all when left out), the unit and whose speech counts. */
export interface AgreementQuery {
  coders?: string[];
  documentIds?: string[];
  labelIds?: string[];
  unit?: AgreementUnit;
  speakers?: SpeakerScope;
}

/** The coefficients of one label, or overall; null where a coefficient is undefined (see `notes`). */
export interface AgreementFigures {
  /** Share of units (0–1) on which the coders agree; for more than two coders, of agreeing coder pairs. */
  percent: number | null;
  /** Cohen's κ (two coders); overall the pooled κ (mean observed and chance agreement over the labels). */
  kappa: number | null;
  /**
   * Krippendorff's α, nominal, at turn or sentence (missing data allowed); at character level the
   * unitizing α (uα, Krippendorff 2019) over the speech as a continuum. Overall: over every label's
   * units (or continua) together.
   */
  alpha: number | null;
  /** Units compared (characters at character level): those with at least two coders' values. */
  units: number;
  /** Units × label on which the coders differ (the character unit counts the sentences that differ). */
  differences: number;
}

export interface AgreementLabelRow extends AgreementFigures {
  labelId: string;
  label: string;
  colour: string;
}

export interface AgreementCoder {
  /** The coder key stored on codings. */
  key: string;
  name: string;
  /** Codings of this coder in the documents and labels compared. */
  codings: number;
  /** Documents this coder coded (any label): their units count; elsewhere the coder's values are missing. */
  documents: number;
}

export interface AgreementResult {
  unit: AgreementUnit;
  speakers: SpeakerScope;
  coders: AgreementCoder[];
  documents: Array<{ id: string; name: string }>;
  overall: AgreementFigures;
  labels: AgreementLabelRow[];
  /**
   * The same figures with every difference the consensus round settled taken as the consensus
   * decided it (both coders' values replaced by the consensus's there): the agreement after.
   */
  after: { overall: AgreementFigures; labels: Array<Pick<AgreementLabelRow, 'labelId' | 'percent' | 'kappa' | 'alpha' | 'differences'>> };
  /** Differences settled by a consensus decision. */
  settled: number;
  /** Why a figure is missing (one category only, no units in common…), in English for the CLI and export. */
  notes: string[];
  /** When the figures were computed (ISO 8601). */
  computedAt: string;
}

/** One coder's version of a difference: their segments with the label that meet the unit. */
export interface DifferenceVersion {
  coder: string;
  /** Spans in the document (clipped to the unit), with the segment each comes from. */
  spans: Array<{ segmentId: string; start: number; end: number }>;
}

export type DecisionChoice = { kind: 'coder'; coder: string } | { kind: 'both' } | { kind: 'neither' };

export interface AgreementDifference {
  /** Stable key of document, label and unit: what a decision is stored under. */
  key: string;
  documentId: string;
  documentName: string;
  labelId: string;
  label: string;
  colour: string;
  /** The unit (a turn or sentence; at character level the sentence) in the document. */
  start: number;
  end: number;
  /** The turn around it, for context, with its speaker. */
  context: { start: number; end: number; text: string; speaker: string | null };
  versions: DifferenceVersion[];
  decision: (DecisionChoice & { by: string; at: string }) | null;
}

export interface DifferencesResult {
  unit: AgreementUnit;
  coders: AgreementCoder[];
  differences: AgreementDifference[];
  /** All differences, when `limit` cut the list. */
  total: number;
}

export interface DecideArgs {
  documentId: string;
  labelId: string;
  start: number;
  end: number;
  /** The coders compared (their versions are what `both` takes). */
  coders: string[];
  choice: DecisionChoice;
}

export interface DecideResult {
  key: string;
  /** Consensus codings added and removed by this decision. */
  added: number;
  removed: number;
}
