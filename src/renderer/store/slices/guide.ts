import type { ArgsOf } from '../../../shared/api/contract.ts';
import { write } from '../../data/index.ts';
import type { SliceCreator } from '../slice.ts';

/** Interview-guide marks on a transcript: a stretch marked as answering a section or question, and taking a mark away. */
export interface GuideSlice {
  /** True when the stretch was marked; a refusal shows in the banner. */
  markGuide(span: ArgsOf<'guide/markSpan'>): Promise<boolean>;
  unmarkGuide(id: string): Promise<void>;
}

export const createGuideSlice: SliceCreator<GuideSlice> = (_set, get, guarded) => ({
  async markGuide(span) {
    try {
      await write('guide/markSpan', span);
      return true;
    } catch (error) {
      get().showError(error);
      return false;
    }
  },
  unmarkGuide: guarded(async (id) => {
    await write('guide/unmarkSpan', { id });
  }),
});
