import { useEffect, useState } from 'preact/hooks';
import { afterNextPaint } from '../../lib/after-paint';
import type { FunctionComponent } from 'preact';
import type { LaunchIntent } from '../../app/link';
import { useSession, useSnapshot } from '../components/session-context';
import { LockScreen } from './LockScreen';
import { ToastHost } from '../components/ToastHost';

type AppComponent = FunctionComponent<{ intent: LaunchIntent }>;

/** The unlocked app lives in its own chunk; it starts loading once the first screen is drawn, while the user types. */
let appModule: Promise<AppComponent> | null = null;
export function preloadApp(): Promise<AppComponent> {
  appModule ??= import('../unlocked/App').then((m) => m.App);
  return appModule;
}

/**
 * The first-run screen is shown once in a vault's life, so it is not in the eager bundle; but it is the very first
 * screen a new visitor sees, so it is fetched now, alongside the storage check, not after it (no waterfall).
 */
let setupModule: Promise<FunctionComponent> | null = null;
function loadSetupScreen(): Promise<FunctionComponent> {
  setupModule ??= import('./SetupScreen').then((m) => m.SetupScreen);
  return setupModule;
}
if (typeof window !== 'undefined') void loadSetupScreen().catch(() => undefined);

/** The first screen: lock, first run, or the storage problem; the unlocked app is a lazy chunk (rule 7). */
export function Root({ intent }: { intent: LaunchIntent }) {
  const { phase, notice, settings } = useSnapshot();
  const [App, setApp] = useState<AppComponent | null>(null);
  const [Setup, setSetup] = useState<FunctionComponent | null>(null);
  const [failed, setFailed] = useState(false);

  // The theme is a setting readable before unlocking: the first-run and lock screens wear it too.
  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  const session = useSession();
  // Later chunks wait until the first screen is drawn: fetched before it, they would compete with what it needs.
  const firstScreenShown = phase === 'locked' || (phase === 'setup' && Setup !== null);
  const [preloading, setPreloading] = useState(false);
  useEffect(() => {
    if (preloading || !(firstScreenShown || phase === 'unlocked')) return;
    setPreloading(true);
    void afterNextPaint().then(() => {
      session.preloadEngine();
      preloadApp().then(
        (component) => setApp(() => component),
        () => setFailed(true),
      );
    });
  }, [firstScreenShown, phase, preloading]);

  useEffect(() => {
    if (phase !== 'setup' || Setup) return;
    loadSetupScreen().then(
      (component) => setSetup(() => component),
      () => setFailed(true),
    );
  }, [phase, Setup]);

  if (phase === 'unlocked' && App) return <App intent={intent} />;
  return (
    <>
      {(phase === 'loading' || (phase === 'setup' && !Setup)) && <main class="screen narrow gate" aria-busy="true" />}
      {phase === 'setup' && Setup && <Setup />}
      {(phase === 'locked' || (phase === 'unlocked' && !App)) && (
        <LockScreen
          pendingNotice={notice ?? (intent.addLink ? 'Unlock to add the account from the link you opened.' : null)}
        />
      )}
      {(phase === 'unavailable' || phase === 'blocked') && (
        <main class="screen narrow">
          <h1>Latchkey cannot open its storage</h1>
          <p role="alert" class="alert">
            {notice}
          </p>
          {phase === 'blocked' && (
            <button type="button" class="primary" onClick={() => location.reload()}>
              Reload
            </button>
          )}
        </main>
      )}
      {failed && (
        <p role="alert" class="alert">
          Part of Latchkey could not be loaded. Check your connection once, then reload; after that it works offline.
        </p>
      )}
      <ToastHost />
    </>
  );
}
