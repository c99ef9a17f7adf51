import type { SliceCreator } from '../slice.ts';

/** Retrieval: every segment of a label across documents, with filters. (Being built.) */
export interface RetrievalSlice {
  retrievalVersion: number;
}

export const createRetrievalSlice: SliceCreator<RetrievalSlice> = () => ({ retrievalVersion: 0 });
