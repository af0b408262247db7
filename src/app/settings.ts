/**
 * Preferences, in two kinds. Plain settings hold nothing that matters for security and no label, so they live
 * unencrypted in IndexedDB and the lock screen can use them (its theme). Every setting that matters for security
 * (when to lock, clipboard clearing, the clock correction every code depends on) or says something about the
 * accounts (how they are sorted) is sealed in the vault state, so nobody who can write the site's storage can
 * change it (docs/vault-format.md).
 */
import { isLanguage, type LanguageSetting } from './languages';

export type Theme = 'system' | 'light' | 'dark';
export const SORT_MODES = ['custom', 'issuer', 'account', 'most-used', 'recent'] as const;
export type SortMode = (typeof SORT_MODES)[number];

export interface PlainSettings {
  theme: Theme;
  /** The language of every screen, the lock screen's too; `auto` follows the browser (app/languages.ts). */
  language: LanguageSetting;
}

export interface SecureSettings {
  /** Minutes of inactivity (or hidden time) before locking; 0 means never. */
  autoLockMinutes: number;
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

export type Settings = PlainSettings & SecureSettings;

export const AUTO_LOCK_CHOICES = [1, 5, 15, 60, 0] as const;

export const DEFAULT_PLAIN_SETTINGS: PlainSettings = { theme: 'system', language: 'auto' };

export const DEFAULT_SECURE_SETTINGS: SecureSettings = {
  autoLockMinutes: 5,
  sort: 'custom',
  tapToReveal: false,
  showNextCode: false,
  clearClipboard: false,
  clockOffsetMs: 0,
};

export const DEFAULT_SETTINGS: Settings = { ...DEFAULT_PLAIN_SETTINGS, ...DEFAULT_SECURE_SETTINGS };

const PLAIN_KEYS = Object.keys(DEFAULT_PLAIN_SETTINGS) as (keyof PlainSettings)[];
const SECURE_KEYS = Object.keys(DEFAULT_SECURE_SETTINGS) as (keyof SecureSettings)[];

type Validators<T> = { [K in keyof T]: (value: unknown) => boolean };

const PLAIN_VALID: Validators<PlainSettings> = {
  theme: (v) => v === 'system' || v === 'light' || v === 'dark',
  language: (v) => v === 'auto' || isLanguage(v),
};

const SECURE_VALID: Validators<SecureSettings> = {
  autoLockMinutes: (v) => AUTO_LOCK_CHOICES.includes(v as 0),
  sort: (v) => (SORT_MODES as readonly unknown[]).includes(v),
  tapToReveal: (v) => typeof v === 'boolean',
  showNextCode: (v) => typeof v === 'boolean',
  clearClipboard: (v) => typeof v === 'boolean',
  clockOffsetMs: (v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 864e5,
};

function sanitize<T extends object>(stored: unknown, defaults: T, valid: Validators<T>): T {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    // Own properties only: a stored "constructor" must not reach the prototype's.
    if (Object.hasOwn(s, key) && valid[key](s[key])) out[key] = s[key] as T[typeof key];
  }
  return out;
}

/** Plain settings come from storage anyone can write, or an older version: keep only known, valid values. */
export function sanitizePlainSettings(stored: unknown): PlainSettings {
  return sanitize(stored, DEFAULT_PLAIN_SETTINGS, PLAIN_VALID);
}

export function sanitizeSecureSettings(stored: unknown): SecureSettings {
  return sanitize(stored, DEFAULT_SECURE_SETTINGS, SECURE_VALID);
}

/** Splits a change of settings into what is stored in plain and what is sealed. */
export function splitSettings(patch: Partial<Settings>): {
  plain: Partial<PlainSettings>;
  secure: Partial<SecureSettings>;
} {
  const pick = <K extends keyof Settings>(keys: readonly K[]) =>
    Object.fromEntries(keys.filter((k) => Object.hasOwn(patch, k)).map((k) => [k, patch[k]])) as Partial<Settings>;
  return { plain: pick(PLAIN_KEYS), secure: pick(SECURE_KEYS) };
}

/** True when stored plain settings still hold values that now belong in the vault (written by an older version). */
export function holdsSecureSettings(stored: unknown): boolean {
  return !!stored && typeof stored === 'object' && SECURE_KEYS.some((key) => Object.hasOwn(stored, key));
}
