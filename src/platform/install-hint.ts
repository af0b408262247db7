/**
 * The iOS how-to: iOS has no install event, so Safari users get a short tip instead, once, until dismissed. Apart
 * from install.ts so that it loads with the unlocked app, not before the lock screen.
 */
import { isStandalone, type InstallWindow } from './install';

/** Safari on iPhone, iPod or iPad (iPadOS asks for desktop pages, so it looks like a Mac with a touch screen). */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  const otherBrowser = /CriOS|FxiOS|EdgiOS|OPiOS|GSA\//.test(userAgent);
  return ios && /Version\/[\d.]+.*Safari\//.test(userAgent) && !otherBrowser;
}

const HINT_DISMISSED_KEY = 'latchkey.install-hint-dismissed';
type HintStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The iOS how-to is shown in Safari, outside the installed app, until dismissed once. */
export function shouldShowIosHint(win: Pick<InstallWindow, 'matchMedia' | 'navigator'>, storage: HintStorage | null) {
  if (isStandalone(win) || !isIosSafari(win.navigator.userAgent, win.navigator.maxTouchPoints)) return false;
  try {
    return storage?.getItem(HINT_DISMISSED_KEY) !== '1';
  } catch {
    return true; // storage blocked: showing the tip again is harmless
  }
}

export function dismissIosHint(storage: HintStorage | null): void {
  try {
    storage?.setItem(HINT_DISMISSED_KEY, '1'); // not secret: it only remembers that the tip was read
  } catch {
    // storage blocked: the tip comes back next visit, nothing worse
  }
}

/** localStorage, or null where the browser refuses it (some privacy modes throw on access). */
export function hintStorage(): HintStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
