import { existsSync } from 'node:fs';

/** The browser the suite drives: Debian's Chromium unless LATCHKEY_CHROMIUM points elsewhere. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.LATCHKEY_CHROMIUM;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined; // Playwright's own download, where a machine has one
}

/** Flags from DEVELOPERS.md: no network chatter of Chromium's own, so every request in the suite is the app's. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
