import type { Memo, MemoTarget } from '../../../shared/model.ts';
import { seed, write } from '../../data/index.ts';
import type { SliceCreator } from '../slice.ts';

/**
 * Memos: rich-text notes on a segment, label, document, participant or the project. Panels read all
 * memos of the project (`memos/list` without a target: a study has hundreds, not millions) and pick
 * those of their target; a save or delete puts its answer into that read without a fetch.
 */
export interface MemosSlice {
  /**
   * Creates (no id) or changes a memo; the saved memo, or null when the core refused (shown in the
   * banner). `onSaved` runs just before the memo is listed, in the same render, so that an editor
   * that created it can claim it before anything else shows it.
   */
  saveMemo(args: { id?: string; target: MemoTarget; title?: string; bodyRich: string; bodyText: string }, onSaved?: (memo: Memo) => void): Promise<Memo | null>;
  deleteMemo(id: string): Promise<void>;
}

export const createMemosSlice: SliceCreator<MemosSlice> = (_set, get, guarded) => ({
  async saveMemo(args, onSaved) {
    try {
      return await write('memos/save', args, (memo) => {
        onSaved?.(memo);
        return [seed('memos/list', {}, (memos) => (memos ? (memos.some((m) => m.id === memo.id) ? memos.map((m) => (m.id === memo.id ? memo : m)) : [memo, ...memos]) : undefined))];
      });
    } catch (error) {
      get().showError(error);
      return null;
    }
  },
  deleteMemo: guarded(async (id) => {
    await write('memos/delete', { id }, () => [seed('memos/list', {}, (memos) => memos?.filter((m) => m.id !== id))]);
  }),
});
