import type { Memo, MemoTarget } from '../../../shared/model.ts';
import { call } from '../../api/client.ts';
import type { SliceCreator } from '../slice.ts';

/**
 * Memos: rich-text notes on a segment, label, document, participant or the project. The store keeps
 * all memos of the project (a study has hundreds, not millions); panels pick those of their target.
 * Memos are undoable, so the list is fetched again whenever `dataVersion` moves on: views call
 * `loadMemos()` in an effect on `dataVersion`, and a fetch for a version already loaded is skipped.
 */
export interface MemosSlice {
  memos: Memo[];
  /** The `dataVersion` the memo list was fetched at, or null before the first fetch. */
  memosVersion: number | null;
  loadMemos(force?: boolean): Promise<void>;
  /**
   * Creates (no id) or changes a memo; the saved memo, or null when the core refused (shown in the
   * banner). `onSaved` runs just before the store lists the memo, in the same render, so that an
   * editor that created it can claim it before anything else shows it.
   */
  saveMemo(args: { id?: string; target: MemoTarget; title?: string; bodyRich: string; bodyText: string }, onSaved?: (memo: Memo) => void): Promise<Memo | null>;
  deleteMemo(id: string): Promise<void>;
}

export const createMemosSlice: SliceCreator<MemosSlice> = (set, get, guarded) => ({
  memos: [],
  memosVersion: null,
  loadMemos: guarded(async (force = false) => {
    const version = get().dataVersion;
    if (!force && get().memosVersion === version) return;
    const memos = await call('memos/list', {});
    // A write may have finished while this fetch ran; the fetch it started brings the newer list.
    if (get().dataVersion === version || get().memosVersion === null) set({ memos, memosVersion: version });
  }),
  async saveMemo(args, onSaved) {
    try {
      const memo = await call('memos/save', args);
      onSaved?.(memo);
      set((s) => ({ memos: s.memos.some((m) => m.id === memo.id) ? s.memos.map((m) => (m.id === memo.id ? memo : m)) : [memo, ...s.memos] }));
      await get().afterWrite();
      return memo;
    } catch (error) {
      get().showError(error);
      return null;
    }
  },
  deleteMemo: guarded(async (id) => {
    await call('memos/delete', { id });
    set((s) => ({ memos: s.memos.filter((m) => m.id !== id) }));
    await get().afterWrite();
  }),
});
