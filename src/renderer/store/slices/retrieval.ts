import type { DocumentProgress, GuideSection, LabelSpread, RetrievalFilters, RetrievalResult } from '../../../shared/model.ts';
import { call } from '../../api/client.ts';
import type { State } from '../index.ts';
import type { SliceCreator } from '../slice.ts';

/**
 * What a fetched list was fetched for: the data version, and the project and document list objects
 * (an import or another project brings new ones without a write of the coding slice).
 */
interface Stamp {
  version: number;
  project: State['project'];
  documents: State['documents'];
}
const stampOf = (s: State): Stamp => ({ version: s.dataVersion, project: s.project, documents: s.documents });
const fresh = (stamp: Stamp | null, s: State) => stamp !== null && stamp.version === s.dataVersion && stamp.project === s.project && stamp.documents === s.documents;

/**
 * Retrieval: every segment of one label across the documents, filtered by participant attributes,
 * coder and guide section; what the filters offer (coders, guide sections); and progress (per
 * document, the share coded; per label, its spread over participants).
 *
 * Everything here is derived from codings, which any write may change, so each list remembers the
 * `dataVersion` (and, for segments, the request) it was fetched for. Views call the loaders in an
 * effect on `dataVersion`; a loader asked for what it already has does nothing.
 */
export interface RetrievalSlice {
  retrieval: {
    /** The request the result answers (label, filters, dataVersion), or null. */
    key: string | null;
    result: RetrievalResult | null;
    busy: boolean;
  };
  retrievalCoders: string[];
  retrievalGuide: GuideSection[];
  labelSpreads: LabelSpread[];
  /** What coders, guide and spreads were fetched for. */
  retrievalStamp: Stamp | null;
  documentProgress: DocumentProgress[];
  documentProgressStamp: Stamp | null;
  loadRetrieval(labelId: string, filters: RetrievalFilters): Promise<void>;
  loadRetrievalOptions(): Promise<void>;
  loadDocumentProgress(): Promise<void>;
}

export const createRetrievalSlice: SliceCreator<RetrievalSlice> = (set, get, guarded) => ({
  retrieval: { key: null, result: null, busy: false },
  retrievalCoders: [],
  retrievalGuide: [],
  labelSpreads: [],
  retrievalStamp: null,
  documentProgress: [],
  documentProgressStamp: null,

  loadRetrieval: guarded(async (labelId, filters) => {
    const key = JSON.stringify({ labelId, filters, version: get().dataVersion, project: get().project?.path, documents: get().documents.length });
    const current = get().retrieval;
    if (current.key === key && (current.result || current.busy)) return;
    set({ retrieval: { key, result: current.result?.label.id === labelId ? current.result : null, busy: true } });
    try {
      const result = await call('retrieval/segments', { labelId, filters });
      // A later request (another label, filter or write) owns the state now.
      if (get().retrieval.key === key) set({ retrieval: { key, result, busy: false } });
    } catch (error) {
      if (get().retrieval.key === key) set({ retrieval: { key: null, result: null, busy: false } });
      throw error;
    }
  }),

  loadRetrievalOptions: guarded(async () => {
    if (fresh(get().retrievalStamp, get())) return;
    const stamp = stampOf(get());
    const [retrievalCoders, retrievalGuide, labelSpreads] = await Promise.all([call('retrieval/coders', {}), call('guide/get', {}), call('progress/labels', {})]);
    // A write may have finished while this fetch ran; the fetch it started brings the newer lists.
    if (fresh(stamp, get()) || get().retrievalStamp === null) set({ retrievalCoders, retrievalGuide, labelSpreads, retrievalStamp: stamp });
  }),

  loadDocumentProgress: guarded(async () => {
    if (fresh(get().documentProgressStamp, get())) return;
    const stamp = stampOf(get());
    const documentProgress = await call('progress/documents', {});
    if (fresh(stamp, get()) || get().documentProgressStamp === null) set({ documentProgress, documentProgressStamp: stamp });
  }),
});
