import type { DocumentKind, LabelOrigin, MemoTargetKind, SpeakerRole, Turn } from '../../../shared/model.ts';

/**
 * What the REFI-QDA standard has no place for travels in one project-level Note: a readable line
 * for the other tool, then a JSON block between two marker lines for Duiding. Everything in it is
 * keyed by the GUIDs the .qde uses, so objects another tool deleted are simply not found, and a
 * document whose text was changed elsewhere keeps its new text (its turns are then rebuilt).
 */
export const DUIDING_NOTE_NAME = 'Duiding data';
const BEGIN = '-----BEGIN DUIDING DATA-----';
const END = '-----END DUIDING DATA-----';

export interface BlockLabel {
  origin: LabelOrigin;
  round: number;
  position: number;
  inclusion: string;
  exclusion: string;
  example: string;
  definitionRich: string | null;
  createdBy: string;
  createdAt: string;
}

export interface BlockDocument {
  kind: DocumentKind;
  sourceName: string;
  sourceHash: string;
  importer: string;
  importedAt: string;
  importedBy: string;
  /** SHA-256 of the canonical text the turns belong to. */
  textHash: string;
  turns: Turn[];
  /**
   * The speakers' roles the researcher set or confirmed (issue 20; REFI-QDA has no field for them).
   * `participant` is the GUID of the case the speaker is. Roles no one set are inferred again on import.
   */
  speakers?: BlockSpeaker[];
}

export interface BlockSpeaker {
  name: string;
  role: SpeakerRole;
  participant: string | null;
  confirmed: boolean;
}

export interface BlockMemo {
  targetKind: MemoTargetKind;
  targetId: string | null;
  title: string;
  bodyRich: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface DuidingBlock {
  format: 'duiding-refi/1';
  title: string;
  labels: Record<string, BlockLabel>;
  documents: Record<string, BlockDocument>;
  memos: Record<string, BlockMemo>;
  coders: Array<{ name: string; firstSeen: string }>;
  attributes: Array<{ id: string; name: string; type: string; position: number }>;
  /** The guide, rounds 2 and 3 and the outline, row for row; and the readable notes made of them (not memos). */
  analysis?: { tables: Record<string, Array<Record<string, unknown>>>; noteGuids: string[] };
}

/** The note's text before the block's JSON: what it is, and the marker the JSON starts after. */
export function blockHeader(): string {
  return [
    'This note holds what Duiding keeps beyond the REFI-QDA standard (label origins, interview turns, memo formatting, rounds 2 and 3).',
    'Duiding reads it back when this project is imported again; other programs can ignore it. Please do not edit the block below.',
    BEGIN,
    '',
  ].join('\n');
}

/** The marker after the block's JSON (on a line of its own). */
export function blockFooter(): string {
  return END;
}

export function encodeBlock(block: DuidingBlock): string {
  return `${blockHeader()}${JSON.stringify(block)}\n${blockFooter()}`;
}

/** The block from a note's text, or null when there is none or it was damaged. */
export function decodeBlock(text: string): DuidingBlock | null {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return null;
  try {
    const block = JSON.parse(text.slice(start + BEGIN.length, end)) as DuidingBlock;
    return block && block.format === 'duiding-refi/1' ? block : null;
  } catch {
    return null;
  }
}
