import { Observable } from '../lib/observable';

/**
 * Installing matters more for an authenticator than for most sites: Safari may erase a site's storage (the
 * vault!) after 7 days without a visit, but not an app on the Home Screen. Chromium offers installation through
 * `beforeinstallprompt`, which we keep for our own Install button; iOS has no such event, so there we show a
 * short how-to, once, until dismissed.
 */

/** Chromium's event (https://wicg.github.io/manifest-incubations/#beforeinstallpromptevent-interface). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export interface InstallStatus {
  /** The browser offered installation: an Install button can trigger it. */
  canPrompt: boolean;
  /** Running as an installed app, or installed during this visit. */
  installed: boolean;
}

export type InstallOutcome = 'accepted' | 'dismissed' | 'unavailable';

/** The parts of window this module reads: a fake one in unit tests. */
export type InstallWindow = Pick<Window, 'addEventListener' | 'matchMedia'> & {
  navigator: { userAgent: string; maxTouchPoints: number; standalone?: boolean };
};

export interface InstallWatcher {
  status: Observable<InstallStatus>;
  /** Shows the browser's install dialog; the offer can be used once. */
  prompt(): Promise<InstallOutcome>;
}

export function watchInstall(win: InstallWindow): InstallWatcher {
  const status = new Observable<InstallStatus>({ canPrompt: false, installed: isStandalone(win) });
  let offer: BeforeInstallPromptEvent | null = null;
  win.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault(); // no browser infobar: the offer is ours to show where it fits
    offer = event as BeforeInstallPromptEvent;
    status.set({ ...status.value, canPrompt: true });
  });
  win.addEventListener('appinstalled', () => {
    offer = null;
    status.set({ canPrompt: false, installed: true });
  });
  return {
    status,
    async prompt() {
      const event = offer;
      if (!event) return 'unavailable';
      offer = null;
      status.set({ ...status.value, canPrompt: false });
      await event.prompt();
      return (await event.userChoice).outcome;
    },
  };
}

export function isStandalone(win: Pick<InstallWindow, 'matchMedia' | 'navigator'>): boolean {
  // navigator.standalone is iOS Safari's own flag for a Home Screen launch.
  return win.matchMedia('(display-mode: standalone)').matches || win.navigator.standalone === true;
}

let appWatcher: InstallWatcher | null = null;
/** The page's watcher, started on first use; call early (main.tsx) so an offer made before the UI mounts is kept. */
export function installWatcher(): InstallWatcher {
  appWatcher ??= watchInstall(window);
  return appWatcher;
}
