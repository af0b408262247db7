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

  /** Starts loading the engine, so the first codes do not wait for it. */
  preload(): void {
    this.engine ??= import('../codes');
  }

  async compute(accounts: readonly Account[], now: number, showNext: boolean): Promise<Map<string, CodeView>> {
    const engine = await (this.engine ??= import('../codes'));
    this.keys ??= engine.createKeyCache();
    return engine.computeCodes(accounts, now, this.keys, showNext);
  }

  /** Computes the first screen's codes in the order the list will show them; a failure leaves it to the list. */
  async prime(accounts: readonly Account[], sort: SortMode, now: number, showNext: boolean, count: number) {
    try {
      const { sortAccounts } = await import('../organise');
      this.primed = await this.compute(sortAccounts(accounts, sort).slice(0, count), now, showNext);
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
    this.primed = null;
    this.keys?.clear();
    this.keys = null;
  }
}
