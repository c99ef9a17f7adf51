import type { Outline, ReportSettings } from '../../../shared/analysis.ts';
import type { ArgsOf } from '../../../shared/api/contract.ts';
import { seed, write } from '../../data/index.ts';
import type { SliceCreator } from '../slice.ts';

/** The report outline's writes. Every one answers with the whole outline, which takes the outline read's place without a fetch. */
export interface OutlineSlice {
  /** A new outline, or (`merge`) the additions of the plan the researcher saw, leaving out `skip`. */
  generateOutline(args: ArgsOf<'outline/generate'>): Promise<boolean>;
  /** A quote's edited form (null: verbatim again); false when the core refused it (the reason is shown). */
  editOutlineQuote(args: ArgsOf<'outline/editQuote'>): Promise<boolean>;
  addOutlineSection(args: ArgsOf<'outline/addSection'>): Promise<void>;
  updateOutlineSection(args: ArgsOf<'outline/updateSection'>): Promise<void>;
  moveOutlineSection(args: ArgsOf<'outline/moveSection'>): Promise<void>;
  deleteOutlineSection(id: string): Promise<void>;
  addOutlineItem(args: ArgsOf<'outline/addItem'>): Promise<void>;
  updateOutlineItem(args: ArgsOf<'outline/updateItem'>): Promise<void>;
  moveOutlineItem(args: ArgsOf<'outline/moveItem'>): Promise<void>;
  deleteOutlineItem(id: string): Promise<void>;
  /** The report's layout kept in the project: title block, quote style, attribution, numbering per level. */
  updateReportSettings(args: ArgsOf<'report/updateSettings'>): Promise<void>;
}

type OutlineWrite = 'outline/generate' | 'outline/editQuote' | 'outline/addSection' | 'outline/updateSection' | 'outline/moveSection' | 'outline/deleteSection' | 'outline/addItem' | 'outline/updateItem' | 'outline/moveItem' | 'outline/deleteItem';

export const createOutlineSlice: SliceCreator<OutlineSlice> = (_set, get) => {
  const run = async <K extends OutlineWrite>(name: K, args: ArgsOf<K>): Promise<boolean> => {
    try {
      await write(name, args, (outline) => [seed('outline/get', {}, () => outline as Outline)]);
      return true;
    } catch (error) {
      get().showError(error);
      return false;
    }
  };
  const action =
    <K extends OutlineWrite, A>(name: K, args: (a: A) => ArgsOf<K>) =>
    async (a: A) => {
      await run(name, args(a));
    };
  return {
    generateOutline: (args) => run('outline/generate', args),
    editOutlineQuote: (args) => run('outline/editQuote', args),
    addOutlineSection: action('outline/addSection', (args: ArgsOf<'outline/addSection'>) => args),
    updateOutlineSection: action('outline/updateSection', (args: ArgsOf<'outline/updateSection'>) => args),
    moveOutlineSection: action('outline/moveSection', (args: ArgsOf<'outline/moveSection'>) => args),
    deleteOutlineSection: action('outline/deleteSection', (id: string) => ({ id })),
    addOutlineItem: action('outline/addItem', (args: ArgsOf<'outline/addItem'>) => args),
    updateOutlineItem: action('outline/updateItem', (args: ArgsOf<'outline/updateItem'>) => args),
    moveOutlineItem: action('outline/moveItem', (args: ArgsOf<'outline/moveItem'>) => args),
    deleteOutlineItem: action('outline/deleteItem', (id: string) => ({ id })),
    updateReportSettings: async (args) => {
      try {
        await write('report/updateSettings', args, (settings) => [seed('report/settings', {}, () => settings as ReportSettings)]);
      } catch (error) {
        get().showError(error);
      }
    },
  };
};
