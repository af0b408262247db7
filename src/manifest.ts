import type { ManifestOptions } from 'vite-plugin-pwa';

/**
 * The web app manifest, kept in TypeScript so the build (vite.config.ts) and the tests read one source.
 * The PNGs are rendered from public/icon.svg by test/tools/make-icons.mjs and committed.
 */

/** Colours of the installed app's frame and splash. index.html repeats them as media-dependent theme-color metas. */
export const COLOURS = {
  light: { theme: '#1d4ed8', background: '#ffffff' },
  dark: { theme: '#0b1220', background: '#0b1220' },
} as const;

/** Where the service worker receives images shared to the installed app (Web Share Target level 2). */
export const SHARE_TARGET_ACTION = '/share-target';
/** The form field the shared image arrives in. */
export const SHARE_TARGET_FILE_FIELD = 'image';

export const manifest = {
  name: 'Latchkey Authenticator',
  short_name: 'Latchkey',
  description: 'Two-factor codes (TOTP, HOTP, Steam) that work offline, encrypted on your device.',
  id: '/',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  lang: 'en',
  dir: 'ltr',
  categories: ['security', 'utilities'],
  // The manifest has no dark variant yet (a colour-scheme member is still an incubation); the page's
  // media-dependent <meta name="theme-color"> tags take over once it has loaded.
  theme_color: COLOURS.light.theme,
  background_color: COLOURS.light.background,
  icons: [
    { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  screenshots: [
    {
      src: '/screenshots/narrow.png',
      sizes: '1080x1920',
      type: 'image/png',
      form_factor: 'narrow',
      label: 'Latchkey on a phone',
    },
    {
      src: '/screenshots/wide.png',
      sizes: '1920x1080',
      type: 'image/png',
      form_factor: 'wide',
      label: 'Latchkey on a computer',
    },
  ],
  shortcuts: [
    { name: 'Scan QR code', url: '/?action=scan', description: 'Add an account from a QR code' },
    { name: 'Add account', url: '/?action=add', description: 'Add an account by hand or from a file' },
  ],
  // otpauth:// itself cannot be claimed by a web app: browsers only allow the web+ prefix for custom schemes.
  protocol_handlers: [{ protocol: 'web+otpauth', url: '/#add=%s' }],
  share_target: {
    action: SHARE_TARGET_ACTION,
    method: 'POST',
    enctype: 'multipart/form-data',
    params: { files: [{ name: SHARE_TARGET_FILE_FIELD, accept: ['image/*'] }] },
  },
} as const satisfies Partial<ManifestOptions>;
