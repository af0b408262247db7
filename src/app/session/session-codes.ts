/**
 * The codes of an unlocked session: the OTP engine (a lazy chunk, rule 7), the HMAC keys imported once per
 * account (dropped on Lock, rule 2), and the first screen's codes computed while unlocking, so the list is drawn
 * with them in its first frame.
 */
import type { Account } from '../../core/account';
import type { KeyCache } from '../../core/otp';
import type { CodeView } from '../codes';
import type { SortMode } from '../settings';

export class SessionCodes {
  private engine: Promise<typeof import('../codes')> | null = null;
  private keys: KeyCache | null = null;
  private primed: ReadonlyMap<string, CodeView> | null = null;
  /** Counts Locks: work that began before one keeps nothing it makes after it. */
  private locks = 0;

  /** Starts loading the engine, so the first codes do not wait for it. */
  preload(): void {
    this.engine ??= import('../codes');
  }

  /** `locks`: the count of Locks when the work asking began (a Lock since, and no key it imports is kept). */
  async compute(accounts: readonly Account[], now: number, showNext: boolean, locks = this.locks) {
    const engine = await (this.engine ??= import('../codes'));
    // Locked while the engine loaded: the keys this call imports are not kept for a locked vault.
    const keys = locks === this.locks ? (this.keys ??= engine.createKeyCache()) : engine.createKeyCache();
    return engine.computeCodes(accounts, now, keys, showNext);
  }

  /** Computes the first screen's codes in the order the list will show them; a failure leaves it to the list. */
  async prime(accounts: readonly Account[], sort: SortMode, now: number, showNext: boolean, count: number) {
    const locks = this.locks;
    try {
      const { sortAccounts } = await import('../organise');
      const primed = await this.compute(sortAccounts(accounts, sort).slice(0, count), now, showNext, locks);
      if (locks === this.locks) this.primed = primed;
    } catch {
      this.primed = null; // the list computes them itself a moment later
    }
  }

  /** The codes primed at unlock, for the list to show in its first frame; handed over once. */
  takePrimed(): ReadonlyMap<string, CodeView> | null {
    const primed = this.primed;
    this.primed = null;
    return primed;
  }

  /** Lock: every HMAC key and primed code goes. */
  clear(): void {
    this.locks++;
    this.primed = null;
    this.keys?.clear();
    this.keys = null;
  }
}
