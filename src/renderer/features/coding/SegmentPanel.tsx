import { lazyComponent } from '../../components/lazy.tsx';

/**
 * The selected segment's labels and actions (SegmentPanelContent.tsx), shown once a segment is
 * selected: not in the first download (issue 19); App fetches it once a project is on screen.
 */
export const SegmentPanel = lazyComponent(() => import('./SegmentPanelContent.tsx').then((m) => m.SegmentPanelContent), null);
