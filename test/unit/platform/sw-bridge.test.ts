import { describe, expect, it, vi } from 'vitest';
import { createBridge, type ControllerSource, type WorkboxLike } from '../../../src/platform/sw-bridge';

/** A Workbox and a navigator.serviceWorker whose events the test fires by hand. */
function setUp({ controlled = true, idle = false } = {}) {
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
  };
  const state = { idle };
  const reload = vi.fn();
  const onUpdateWaiting = vi.fn();
  const bridge = createBridge({ canApplyNow: () => state.idle, onUpdateWaiting, workbox, container, reload });
  const fire = (type: 'waiting' | 'controllerchange') => events.dispatchEvent(new Event(type));
  return { bridge, workbox, reload, onUpdateWaiting, state, fire };
}

describe('service worker bridge', () => {
  it.each([
    { idle: true, reloads: 1 },
    { idle: false, reloads: 0 },
  ])('an applied update that never takes over: an idle page reloads to free it ($idle)', ({ idle, reloads }) => {
    vi.useFakeTimers();
    try {
      const t = setUp({ idle: false });
      t.fire('waiting');
      t.bridge.apply();
      t.state.idle = idle;
      vi.advanceTimersByTime(3_999);
      expect(t.reload).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(t.reload).toHaveBeenCalledTimes(reloads);
      t.fire('controllerchange'); // it takes over after all: still one reload
      expect(t.reload).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
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
