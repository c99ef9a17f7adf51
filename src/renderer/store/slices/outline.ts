import type { Outline } from '../../../shared/analysis.ts';
import type { ArgsOf } from '../../../shared/api/contract.ts';
import { call } from '../../api/client.ts';
import type { SliceCreator } from '../slice.ts';
import { dataKey } from './analysis.ts';

/**
 * The report outline. Every outline write answers with the whole outline, which is shown at once;
 * the fetch on `dataVersion` (undo, redo, a write elsewhere) brings it back in line with the file.
 */
export interface OutlineSlice {
  outline: Outline | null;
  outlineKey: string | null;
  loadOutline(): Promise<void>;
  generateOutline(replace: boolean): Promise<boolean>;
  addOutlineSection(args: ArgsOf<'outline/addSection'>): Promise<void>;
  updateOutlineSection(args: ArgsOf<'outline/updateSection'>): Promise<void>;
  moveOutlineSection(args: ArgsOf<'outline/moveSection'>): Promise<void>;
  deleteOutlineSection(id: string): Promise<void>;
  addOutlineItem(args: ArgsOf<'outline/addItem'>): Promise<void>;
  updateOutlineItem(args: ArgsOf<'outline/updateItem'>): Promise<void>;
  moveOutlineItem(args: ArgsOf<'outline/moveItem'>): Promise<void>;
  deleteOutlineItem(id: string): Promise<void>;
}

export const createOutlineSlice: SliceCreator<OutlineSlice> = (set, get, guarded) => {
  const write = async (run: () => Promise<Outline>): Promise<boolean> => {
    try {
      const outline = await run();
      set({ outline });
      await get().afterWrite();
      set({ outline, outlineKey: dataKey(get()) });
      void get().loadAnalysis();
      return true;
    } catch (error) {
      get().showError(error);
      return false;
    }
  };
  const action =
    <A>(run: (args: A) => Promise<Outline>) =>
    async (args: A) => {
      await write(() => run(args));
    };
  return {
    outline: null,
    outlineKey: null,
    loadOutline: guarded(async () => {
      const key = dataKey(get());
      if (!get().project || get().outlineKey === key) return;
      const outline = await call('outline/get', {});
      if (dataKey(get()) === key) set({ outline, outlineKey: key });
    }),
    generateOutline: (replace) => write(() => call('outline/generate', { replace })),
    addOutlineSection: action((args: ArgsOf<'outline/addSection'>) => call('outline/addSection', args)),
    updateOutlineSection: action((args: ArgsOf<'outline/updateSection'>) => call('outline/updateSection', args)),
    moveOutlineSection: action((args: ArgsOf<'outline/moveSection'>) => call('outline/moveSection', args)),
    deleteOutlineSection: action((id: string) => call('outline/deleteSection', { id })),
    addOutlineItem: action((args: ArgsOf<'outline/addItem'>) => call('outline/addItem', args)),
    updateOutlineItem: action((args: ArgsOf<'outline/updateItem'>) => call('outline/updateItem', args)),
    moveOutlineItem: action((args: ArgsOf<'outline/moveItem'>) => call('outline/moveItem', args)),
    deleteOutlineItem: action((id: string) => call('outline/deleteItem', { id })),
  };
};
