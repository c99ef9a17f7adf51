import { create } from 'zustand';
import type { Guarded } from './slice.ts';
import { createAnalysisSlice, type AnalysisSlice } from './slices/analysis.ts';
import { createCodebookSlice, type CodebookSlice } from './slices/codebook.ts';
import { createCodingSlice, type CodingSlice } from './slices/coding.ts';
import { createGuideSlice, type GuideSlice } from './slices/guide.ts';
import { createDocumentsSlice, type DocumentsSlice } from './slices/documents.ts';
import { createMemosSlice, type MemosSlice } from './slices/memos.ts';
import { createOutlineSlice, type OutlineSlice } from './slices/outline.ts';
import { createParticipantsSlice, type ParticipantsSlice } from './slices/participants.ts';
import { createProjectSlice, type ProjectSlice } from './slices/project.ts';
import { createUiSlice, type UiSlice } from './slices/ui.ts';

export { recentProjects } from './slices/project.ts';

/**
 * One store built from slices: the page's own state (route, selection, recent labels, filters, the
 * coding drawn ahead of the core's answer) and the mutations. What the core holds is read through
 * the data layer (`src/renderer/data`), never kept here.
 */
export type State = ProjectSlice & DocumentsSlice & ParticipantsSlice & UiSlice & CodingSlice & MemosSlice & CodebookSlice & AnalysisSlice & OutlineSlice & GuideSlice;

export const useStore = create<State>()((set, get) => {
  const guarded: Guarded =
    <A extends unknown[]>(action: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      try {
        await action(...args);
      } catch (error) {
        get().showError(error);
      }
    };

  return {
    ...createUiSlice(set, get, guarded),
    ...createProjectSlice(set, get, guarded),
    ...createDocumentsSlice(set, get, guarded),
    ...createParticipantsSlice(set, get, guarded),
    ...createCodingSlice(set, get, guarded),
    ...createCodebookSlice(set, get, guarded),
    ...createMemosSlice(set, get, guarded),
    ...createAnalysisSlice(set, get, guarded),
    ...createOutlineSlice(set, get, guarded),
    ...createGuideSlice(set, get, guarded),
  };
});
