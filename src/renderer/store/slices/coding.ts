import type { AutocodeQuery, AutocodeResult, HistoryState, Label, LabelOrigin, Segment } from '../../../shared/model.ts';
import { call } from '../../api/client.ts';
import type { ResultOf } from '../../../shared/api/contract.ts';
import { replacePending, withLabel, withPendingCoding, withSegment } from '../merge.ts';
import type { SliceCreator } from '../slice.ts';

/**
 * Round 1: the codebook's labels, the segments of the open transcript, the recently used labels
 * (number keys apply them), and undo/redo. `dataVersion` goes up after every write so that views
 * of other areas (retrieval, memos) know to fetch again.
 */
export interface CodingSlice {
  labels: Label[];
  segments: Segment[];
  segmentsOf: string | null;
  selectedSegmentId: string | null;
  recentLabelIds: string[];
  history: HistoryState;
  dataVersion: number;
  coderFilter: string | null;
  /** Who is working; the user's setting, kept on this computer and told to the core at start. */
  coder: string;
  loadCoder(): Promise<void>;
  setCoder(name: string): Promise<void>;
  loadLabels(): Promise<void>;
  loadSegments(documentId: string): Promise<void>;
  selectSegment(id: string | null): void;
  setCoderFilter(coder: string | null): void;
  applyLabel(args: { documentId: string; start: number; end: number; labelId?: string; labelName?: string; origin?: Exclude<LabelOrigin, 'a-priori'> }): Promise<void>;
  removeCoding(segmentId: string, labelId: string): Promise<void>;
  resizeSegment(segmentId: string, start: number, end: number): Promise<void>;
  createLabel(fields: { name: string; parentId?: string | null; origin?: LabelOrigin; colour?: string }): Promise<void>;
  updateLabel(id: string, patch: { name?: string; parentId?: string | null; position?: number; colour?: string; definition?: string; definitionRich?: string | null; inclusion?: string; exclusion?: string; example?: string }): Promise<void>;
  mergeLabels(sourceId: string, targetId: string): Promise<void>;
  deleteLabel(id: string): Promise<void>;
  autocode(labelName: string, query: AutocodeQuery): Promise<AutocodeResult | null>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  afterWrite(): Promise<void>;
}

const CODER_KEY = 'duiding.coder';

export const createCodingSlice: SliceCreator<CodingSlice> = (set, get, guarded) => {
  const recentWith = (ids: string[], labelId: string) => [labelId, ...ids.filter((id) => id !== labelId)].slice(0, 9);
  const use = (labelId: string) => set({ recentLabelIds: recentWith(get().recentLabelIds, labelId) });
  return {
    labels: [],
    segments: [],
    segmentsOf: null,
    selectedSegmentId: null,
    recentLabelIds: [],
    history: { canUndo: false, canRedo: false, summary: null },
    dataVersion: 0,
    coderFilter: null,
    coder: '',
    loadCoder: guarded(async () => {
      const saved = localStorage.getItem(CODER_KEY);
      set({ coder: (saved ? await call('coders/set', { name: saved }) : await call('coders/current', {})).name });
    }),
    setCoder: guarded(async (name: string) => {
      const result = await call('coders/set', { name });
      localStorage.setItem(CODER_KEY, result.name);
      set({ coder: result.name });
    }),
    loadLabels: guarded(async () => set({ labels: await call('labels/list', {}) })),
    loadSegments: guarded(async (documentId: string) => {
      const segments = await call('segments/list', { documentId });
      set({ segments, segmentsOf: documentId });
    }),
    selectSegment: (id) => set({ selectedSegmentId: id }),
    setCoderFilter: (coder) => set({ coderFilter: coder }),
    // The answer carries the segment with all its codings and the label with its new counts: that is
    // all a coding changes, so the transcript repaints without fetching the document's segments again.
    //
    // A known label's coding is drawn at once, before the core has answered (its write takes a few
    // milliseconds, the way there and back and the page's own work some tens more): the highlight
    // follows the key. The answer replaces the drawn segment with the stored one; a refusal takes
    // it away again, and the error banner says why.
    applyLabel: guarded(async (args) => {
      const state = get();
      const drawn =
        args.labelId && state.segmentsOf === args.documentId && state.labels.some((l) => l.id === args.labelId)
          ? withPendingCoding(state.segments, { documentId: args.documentId, start: args.start, end: args.end, labelId: args.labelId, coder: state.coder, text: state.document?.id === args.documentId ? state.document.text.slice(args.start, args.end) : '' })
          : null;
      if (drawn) set({ segments: drawn.segments });
      let answer: ResultOf<'codings/apply'>;
      try {
        answer = await call('codings/apply', args);
      } catch (error) {
        if (drawn) set((s) => ({ segments: replacePending(s.segments, drawn.pending, drawn.before) }));
        throw error;
      }
      const { segment, label, history } = answer;
      const labels = withLabel(get().labels, label);
      if (!labels || get().segmentsOf !== args.documentId) {
        use(label.id);
        set({ selectedSegmentId: segment.id });
        await get().afterWrite();
        return;
      }
      // One store update, undo state included, so that the transcript renders once for the coding.
      set((s) => ({
        labels,
        segments: drawn ? replacePending(s.segments, drawn.pending, segment) : withSegment(s.segments, segment),
        selectedSegmentId: segment.id,
        recentLabelIds: recentWith(s.recentLabelIds, label.id),
        history: { ...history, summary: s.history.summary },
        dataVersion: s.dataVersion + 1,
      }));
    }),
    removeCoding: guarded(async (segmentId, labelId) => {
      await call('codings/remove', { segmentId, labelId });
      await get().afterWrite();
    }),
    resizeSegment: guarded(async (segmentId, start, end) => {
      await call('segments/resize', { segmentId, start, end });
      await get().afterWrite();
    }),
    createLabel: guarded(async (fields) => {
      const label = await call('labels/create', fields);
      use(label.id);
      await get().afterWrite();
    }),
    updateLabel: guarded(async (id, patch) => {
      await call('labels/update', { id, ...patch });
      await get().afterWrite();
    }),
    mergeLabels: guarded(async (sourceId, targetId) => {
      await call('labels/merge', { sourceId, targetId });
      set({ recentLabelIds: get().recentLabelIds.filter((id) => id !== sourceId) });
      await get().afterWrite();
    }),
    deleteLabel: guarded(async (id) => {
      await call('labels/delete', { id });
      set({ recentLabelIds: get().recentLabelIds.filter((l) => l !== id) });
      await get().afterWrite();
    }),
    async autocode(labelName, query) {
      try {
        const result = await call('codings/autocode', { labelName, query });
        use(result.label.id);
        await get().afterWrite();
        return result;
      } catch (error) {
        get().showError(error);
        return null;
      }
    },
    undo: guarded(async () => {
      set({ history: await call('history/undo', {}) });
      await get().afterWrite();
    }),
    redo: guarded(async () => {
      set({ history: await call('history/redo', {}) });
      await get().afterWrite();
    }),
    afterWrite: guarded(async () => {
      const documentId = get().segmentsOf;
      const [labels, segments, history] = await Promise.all([
        call('labels/list', {}),
        documentId ? call('segments/list', { documentId }) : Promise.resolve(get().segments),
        call('history/state', {}),
      ]);
      const selected = get().selectedSegmentId;
      set((s) => ({
        labels,
        segments,
        history: { ...history, summary: s.history.summary },
        selectedSegmentId: selected && segments.some((seg) => seg.id === selected) ? selected : null,
        dataVersion: s.dataVersion + 1,
      }));
    }),
  };
};
