import { describe, expect, it, vi } from 'vitest';
import { watchInstall, type InstallWindow } from '../../../src/platform/install';
import {
  OFFER_AGAIN_AFTER_MS,
  declineOffer,
  isIosSafari,
  offerDue,
  readDeclines,
  wantsIosHint,
} from '../../../src/platform/install-hint';

const UA = {
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  ipadDesktopSafari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  iphoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  iphoneFirefox:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  desktopChrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
};

describe('isIosSafari', () => {
  it.each([
    ['iPhone Safari', UA.iphoneSafari, 5, true],
    ['iPad Safari asking for desktop pages', UA.ipadDesktopSafari, 5, true],
    ['Safari on a Mac', UA.ipadDesktopSafari, 0, false],
    ['Chrome on iPhone', UA.iphoneChrome, 5, false],
    ['Firefox on iPhone', UA.iphoneFirefox, 5, false],
    ['Chrome on Android', UA.androidChrome, 5, false],
    ['Chrome on a desktop', UA.desktopChrome, 0, false],
  ])('%s: %s', (_, userAgent, touchPoints, expected) => {
    expect(isIosSafari(userAgent, touchPoints)).toBe(expected);
  });
});

function fakeWindow({ userAgent = UA.desktopChrome, standaloneMedia = false, iosStandalone = false } = {}) {
  const events = new EventTarget();
  return {
    addEventListener: (type: string, listener: (event: Event) => void) => events.addEventListener(type, listener),
    matchMedia: (query: string) => ({ matches: standaloneMedia && query === '(display-mode: standalone)' }),
    navigator: { userAgent, maxTouchPoints: 5, standalone: iosStandalone },
    dispatchEvent: (event: Event) => events.dispatchEvent(event),
  } as unknown as InstallWindow & { dispatchEvent(event: Event): boolean };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('the iOS how-to', () => {
  it.each([
    ['in Safari', { userAgent: UA.iphoneSafari }, true],
    ['when launched from the Home Screen', { userAgent: UA.iphoneSafari, iosStandalone: true }, false],
    ['outside iOS Safari', { userAgent: UA.androidChrome }, false],
  ])('is wanted %s: %s', (_, options, expected) => {
    expect(wantsIosHint(fakeWindow(options))).toBe(expected);
  });
});

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 7);

describe('when the install card is offered', () => {
  it.each([
    ['never declined', null, true],
    ['declined once, a day ago', { count: 1, lastAt: NOW - DAY }, false],
    ['declined once, 27 days ago', { count: 1, lastAt: NOW - 27 * DAY }, false],
    ['declined once, 28 days ago', { count: 1, lastAt: NOW - OFFER_AGAIN_AFTER_MS }, true],
    ['declined twice, long ago', { count: 2, lastAt: NOW - 400 * DAY }, false],
  ])('%s', (_, declines, expected) => {
    expect(offerDue(declines, NOW)).toBe(expected);
  });

  it('comes back once, weeks after the first "Not now", and never after the second', () => {
    const storage = memoryStorage();
    expect(offerDue(readDeclines(storage), NOW)).toBe(true);
    declineOffer(storage, NOW);
    expect(offerDue(readDeclines(storage), NOW + 7 * DAY)).toBe(false);
    expect(offerDue(readDeclines(storage), NOW + 30 * DAY)).toBe(true);
    declineOffer(storage, NOW + 30 * DAY);
    expect(offerDue(readDeclines(storage), NOW + 3000 * DAY)).toBe(false);
  });

  it.each([
    ['garbage', { 'latchkey.install-offer-declined': '{nope' }, true],
    ['the wrong shape', { 'latchkey.install-offer-declined': '{"count":"1"}' }, true],
    ['the old iOS tip dismissed', { 'latchkey.install-hint-dismissed': '1' }, false],
  ])('reads %s in storage', (_, initial, expected) => {
    expect(offerDue(readDeclines(memoryStorage(initial)), NOW)).toBe(expected);
  });

  it('is still offered, and declining does not throw, where storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    expect(offerDue(readDeclines(blocked), NOW)).toBe(true);
    expect(() => declineOffer(blocked, NOW)).not.toThrow();
    expect(offerDue(readDeclines(null), NOW)).toBe(true);
  });
});

function installOffer(outcome: 'accepted' | 'dismissed') {
  return Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    prompt: vi.fn(async () => undefined),
    userChoice: Promise.resolve({ outcome }),
  });
}

describe('the install offer', () => {
  it('is kept from the browser, shown, and usable once', async () => {
    const win = fakeWindow();
    const watcher = watchInstall(win);
    expect(watcher.status.value).toEqual({ canPrompt: false, installed: false });
    const offer = installOffer('dismissed');
    win.dispatchEvent(offer);
    expect(offer.defaultPrevented).toBe(true);
    expect(watcher.status.value.canPrompt).toBe(true);

    await expect(watcher.prompt()).resolves.toBe('dismissed');
    expect(offer.prompt).toHaveBeenCalledOnce();
    expect(watcher.status.value.canPrompt).toBe(false);
    await expect(watcher.prompt()).resolves.toBe('unavailable');
  });

  it('is withdrawn once the app is installed', () => {
    const win = fakeWindow();
    const watcher = watchInstall(win);
    win.dispatchEvent(installOffer('accepted'));
    win.dispatchEvent(new Event('appinstalled'));
    expect(watcher.status.value).toEqual({ canPrompt: false, installed: true });
  });

  it.each([
    ['display-mode standalone', { standaloneMedia: true }],
    ['iOS Home Screen launch', { userAgent: UA.iphoneSafari, iosStandalone: true }],
  ])('knows it runs installed from %s', (_, options) => {
    expect(watchInstall(fakeWindow(options)).status.value.installed).toBe(true);
  });
});
