import { Workbox } from 'workbox-window';
import { Observable } from '../lib/observable';

/**
 * Registers the service worker and decides when a new version may take over. A reload under a half-entered form
 * or an unlocked vault would lose work, so an update is applied at once only when the app says nothing is in use
 * (`canApplyNow`); otherwise the UI offers "Update available · Reload" and applies it when the person agrees.
 * Pattern from squoosh/svgomg: skip-waiting only after consent or when idle, reload on controllerchange.
 */

export interface UpdateStatus {
  /** A newer version is ready and waits for apply(). */
  updateAvailable: boolean;
}

/** See skipWaiting in createBridge. */
const STALLED_MS = 4_000;

export interface BridgeOptions {
  /** True when reloading now loses nothing: the vault is locked and no form is open. Asked at each decision. */
  canApplyNow: () => boolean;
  /**
   * True when no form is open. Once the person has agreed to the update (apply()), only an open form holds its
   * reload back: they chose to leave the unlocked vault. Defaults to canApplyNow.
   */
  noFormOpen?: () => boolean;
  /** Told when an update waits for consent; call apply() after the person agrees (the Reload button). */
  onUpdateWaiting?: (apply: () => void) => void;
  scriptUrl?: string;
  /** Seams for tests; the defaults are the browser's. */
  workbox?: WorkboxLike;
  container?: ControllerSource;
  reload?: () => void;
  /** How long an applied update may wait to take over before the page reloads to let it, when it may (ms). */
  stalledMs?: number;
}

/** The part of workbox-window's Workbox the bridge uses. */
export interface WorkboxLike {
  addEventListener(type: 'waiting', listener: () => void): void;
  register(): Promise<ServiceWorkerRegistration | undefined>;
  messageSkipWaiting(): void;
  update(): Promise<void>;
}

/** The part of navigator.serviceWorker the bridge uses. */
export interface ControllerSource {
  readonly controller: unknown;
  addEventListener(type: 'controllerchange', listener: () => void): void;
  getRegistration(): Promise<{ readonly active: unknown; readonly waiting: unknown } | undefined>;
}

export interface Bridge {
  status: Observable<UpdateStatus>;
  register(): Promise<ServiceWorkerRegistration | undefined>;
  /** Applies the waiting update (the Reload button). Does nothing when none waits. */
  apply(): void;
  /** Applies a waiting update if canApplyNow() has become true; call it after locking or closing a form. */
  applyIfIdle(): boolean;
  /** Asks the server for a newer worker; the browser also checks on navigations. Fails quietly offline. */
  checkForUpdate(): Promise<void>;
}

export function createBridge(
  options: BridgeOptions,
  status = new Observable<UpdateStatus>({ updateAvailable: false }),
) {
  const container = options.container ?? navigator.serviceWorker;
  const workbox = options.workbox ?? new Workbox(options.scriptUrl ?? '/sw.js');
  const reload = options.reload ?? (() => location.reload());
  // Without a controller yet, the first controllerchange is the first install taking over: nothing to reload.
  let controlled = Boolean(container.controller);
  /** The person pressed Reload (apply()), rather than the bridge applying the update because nothing was in use. */
  let agreed = false;
  let reloading = false;
  let pending: ((byPerson: boolean) => void) | null = null;

  const reloadOnce = () => {
    if (reloading) return;
    reloading = true;
    reload();
  };
  const noFormOpen = options.noFormOpen ?? options.canApplyNow;
  /** Whether a reload now loses nothing the person has not agreed to leave. */
  const mayReload = () => (agreed ? noFormOpen() : options.canApplyNow());
  // Chrome lets the new worker take over only once the old one has no request in flight. Requests the page makes
  // as the update applies (a chunk or an image for the screen it returns to) were seen to hold it off for good in
  // pwa-update.spec.ts. The page reloads as soon as it may: the fresh page is idle, so it applies the waiting update
  // at once and reloads onto it. Asked again until then: a form open now may be closed later.
  const reloadIfStalled = () =>
    setTimeout(() => {
      if (reloading) return;
      if (mayReload()) reloadOnce();
      else reloadIfStalled();
    }, options.stalledMs ?? STALLED_MS);
  const skipWaiting = (byPerson: boolean) => {
    agreed ||= byPerson;
    workbox.messageSkipWaiting();
    reloadIfStalled();
  };
  const offer = (apply: (byPerson: boolean) => void) => {
    pending = apply;
    status.set({ updateAvailable: true });
    options.onUpdateWaiting?.(() => bridge.apply());
  };

  const decide = () => (options.canApplyNow() ? skipWaiting(false) : offer(skipWaiting));
  workbox.addEventListener('waiting', () => {
    if (controlled) return decide(); // a page with a controller has an active worker: this one would replace it
    // Without a controller, the waiting worker may be the first install between "installed" and "activating",
    // which takes over by itself: workbox-window calls it waiting when a page loaded while it installed registers
    // in that moment (Firefox on a loaded machine, whose banner then stayed over the add button for good). Only a
    // worker waiting behind an active one (a page loaded with a hard reload) is an update.
    void container.getRegistration().then(
      (registration) => registration?.active && registration.waiting && decide(),
      () => undefined,
    );
  });
  container.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    // Another tab may have applied the update: this page still runs the old files, whose lazy chunks the new
    // cache no longer holds, so it must reload too, but only once that loses nothing.
    if (mayReload()) reloadOnce();
    else offer(reloadOnce);
  });

  const bridge: Bridge = {
    status,
    register: () => workbox.register(),
    apply() {
      const apply = pending;
      pending = null;
      apply?.(true);
    },
    applyIfIdle() {
      const apply = pending;
      if (!apply || !options.canApplyNow()) return false;
      pending = null;
      apply(false);
      return true;
    },
    checkForUpdate: () => workbox.update().catch(() => undefined),
  };
  return bridge;
}

/** The app's update status: UpdateBanner subscribes to it. */
export const updateStatus = new Observable<UpdateStatus>({ updateAvailable: false });
let appBridge: Bridge | null = null;

/**
 * Call once at start-up. Returns undefined where service workers are unavailable (the app still works online).
 * Example: registerServiceWorker({ canApplyNow: () => session.isLocked && !formOpen })
 */
export async function registerServiceWorker(options: BridgeOptions) {
  // `vite` (dev) serves no sw.js; Firefox's private windows have no service workers at all.
  if (appBridge || !import.meta.env.PROD || !('serviceWorker' in navigator)) return undefined;
  appBridge = createBridge(options, updateStatus);
  watchVisibility(appBridge);
  try {
    return await appBridge.register();
  } catch (error) {
    // The app still works online; only offline use and updates are lost, so this is a warning, not a fault.
    console.warn('Offline support is unavailable:', error instanceof Error ? error.message : error);
    return undefined;
  }
}

/** Applies the waiting update now: what the Reload button does, after consent. */
export function applyUpdate(): void {
  appBridge?.apply();
}

/** Applies a waiting update if nothing is in use any more (e.g. right after the vault locks). */
export function applyUpdateIfIdle(): boolean {
  return appBridge?.applyIfIdle() ?? false;
}

/** An installed app can stay open for days without a navigation, so look for updates when it is shown again. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;
function watchVisibility(bridge: Bridge, now = () => Date.now()) {
  let lastCheck = now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
    lastCheck = now();
    void bridge.checkForUpdate();
  });
}
