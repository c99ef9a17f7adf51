import type { AutocodeQuery, AutocodeResult, AutocodeScope, Label, LabelOrigin, Segment, SpeakerScope } from '../../../shared/model.ts';
import { act, peek, seed, seedHistory, write } from '../../data/index.ts';
import { PENDING_PREFIX, withLabel, withPendingCoding, withSegment } from '../merge.ts';
import type { State } from '../index.ts';
import type { SliceCreator } from '../slice.ts';

/** A coding drawn before the core has answered: its document, the segment as drawn, and what it replaces. */
export interface PendingCoding {
  documentId: string;
  pending: Segment;
  before: Segment | null;
}

/**
 * Round 1: the selected segment, the recently used labels (number keys apply them), the coder and
 * the coder filter, the coding drawn ahead of the core's answer, and the coding and label writes.
 * Labels and segments themselves are reads of the data layer.
 */
export interface CodingSlice {
  selectedSegmentId: string | null;
  recentLabelIds: string[];
  coderFilter: string | null;
  pendingCoding: PendingCoding | null;
  /** Who is working; the user's setting, kept on this computer and told to the core at start. */
  coder: string;
  /** The coder's key in the open project (null before their first coding in it, on this laptop). */
  coderId: string | null;
  /** Blind coding (issue 25): the transcript shows only this coder's codings, so two researchers code independently. */
  blindCoding: boolean;
  setBlindCoding(on: boolean): void;
  /** Asks the core which coder key the open project gives this coder. */
  loadCoderId(): Promise<void>;
  loadCoder(): Promise<void>;
  setCoder(name: string): Promise<void>;
  selectSegment(id: string | null): void;
  setCoderFilter(coder: string | null): void;
  applyLabel(args: { documentId: string; start: number; end: number; labelId?: string; labelName?: string; origin?: Exclude<LabelOrigin, 'a-priori'> }): Promise<void>;
  removeCoding(segmentId: string, labelId: string): Promise<void>;
  resizeSegment(segmentId: string, start: number, end: number): Promise<void>;
  createLabel(fields: { name: string; parentId?: string | null; origin?: LabelOrigin; colour?: string }): Promise<void>;
  updateLabel(id: string, patch: { name?: string; parentId?: string | null; position?: number; colour?: string; definition?: string; definitionRich?: string | null; inclusion?: string; exclusion?: string; example?: string }): Promise<void>;
  mergeLabels(sourceId: string, targetId: string): Promise<void>;
  deleteLabel(id: string): Promise<void>;
  autocode(labelName: string, query: AutocodeQuery, options?: { scope?: AutocodeScope; speakers?: SpeakerScope; exclude?: string[] }): Promise<AutocodeResult | null>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const CODER_KEY = 'duiding.coder';
const BLIND_KEY = 'duiding.blindCoding';

const recentWith = (ids: string[], labelId: string) => [labelId, ...ids.filter((id) => id !== labelId)].slice(0, 9);

export const createCodingSlice: SliceCreator<CodingSlice> = (set, get, guarded) => {
  const use = (labelId: string) => set({ recentLabelIds: recentWith(get().recentLabelIds, labelId) });
  return {
    selectedSegmentId: null,
    recentLabelIds: [],
    coderFilter: null,
    pendingCoding: null,
    coder: '',
    coderId: null,
    blindCoding: localStorage.getItem(BLIND_KEY) === '1',
    setBlindCoding: (on) => {
      localStorage.setItem(BLIND_KEY, on ? '1' : '0');
      set({ blindCoding: on });
    },
    loadCoderId: guarded(async () => {
      set({ coderId: (await act('coders/current', {})).id });
    }),
    loadCoder: guarded(async () => {
      const saved = localStorage.getItem(CODER_KEY);
      const result = saved ? await act('coders/set', { name: saved }) : await act('coders/current', {});
      set({ coder: result.name, coderId: result.id });
    }),
    setCoder: guarded(async (name: string) => {
      const result = await act('coders/set', { name });
      localStorage.setItem(CODER_KEY, result.name);
      set({ coder: result.name, coderId: result.id });
    }),
    selectSegment: (id) => set({ selectedSegmentId: id }),
    setCoderFilter: (coder) => set({ coderFilter: coder }),
    applyLabel: guarded(applyLabel(set, get)),
    removeCoding: guarded(async (segmentId, labelId) => {
      await write('codings/remove', { segmentId, labelId });
    }),
    resizeSegment: guarded(async (segmentId, start, end) => {
      await write('segments/resize', { segmentId, start, end });
    }),
    createLabel: guarded(async (fields) => {
      const label = await write('labels/create', fields);
      use(label.id);
    }),
    updateLabel: guarded(async (id, patch) => {
      await write('labels/update', { id, ...patch });
    }),
    mergeLabels: guarded(async (sourceId, targetId) => {
      await write('labels/merge', { sourceId, targetId });
      set({ recentLabelIds: get().recentLabelIds.filter((id) => id !== sourceId) });
    }),
    deleteLabel: guarded(async (id) => {
      await write('labels/delete', { id });
      set({ recentLabelIds: get().recentLabelIds.filter((l) => l !== id) });
    }),
    async autocode(labelName, query, options = {}) {
      try {
        const result = await write('codings/autocode', { labelName, query, ...options });
        use(result.label.id);
        return result;
      } catch (error) {
        get().showError(error);
        return null;
      }
    },
    undo: guarded(async () => {
      await write('history/undo', {}, (history) => [seedHistory(history)]);
    }),
    redo: guarded(async () => {
      await write('history/redo', {}, (history) => [seedHistory(history)]);
    }),
  };
};

/**
 * The answer carries the segment with all its codings, the label with its new counts and the undo
 * state: that is all a coding changes, so those reads take it without a fetch.
 *
 * A known label's coding is drawn at once, before the core has answered (its write takes a few
 * milliseconds, the way there and back and the page's own work some tens more): the highlight
 * follows the key. The answer puts the stored segment in its place; a refusal takes it away again,
 * and the error banner says why.
 */
function applyLabel(set: Parameters<SliceCreator<CodingSlice>>[0], get: () => State) {
  return async (args: Parameters<CodingSlice['applyLabel']>[0]): Promise<void> => {
    const segments = peek('segments/list', { documentId: args.documentId });
    const labels = peek('labels/list', {});
    const document = peek('documents/get', { id: args.documentId });
    const drawn =
      args.labelId && segments && labels?.some((l) => l.id === args.labelId)
        ? withPendingCoding(segments, { documentId: args.documentId, start: args.start, end: args.end, labelId: args.labelId, coder: get().coderId ?? `${PENDING_PREFIX}coder`, coderName: get().coder, text: document ? document.text.slice(args.start, args.end) : '' })
        : null;
    if (drawn) set({ pendingCoding: { documentId: args.documentId, pending: drawn.pending, before: drawn.before } });
    try {
      await write('codings/apply', args, ({ segment, label, ancestors, history }) => {
        // One render for the coding: the stored segment replaces the drawn one in the same update.
        set((s) => ({ pendingCoding: null, selectedSegmentId: segment.id, recentLabelIds: recentWith(s.recentLabelIds, label.id) }));
        return [
          seed('segments/list', { documentId: args.documentId }, (list) => (list ? withSegment(list, segment) : undefined)),
          seed('labels/list', {}, (list: Label[] | undefined) => [label, ...ancestors].reduce<Label[] | undefined>((next, l) => (next ? (withLabel(next, l) ?? undefined) : undefined), list)),
          seedHistory(history),
        ];
      });
    } catch (error) {
      if (drawn) set({ pendingCoding: null });
      throw error;
    }
    // The first coding in this project made this laptop's coder key.
    if (get().coderId === null) set({ coderId: (await act('coders/current', {})).id });
  };
}
