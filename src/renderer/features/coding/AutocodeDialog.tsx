import { lazyWhenShown } from '../../components/lazy.tsx';

/** Auto-coding by search (AutocodeDialogContent.tsx), loaded when first opened (issue 19). */
export const AutocodeDialog = lazyWhenShown(() => import('./AutocodeDialogContent.tsx').then((m) => m.AutocodeDialogContent), (props) => props.open);
