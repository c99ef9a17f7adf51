import { lazyWhenShown } from '../../components/lazy.tsx';

/**
 * The coded passages a correction touched (FlaggedPassagesContent.tsx). Only a corrected transcript
 * has them, so their code and strings are not in the first download (issue 19): they load when a
 * transcript with such passages is first shown, or once a project is on screen.
 */
export const FlaggedPassages = lazyWhenShown(
  () => import('./FlaggedPassagesContent.tsx').then((m) => m.FlaggedPassagesContent),
  (props) => props.segments.some((s) => s.textStatus),
);
