import type { SliceCreator } from '../slice.ts';

/** Memos: rich-text notes on a segment, label, document, participant or the project. (Being built.) */
export interface MemosSlice {
  memosVersion: number;
}

export const createMemosSlice: SliceCreator<MemosSlice> = () => ({ memosVersion: 0 });
