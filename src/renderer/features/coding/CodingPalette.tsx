import { lazyComponent } from '../../components/lazy.tsx';

export type { PaletteChoice, PaletteMode } from './CodingPaletteContent.tsx';

/**
 * The quick palette that opens on a selection (CodingPaletteContent.tsx). It and fuse.js, its
 * search, load when a project is first shown (App preloads it) rather than with the page, which
 * keeps the first download within issue 19's budget; until then a selection waits for it.
 */
export const CodingPalette = lazyComponent(() => import('./CodingPaletteContent.tsx').then((m) => m.CodingPaletteContent), null);
