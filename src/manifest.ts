/** The web app manifest, kept in TypeScript so the build and the tests read one source. */
export const manifest = {
  name: 'Latchkey Authenticator',
  short_name: 'Latchkey',
  description: 'Two-factor codes (TOTP, HOTP, Steam) that work offline, encrypted on your device.',
  id: '/',
  start_url: '/',
  scope: '/',
  display: 'standalone' as const,
  theme_color: '#1d4ed8',
  background_color: '#ffffff',
  icons: [] as { src: string; sizes: string; type: string; purpose?: string }[],
};
