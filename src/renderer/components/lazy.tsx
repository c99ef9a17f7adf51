import { lazy, Suspense, useState, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A component whose code loads the first time it is shown (issue 19): the start screen and round 1
 * come in the first download; the concept map (React Flow), the rich-text editors (Lexical), the
 * export dialog, rounds 2–3, the surveys and the transcript editor follow when opened.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const fetch = () =>
    (loading ??= load().then((component) => {
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
      <Suspense fallback={fallback ?? <Loading />}>
        <Lazy {...(rest as ComponentProps<typeof Lazy>)} />
      </Suspense>
    );
  };
  /** Starts the download without showing anything (round 1 right after the start screen). */
  Loaded.preload = () => void fetch().catch(() => undefined);
  return Loaded;
}

function Loading() {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}
