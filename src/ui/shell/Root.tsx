import { useEffect, useRef, useState } from 'preact/hooks';
import { afterNextPaint } from '../../lib/after-paint';
import type { FunctionComponent } from 'preact';
import type { LaunchIntent } from '../../app/link';
import { useSession, useSnapshot } from '../components/session-context';
import { LockScreen } from './LockScreen';
import { ToastHost } from '../components/ToastHost';
import type { Language, LanguageSetting } from '../../app/languages';
import { useStore } from '../components/useStore';
import { applyLanguage, languageFor } from '../i18n/load';
import { language, t } from '../i18n/t';

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
/** Set as soon as the chunk is in, so that the storage's answer can draw the screen in the same render. */
let loadedSetup: FunctionComponent | null = null;
function loadSetupScreen(): Promise<FunctionComponent> {
  setupModule ??= import('./SetupScreen').then((m) => (loadedSetup = m.SetupScreen));
  return setupModule;
}
// A page a service worker already controls is a returning visitor's, whose first screen is almost always the lock
// screen (in the eager bundle): the first-run chunk would only compete with it, so it waits for the storage's answer.
if (typeof window !== 'undefined' && !navigator.serviceWorker?.controller)
  void loadSetupScreen().catch(() => undefined);

/** Resolves once the first screen (first run or lock) has been drawn: what may load after it waits for this. */
let firstScreenDrawn!: () => void;
export const afterFirstScreen = new Promise<void>((resolve) => (firstScreenDrawn = resolve));

/** Speaks the language of `setting` (load.ts); true once the screens can be drawn in it. */
function useLanguage(setting: LanguageSetting): boolean {
  const tag = languageFor(setting);
  const spoken = useStore(language);
  const [tried, setTried] = useState<Language | null>(null);
  useEffect(() => {
    void applyLanguage(tag).then(() => setTried(tag));
  }, [tag]);
  return spoken === tag || tried === tag;
}

/** The first screen: lock, first run, or the storage problem; the unlocked app is a lazy chunk (rule 7). */
export function Root({ intent }: { intent: LaunchIntent }) {
  const { phase, notice, settings } = useSnapshot();
  const languageReady = useLanguage(settings.language);
  const [App, setApp] = useState<AppComponent | null>(null);
  const [loadedLater, setSetup] = useState<FunctionComponent | null>(null);
  // Usually the chunk came in while the storage was being opened: drawn with the storage's answer, not a frame later.
  const Setup = loadedLater ?? loadedSetup;
  const [failed, setFailed] = useState(false);
  // Until the vault is first open in this page, a lock screen is a cold start's: it offers a passkey by itself.
  const coldStart = useRef(true);
  if (phase === 'unlocked' || phase === 'setup') coldStart.current = false;

  // The theme is a setting readable before unlocking: the first-run and lock screens wear it too.
  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  const session = useSession();
  // Later chunks wait until the first screen is drawn: fetched before it, they would compete with what it needs.
  // In another language, drawn once its catalog is in (until then a blank gate).
  const firstScreenShown = languageReady && phase !== 'loading' && (phase !== 'setup' || Setup !== null);
  const [preloading, setPreloading] = useState(false);
  useEffect(() => {
    if (preloading || !firstScreenShown) return;
    setPreloading(true);
    void afterNextPaint().then(() => {
      firstScreenDrawn();
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

  // Until the language's chunk is in, a blank gate rather than a flash of English.
  if (!languageReady) return <main class="screen narrow gate" aria-busy="true" />;
  if (phase === 'unlocked' && App) return <App intent={intent} />;
  return (
    <>
      {(phase === 'loading' || (phase === 'setup' && !Setup)) && <main class="screen narrow gate" aria-busy="true" />}
      {phase === 'setup' && Setup && <Setup />}
      {(phase === 'locked' || (phase === 'unlocked' && !App)) && (
        <LockScreen
          offerPasskey={coldStart.current}
          pendingNotice={notice ?? (intent.addLink ? t('lock.addFromLink') : null)}
        />
      )}
      {(phase === 'unavailable' || phase === 'blocked') && (
        <main class="screen narrow">
          <h1>{t('lock.noStorage')}</h1>
          <p role="alert" class="alert">
            {notice}
          </p>
          {phase === 'blocked' && (
            <button type="button" class="primary" onClick={() => location.reload()}>
              {t('common.reload')}
            </button>
          )}
        </main>
      )}
      {failed && (
        <p role="alert" class="alert">
          {t('common.partNotLoaded')}
        </p>
      )}
      <ToastHost />
    </>
  );
}
