import { describe, expect, it, vi } from 'vitest';
import { createBridge, type ControllerSource, type WorkboxLike } from '../../../src/platform/sw-bridge';

/** A Workbox and a navigator.serviceWorker whose events the test fires by hand. */
function setUp({
  controlled = true,
  idle = false,
  formOpen = false,
  active,
}: { controlled?: boolean; idle?: boolean; formOpen?: boolean; active?: boolean } = {}) {
  const events = new EventTarget();
  const workbox: WorkboxLike = {
    addEventListener: (type, listener) => events.addEventListener(type, listener),
    register: vi.fn(async () => undefined),
    messageSkipWaiting: vi.fn(),
    update: vi.fn(async () => {
      throw new TypeError('Failed to update a ServiceWorker: offline');
    }),
  };
  const container: ControllerSource = {
    controller: controlled ? {} : null,
    addEventListener: (type, listener) => events.addEventListener(type, listener),
    // The registration as the page sees it once it asks: a waiting worker, and an active one unless it is the first.
    getRegistration: vi.fn(async () => ({ active: (active ?? controlled) ? {} : null, waiting: {} })),
  };
  const state = { idle, formOpen };
  const reload = vi.fn();
  const onUpdateWaiting = vi.fn();
  const bridge = createBridge({
    canApplyNow: () => state.idle,
    noFormOpen: () => !state.formOpen,
    onUpdateWaiting,
    workbox,
    container,
    reload,
  });
  const fire = (type: 'waiting' | 'controllerchange') => events.dispatchEvent(new Event(type));
  return { bridge, workbox, container, reload, onUpdateWaiting, state, fire };
}

function withFakeTimers(run: () => void) {
  vi.useFakeTimers();
  try {
    run();
  } finally {
    vi.useRealTimers();
  }
}

describe('service worker bridge', () => {
  // Chromium may park the new worker: skipWaiting sent, no takeover (sw-bridge.ts says when). The page then reloads
  // to free it as soon as that loses nothing: after the person pressed Reload (apply()) an open vault no longer
  // holds it back, only an open form; after an update the bridge applied by itself, anything in use does. Before,
  // an agreed update on an unlocked vault waited for good (pwa-update.spec.ts's form test, now and then).
  it.each([
    { who: 'agreed', then: 'locked, no form', idle: true, formOpen: false, reloads: 1 },
    { who: 'agreed', then: 'unlocked, no form', idle: false, formOpen: false, reloads: 1 },
    { who: 'agreed', then: 'a form open', idle: false, formOpen: true, reloads: 0 },
    { who: 'applied when idle', then: 'unlocked, no form', idle: false, formOpen: false, reloads: 0 },
    { who: 'applied when idle', then: 'locked, no form', idle: true, formOpen: false, reloads: 1 },
  ])('an update that never takes over, $who; at the check $then: reloads $reloads', (row) => {
    withFakeTimers(() => {
      const t = setUp({ idle: row.who !== 'agreed' });
      t.fire('waiting');
      if (row.who === 'agreed') t.bridge.apply();
      else expect(t.workbox.messageSkipWaiting).toHaveBeenCalledOnce();
      Object.assign(t.state, { idle: row.idle, formOpen: row.formOpen });
      vi.advanceTimersByTime(3_999);
      expect(t.reload).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(t.reload).toHaveBeenCalledTimes(row.reloads);
    });
  });

  it('a parked update is checked again: the form closed (or the vault locked) later, the page reloads then', () => {
    withFakeTimers(() => {
      const t = setUp();
      t.fire('waiting');
      t.bridge.apply();
      t.state.formOpen = true;
      vi.advanceTimersByTime(8_000);
      expect(t.reload).not.toHaveBeenCalled();
      t.state.formOpen = false;
      vi.advanceTimersByTime(4_000);
      expect(t.reload).toHaveBeenCalledOnce();
      t.fire('controllerchange'); // it takes over after all: still one reload
      vi.advanceTimersByTime(8_000);
      expect(t.reload).toHaveBeenCalledOnce();
    });
  });

  it('an update applied because the vault locked is not the person agreeing: unlocked again, it waits', () => {
    withFakeTimers(() => {
      const t = setUp();
      t.fire('waiting');
      t.state.idle = true;
      expect(t.bridge.applyIfIdle()).toBe(true);
      t.state.idle = false; // unlocked within the stall window, no form open
      vi.advanceTimersByTime(4_000);
      t.fire('controllerchange');
      expect(t.reload).not.toHaveBeenCalled();
      expect(t.bridge.status.value.updateAvailable).toBe(true); // offered instead
    });
  });

  it('a takeover after the person agreed does not reload through a form opened since: it is offered', () => {
    const t = setUp();
    t.fire('waiting');
    t.bridge.apply();
    t.state.formOpen = true;
    t.fire('controllerchange');
    expect(t.reload).not.toHaveBeenCalled();
    t.state.formOpen = false;
    t.bridge.apply();
    expect(t.reload).toHaveBeenCalledOnce();
  });

  it('applies a waiting update at once when nothing is in use, and reloads once it controls', () => {
    const t = setUp({ idle: true });
    t.fire('waiting');
    expect(t.workbox.messageSkipWaiting).toHaveBeenCalledOnce();
    expect(t.onUpdateWaiting).not.toHaveBeenCalled();
    expect(t.bridge.status.value.updateAvailable).toBe(false);
    t.fire('controllerchange');
    t.fire('controllerchange');
    expect(t.reload).toHaveBeenCalledOnce();
  });

  it('offers a waiting update when a form is open, and applies it only on apply()', () => {
    const t = setUp({ idle: false });
    t.fire('waiting');
    expect(t.workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(t.bridge.status.value.updateAvailable).toBe(true);
    expect(t.onUpdateWaiting).toHaveBeenCalledWith(expect.any(Function));

    t.bridge.apply();
    expect(t.workbox.messageSkipWaiting).toHaveBeenCalledOnce();
    t.fire('controllerchange'); // asked for by this page: reload even though the predicate still says "busy"
    expect(t.reload).toHaveBeenCalledOnce();
  });

  it('passes the same apply to onUpdateWaiting', () => {
    const t = setUp({ idle: false });
    t.fire('waiting');
    const apply = t.onUpdateWaiting.mock.calls[0]![0] as () => void;
    apply();
    expect(t.workbox.messageSkipWaiting).toHaveBeenCalledOnce();
  });

  it.each([
    [false, false],
    [true, true],
  ])('applyIfIdle() with canApplyNow %s applies: %s', (idle, applied) => {
    const t = setUp({ idle: false });
    t.fire('waiting');
    t.state.idle = idle;
    expect(t.bridge.applyIfIdle()).toBe(applied);
    expect(t.workbox.messageSkipWaiting).toHaveBeenCalledTimes(applied ? 1 : 0);
  });

  it('does nothing on apply() or applyIfIdle() when no update waits', () => {
    const t = setUp({ idle: true });
    t.bridge.apply();
    expect(t.bridge.applyIfIdle()).toBe(false);
    expect(t.workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(t.reload).not.toHaveBeenCalled();
  });

  it('does not reload when the first install takes control of a page that had no worker', () => {
    const t = setUp({ controlled: false, idle: true });
    t.fire('controllerchange');
    expect(t.reload).not.toHaveBeenCalled();
    t.fire('controllerchange'); // a later change is an update
    expect(t.reload).toHaveBeenCalledOnce();
  });

  // Firefox, on a loaded machine: a page loaded while the first worker installed saw it waiting (installed, not yet
  // activating) when it registered, and showed "Update available" over the add button for good.
  it.each([{ idle: true }, { idle: false }])(
    'the first install waiting a moment to activate is no update (uncontrolled page, idle $idle)',
    async ({ idle }) => {
      const t = setUp({ controlled: false, idle });
      t.fire('waiting');
      await vi.waitFor(() => expect(t.container.getRegistration).toHaveBeenCalled());
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(t.bridge.status.value.updateAvailable).toBe(false);
      expect(t.onUpdateWaiting).not.toHaveBeenCalled();
      expect(t.workbox.messageSkipWaiting).not.toHaveBeenCalled();
      t.fire('controllerchange'); // the first worker takes over
      expect(t.reload).not.toHaveBeenCalled();
    },
  );

  it('an update waiting while the page has no controller (a hard reload) is still offered', async () => {
    const t = setUp({ controlled: false, active: true, idle: false });
    t.fire('waiting');
    await vi.waitFor(() => expect(t.bridge.status.value.updateAvailable).toBe(true));
  });

  it.each([
    ['reloads at once when nothing is in use', true, 1, false],
    ['waits for consent when a form is open', false, 0, true],
  ])('when another tab applied an update, it %s', (_, idle, reloads, offered) => {
    const t = setUp({ idle });
    t.fire('controllerchange');
    expect(t.reload).toHaveBeenCalledTimes(reloads);
    expect(t.bridge.status.value.updateAvailable).toBe(offered);
    if (offered) {
      t.bridge.apply();
      expect(t.reload).toHaveBeenCalledOnce();
      expect(t.workbox.messageSkipWaiting).not.toHaveBeenCalled(); // nothing waits: only this page is behind
    }
  });

  it('tells subscribers when an update becomes available', () => {
    const t = setUp({ idle: false });
    const seen: boolean[] = [];
    const unsubscribe = t.bridge.status.subscribe((status) => seen.push(status.updateAvailable));
    t.fire('waiting');
    unsubscribe();
    t.fire('waiting');
    expect(seen).toEqual([true]);
  });

  it('looks for updates quietly when offline', async () => {
    const t = setUp();
    await expect(t.bridge.checkForUpdate()).resolves.toBeUndefined();
    expect(t.workbox.update).toHaveBeenCalledOnce();
  });
});
