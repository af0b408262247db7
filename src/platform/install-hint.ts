/**
 * When to offer installation (the card above the list), and the iOS how-to: iOS has no install event, so Safari
 * users get a short tip instead. "Not now" is remembered: the offer comes back at most once, weeks later, and then
 * never again. Apart from install.ts so that it loads with the unlocked app, not before the lock screen.
 */
import { isStandalone, type InstallWindow } from './install';

/** Safari on iPhone, iPod or iPad (iPadOS asks for desktop pages, so it looks like a Mac with a touch screen). */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  const otherBrowser = /CriOS|FxiOS|EdgiOS|OPiOS|GSA\//.test(userAgent);
  return ios && /Version\/[\d.]+.*Safari\//.test(userAgent) && !otherBrowser;
}

/** The iOS how-to belongs in Safari, outside the installed app. */
export function wantsIosHint(win: Pick<InstallWindow, 'matchMedia' | 'navigator'>): boolean {
  return !isStandalone(win) && isIosSafari(win.navigator.userAgent, win.navigator.maxTouchPoints);
}

/** How many times the offer was turned down, and when last. */
export interface OfferDeclines {
  count: number;
  lastAt: number;
}

/** After one "Not now", the offer may come back once, this long after. */
export const OFFER_AGAIN_AFTER_MS = 28 * 24 * 60 * 60 * 1000;

export function offerDue(declines: OfferDeclines | null, now: number): boolean {
  if (!declines || declines.count === 0) return true;
  return declines.count === 1 && now - declines.lastAt >= OFFER_AGAIN_AFTER_MS;
}

const DECLINES_KEY = 'latchkey.install-offer-declined';
/** The earlier iOS tip's "Dismiss": read as declined for good. */
const LEGACY_DISMISSED_KEY = 'latchkey.install-hint-dismissed';
export type HintStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** What storage says; nothing readable counts as never declined (showing the card again is harmless). */
export function readDeclines(storage: HintStorage | null): OfferDeclines | null {
  try {
    if (storage?.getItem(LEGACY_DISMISSED_KEY) === '1') return { count: 2, lastAt: 0 };
    const parsed: unknown = JSON.parse(storage?.getItem(DECLINES_KEY) ?? 'null');
    if (!parsed || typeof parsed !== 'object') return null;
    const { count, lastAt } = parsed as Record<string, unknown>;
    return typeof count === 'number' && typeof lastAt === 'number' ? { count, lastAt } : null;
  } catch {
    return null;
  }
}

export function declineOffer(storage: HintStorage | null, now: number): void {
  const count = (readDeclines(storage)?.count ?? 0) + 1;
  try {
    // Not secret: it only remembers that the card was turned down, and when.
    storage?.setItem(DECLINES_KEY, JSON.stringify({ count, lastAt: now }));
  } catch {
    // storage blocked: the card comes back next visit, nothing worse
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
