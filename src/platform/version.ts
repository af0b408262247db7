/**
 * The version of this build (package.json, or LATCHKEY_VERSION for the update test), readable by people in the
 * About line and by tests on <html data-latchkey-version>. The service worker answers GET_VERSION with its own.
 */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** Call once at start-up so the running version is visible in the DOM. */
export function markDocumentVersion(root: HTMLElement = document.documentElement): void {
  root.dataset.latchkeyVersion = APP_VERSION;
}
