import { lazyWhenShown } from './lazy.tsx';
import type { DialogProps } from './DialogFrame.tsx';

/**
 * An accessible modal dialog (focus trap, Escape, labelled). Its frame and the Radix primitives
 * under it load the first time any dialog opens (issue 19: round 1's screens come with the page, the
 * dialogs they can open do not), and are fetched ahead once a project is shown (`Dialog.preload`).
 */
export const Dialog = lazyWhenShown<DialogProps>(
  () => import('./DialogFrame.tsx').then((m) => m.DialogFrame),
  (props) => props.open,
);
