import { lazy, Suspense, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A component whose code loads the first time it is shown (issue 19): the start screen and round 1
 * come in the first download; the concept map (React Flow), the rich-text editors (Lexical), the
 * export dialog, rounds 2–3, the surveys and the transcript editor follow when opened.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loading: Promise<ComponentType<P>> | null = null;
  const fetch = () => (loading ??= load());
  const Lazy = lazy(async () => ({ default: await fetch() }));
  const Loaded = (props: P & { fallback?: ReactNode }) => {
    const { fallback, ...rest } = props;
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
