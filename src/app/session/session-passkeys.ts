/**
 * The session's passkeys: the list the lock screen and settings show (from the header, which says nothing secret),
 * and the entry points of unlocking, confirming, adding and removing. Eager, so kept to forwarding: the work, and
 * everything WebAuthn and HKDF, is the lazy passkeys.ts (rule 7).
 */
import type { Observable } from '../../lib/observable';
import type { VaultStore } from '../../storage/store';
import { parseHeader } from '../../vault/parse';
import type { MasterKey, VaultHeader } from '../../vault/vault';
import type { PasskeyInfo, Snapshot } from './snapshot';
import { loadOnce } from './vault-module';

const loadPasskeys = loadOnce(() => import('./passkeys'));

/** The passkey slots of a stored header, as shown; none when the header is damaged (unlocking then says so). */
export function passkeysOf(header: unknown): PasskeyInfo[] {
  try {
    return parseHeader(header).slots.flatMap((s) =>
      s.type === 'passkey' ? [{ id: s.id, label: s.label, createdAt: s.createdAt, lastUsedAt: s.lastUsedAt }] : [],
    );
  } catch {
    return [];
  }
}

/** What the passkey code needs of the session. */
export interface PasskeyContext {
  state: Observable<Snapshot>;
  store(): VaultStore;
  /** The session's unlock after the key is known: the same path as the password's, minus the KDF. */
  open(unwrap: (header: VaultHeader) => Promise<MasterKey>): Promise<void>;
  /** Publishes the passkeys of the header as stored now. */
  show(header: unknown): void;
}

export interface PasskeyUnlockOptions {
  /** Closes the browser's passkey dialog: the unlock then resolves without unlocking, and says nothing. */
  signal?: AbortSignal;
  /** Started by the lock screen rather than a tap: a refusal (no tap allowed, or the dialog closed) says nothing. */
  offered?: boolean;
}

export class SessionPasskeys {
  private readonly context: PasskeyContext;

  constructor(deps: Omit<PasskeyContext, 'show'>) {
    this.context = { ...deps, show: (header) => deps.state.update({ passkeys: passkeysOf(header) }) };
  }

  show(header: unknown): void {
    this.context.show(header);
  }

  /** Rejects like unlock(password), or with a passkey refusal ('passkey-cancelled', -unknown, -damaged, …). */
  async unlock(options: PasskeyUnlockOptions = {}): Promise<void> {
    return (await loadPasskeys()).unlock(this.context, options);
  }

  /** Like verifyPassword, with a passkey: true when confirmed, false when the request was closed by a newer one. */
  async confirm(): Promise<boolean> {
    return (await loadPasskeys()).confirm(this.context);
  }

  /** Adds a passkey; the password is checked first (its slot gives the master key to wrap). */
  async add(password: string): Promise<void> {
    return (await loadPasskeys()).add(this.context, password);
  }

  async remove(slotId: string): Promise<void> {
    return (await loadPasskeys()).remove(this.context, slotId);
  }
}
