import type { CodebookImport, CodebookTemplateName, CodebookTemplateResult, Label, LabelUsage } from '../../../shared/model.ts';
import { ApiError, fileToBase64, read, write } from '../../data/index.ts';
import type { SliceCreator } from '../slice.ts';

/** A refusal the codebook screens show in place (and translate by its code), not in the banner. */
export interface CodebookProblem {
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export type Outcome<T> = { ok: true; result: T } | { ok: false; problem: CodebookProblem };

/**
 * The codebook as a whole: importing a CSV codebook, starting from a study's template, moving labels
 * in the tree, and the counts a delete or merge confirmation needs. Single-label edits (create,
 * update, merge, delete) are the coding slice's.
 */
export interface CodebookSlice {
  importCodebookCsv(file: File): Promise<Outcome<CodebookImport>>;
  applyTemplate(template: CodebookTemplateName, includeEmergent: boolean): Promise<Outcome<CodebookTemplateResult>>;
  moveLabel(id: string, parentId: string | null, index: number): Promise<void>;
  labelUsage(id: string, targetId?: string): Promise<LabelUsage | null>;
  /** How many sections the project's interview guide has (the template keeps a guide that exists). */
  guideSectionCount(): Promise<number>;
  /** Merges like the coding slice's mergeLabels, and says what moved and what collapsed. */
  mergeLabelsCounted(sourceId: string, targetId: string): Promise<{ label: Label; moved: number; collapsed: number } | null>;
}

function problemOf(error: unknown): CodebookProblem {
  if (error instanceof ApiError) return { message: error.message, code: error.code, params: error.params };
  return { message: error instanceof Error ? error.message : String(error) };
}

export const createCodebookSlice: SliceCreator<CodebookSlice> = (set, get, guarded) => ({
  async importCodebookCsv(file) {
    try {
      const result = await write('labels/importCsv', { file: { name: file.name, base64: await fileToBase64(file) } });
      return { ok: true, result };
    } catch (error) {
      return { ok: false, problem: problemOf(error) };
    }
  },
  async applyTemplate(template, includeEmergent) {
    try {
      const result = await write('codebook/applyTemplate', { template, includeEmergent });
      return { ok: true, result };
    } catch (error) {
      return { ok: false, problem: problemOf(error) };
    }
  },
  moveLabel: guarded(async (id, parentId, index) => {
    await write('labels/move', { id, parentId, index });
  }),
  async labelUsage(id, targetId) {
    try {
      return await read('labels/usage', { id, targetId });
    } catch (error) {
      get().showError(error);
      return null;
    }
  },
  async guideSectionCount() {
    try {
      return (await read('guide/get', {})).length;
    } catch {
      return 0;
    }
  },
  async mergeLabelsCounted(sourceId, targetId) {
    try {
      const result = await write('labels/merge', { sourceId, targetId });
      set({ recentLabelIds: get().recentLabelIds.filter((id) => id !== sourceId) });
      return result;
    } catch (error) {
      get().showError(error);
      return null;
    }
  },
});
