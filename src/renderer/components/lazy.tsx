import { lazy, Suspense, useState, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadAreaStrings } from '../i18n/index.ts';

/**
 * A component whose code loads the first time it is shown (issue 19): the start screen and round 1
 * come in the first download; the concept map (React Flow), the rich-text editors (Lexical), the
 * export dialog, rounds 2–3, the surveys, the transcript editor and the dialogs follow when opened.
 * Its code and the strings of the areas not in the first download are fetched side by side, so that
 * whatever loads later finds its strings there.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, whileLoading: ReactNode = <Loading />) {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const fetch = () =>
    (loading ??= Promise.all([loadAreaStrings(), load()]).then(([, component]) => {
      loaded = component;
      return component;
    }));
  const Lazy = lazy(async () => ({ default: await fetch() }));
  const Loaded = (props: P & { fallback?: ReactNode }) => {
    // Code already here when this instance mounts (preloaded, or shown before) renders at once, as
    // a static import would, without a Suspense turn; the choice holds for the instance's life, so
    // that it never remounts.
    const [ready] = useState(() => loaded);
    const { fallback, ...rest } = props;
    if (ready) {
      const Ready = ready;
      return <Ready {...(rest as P)} />;
    }
    return (
      <Suspense fallback={fallback === undefined ? whileLoading : fallback}>
        <Lazy {...(rest as ComponentProps<typeof Lazy>)} />
      </Suspense>
    );
  };
  /** Starts the download without showing anything (what a project screen can open, once it is shown). */
  Loaded.preload = () => void fetch().catch(() => undefined);
  return Loaded;
}

/**
 * A dialog-like component that draws nothing until `shown(props)` first holds, and loads its code
 * only then (or on `preload`); once shown it stays mounted, as it would if it came with the page, so
 * that closing and opening again keeps its state as before.
 */
export function lazyWhenShown<P extends object>(load: () => Promise<ComponentType<P>>, shown: (props: P) => boolean) {
  const Lazy = lazyComponent(load, null);
  const WhenShown = (props: P) => {
    const [opened, setOpened] = useState(false);
    const show = shown(props);
    // Derived state, set while rendering (React's documented pattern): the first showing mounts it.
    if (show && !opened) setOpened(true);
    return show || opened ? <Lazy {...props} /> : null;
  };
  WhenShown.preload = Lazy.preload;
  return WhenShown;
}

function Loading() {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}

/**
 * Fetches `parts` once the screen just drawn has had its turn: a second after, when the page is
 * idle (not during the first screen, whose own calls and painting it would slow), or at once on the
 * first press or key, which may be the one that opens one of them. Returns the cancel.
 */
export function preloadSoon(parts: readonly { preload(): void }[]): () => void {
  let idle = 0;
  const stop = () => {
    clearTimeout(timer);
    cancelIdleCallback(idle);
    window.removeEventListener('pointerdown', preload, true);
    window.removeEventListener('keydown', preload, true);
  };
  const preload = () => {
    stop();
    for (const part of parts) part.preload();
  };
  const timer = setTimeout(() => (idle = requestIdleCallback(preload, { timeout: 2000 })), 1000);
  window.addEventListener('pointerdown', preload, true);
  window.addEventListener('keydown', preload, true);
  return stop;
}
