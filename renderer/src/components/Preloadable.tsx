import { Component, lazy, type ComponentType, type ErrorInfo, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';

/**
 * A screen that lives in its own chunk (the first paint needs only the lock screen: see
 * renderer/src/app/preload.ts). `preload()` starts loading it — after the lock screen has rendered,
 * while the passphrase is typed — and `Component` renders it: directly once loaded (no loading
 * state, no extra render), through React.lazy until then (the nearest <Suspense> shows
 * <LoadingView/>). A failed load is thrown to the nearest error boundary; `preload()` may then try
 * again (a rejected load is not kept), but a component that has rendered the failure keeps it
 * until the page is reloaded (React.lazy remembers it) — the boundaries say so in words.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): { Component: (props: P) => JSX.Element; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
        return { default: component };
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(preload) as unknown as ComponentType<P>;
  function Preloaded(props: P) {
    // Settled before React retries the lazy one (its `then` runs after ours): the type never flips
    // between two committed renders.
    const Loaded = loaded ?? Lazy;
    return <Loaded {...props} />;
  }
  return { Component: Preloaded, preload };
}

/** What a screen shows while its code loads: a polite status, never a blank page. */
export function LoadingView() {
  const { t } = useTranslation();
  return (
    <p role="status" className="otk-loading" data-testid="loading-view">
      {t('screens.loading')}
    </p>
  );
}

/**
 * A part of the app whose code could not be loaded (a chunk missing from the installation, a
 * broken file): says so in words and offers to reload, instead of a blank page. For the parts
 * outside a screen (the open session, the set-up and restore screens); a screen's own failure is
 * caught by app/ScreenBoundary, which keeps the header and menu.
 */
export class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`a part of the app could not be shown: ${error.name}`, info.componentStack?.split('\n', 3).join(' '));
  }

  override render(): ReactNode {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <div className="otk-main otk-panel" data-testid="load-failed">
      <Heading variant="h1" id="load-failed-heading">
        {t('screens.loadFailed.heading')}
      </Heading>
      <div role="alert">
        <Paragraph mb="m">{t('screens.loadFailed.text')}</Paragraph>
      </div>
      <Button onClick={() => window.location.reload()}>{t('screens.loadFailed.reload')}</Button>
    </div>
  );
}
