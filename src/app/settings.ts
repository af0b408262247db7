/**
 * Preferences that hold nothing secret and no label, so they may live unencrypted in IndexedDB and be read
 * before unlocking (the theme must apply on the lock screen, the auto-lock delay before the first unlock).
 */
export type Theme = 'system' | 'light' | 'dark';
export const SORT_MODES = ['custom', 'issuer', 'account', 'most-used', 'recent'] as const;
export type SortMode = (typeof SORT_MODES)[number];

export interface Settings {
  /** Minutes of inactivity (or hidden time) before locking; 0 means never. */
  autoLockMinutes: number;
  theme: Theme;
  sort: SortMode;
  /** Show codes only after a tap, hiding them again after 30 s. */
  tapToReveal: boolean;
  /** Show the next code under the current one. */
  showNextCode: boolean;
  /** Clear the clipboard 30 s after copying, when the app still has focus. */
  clearClipboard: boolean;
  /** A measured clock offset (ms) the user chose to apply to codes. */
  clockOffsetMs: number;
}

export const AUTO_LOCK_CHOICES = [1, 5, 15, 60, 0] as const;

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 5,
  theme: 'system',
  sort: 'custom',
  tapToReveal: false,
  showNextCode: false,
  clearClipboard: false,
  clockOffsetMs: 0,
};

/** Settings come from storage written by older versions, or tampered with: keep only known, valid values. */
export function sanitizeSettings(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof Settings, unknown>>;
  const pick = <K extends keyof Settings>(key: K, ok: (v: unknown) => boolean): Settings[K] =>
    (ok(s[key]) ? s[key] : DEFAULT_SETTINGS[key]) as Settings[K];
  return {
    autoLockMinutes: pick('autoLockMinutes', (v) => AUTO_LOCK_CHOICES.includes(v as 0)),
    theme: pick('theme', (v) => v === 'system' || v === 'light' || v === 'dark'),
    sort: pick('sort', (v) => (SORT_MODES as readonly unknown[]).includes(v)),
    tapToReveal: pick('tapToReveal', (v) => typeof v === 'boolean'),
    showNextCode: pick('showNextCode', (v) => typeof v === 'boolean'),
    clearClipboard: pick('clearClipboard', (v) => typeof v === 'boolean'),
    clockOffsetMs: pick('clockOffsetMs', (v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 864e5),
  };
}
