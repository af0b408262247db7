/**
 * The session's settings: plain ones (the theme) as stored in plain, the ones that matter for security as sealed
 * in the vault state (app/settings.ts says which is which). A secure setting just chosen is in effect at once,
 * while it is being sealed; values an older version kept in plain are used until the vault adopts them.
 */
import {
  DEFAULT_SECURE_SETTINGS,
  holdsSecureSettings,
  sanitizePlainSettings,
  sanitizeSecureSettings,
  type PlainSettings,
  type SecureSettings,
  type Settings,
} from '../settings';
import type { VaultStore } from '../../storage/store';
import type { VaultChanges } from './changes';
import type { VaultState } from './vault-state';

export class SessionSettings {
  plain: PlainSettings = sanitizePlainSettings(null);
  /** Secure settings a version before this one kept in plain, adopted into the vault at the first unlock. */
  legacy: SecureSettings | null = null;
  /** Secure settings chosen and not yet stored. */
  private pending: Partial<SecureSettings>[] = [];

  /** Reads what is stored in plain (at start, and when another tab changed it). */
  readPlain(stored: unknown): void {
    this.plain = sanitizePlainSettings(stored);
    this.legacy = holdsSecureSettings(stored) ? sanitizeSecureSettings(stored) : null;
  }

  /** The secure settings in effect for a vault state: sealed, else adopted from plain, else the defaults. */
  secure(state: VaultState): SecureSettings {
    const stored = state.settings ?? this.legacy ?? DEFAULT_SECURE_SETTINGS;
    return Object.assign({}, stored, ...this.pending) as SecureSettings;
  }

  /** Everything in effect: while locked, only the plain ones count (nothing sealed can be read). */
  all(state: VaultState | null): Settings {
    return { ...this.plain, ...(state ? this.secure(state) : DEFAULT_SECURE_SETTINGS) };
  }

  /** Puts `patch` in effect while `storing` runs; it stays only if stored. */
  async whileStoring(patch: Partial<SecureSettings>, storing: () => Promise<void>, changed: () => void) {
    const entry = { ...patch };
    this.pending.push(entry);
    changed();
    try {
      await storing();
    } finally {
      this.pending = this.pending.filter((p) => p !== entry);
      changed();
    }
  }

  /** Seals the secure settings an older version kept in plain, then drops them from plain storage. */
  async adopt(changes: VaultChanges, store: VaultStore): Promise<void> {
    const adopted = this.legacy;
    if (!adopted) return;
    try {
      await changes.setSecureSettings(adopted, adopted);
      await store.putSettings({ ...this.plain });
      this.legacy = null;
    } catch {
      // Tried again at the next unlock.
    }
  }
}
