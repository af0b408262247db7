/**
 * When sync runs and what it says (docs/sync.md, "When"): on unlock, a moment after each change made here, when
 * the app comes back to the foreground or the network comes back, every few minutes while open, and on Sync now.
 * One round at a time; a round asked for while one runs follows it. The status line reads `status`.
 * Lazy: loaded only for a vault that syncs, or when the person opens Settings → Sync (rule 7).
 */
import { isLatchkeyError } from '../../core/errors';
import { Observable } from '../../lib/observable';
import { isSyncError, PASSING, type SyncProblem } from '../../sync/errors';
import type { Session } from '../session/session';
import type { SyncConfig } from '../session/vault-state';
import { connect, join, type MakeStorage, type SyncLogin } from './connect';
import { newRoundMemory, syncRound, type RoundMemory, type RoundResult } from './round';

export type SyncStatus =
  | { kind: 'off' }
  | { kind: 'syncing'; waiting: number; lastAt: number | null; conditional: boolean | null }
  | { kind: 'synced'; waiting: number; lastAt: number; conditional: boolean | null }
  | { kind: 'problem'; waiting: number; lastAt: number | null; problem: SyncProblem; message: string };

const DEBOUNCE_MS = 1500;
const EVERY_MS = 5 * 60 * 1000;

export interface SyncTiming {
  debounceMs?: number;
  everyMs?: number;
}

/** What the controller does to the connection around it (the relay frame in the app, nothing in Node tests). */
export interface SyncLink {
  /** At Lock: drop the connection (the relay frame). */
  close(): void;
  /** Sync turned off: the sync server is no longer allowed at all. */
  forget(): Promise<void>;
}

export class SyncController {
  readonly status = new Observable<SyncStatus>({ kind: 'off' });
  /** Requests the last round made and what it moved (the bench reads it). */
  lastRound: RoundResult | null = null;
  private memory: RoundMemory = newRoundMemory();
  private running: Promise<void> | null = null;
  private again = false;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private lastAt: number | null = null;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly session: Session,
    private readonly make: MakeStorage,
    private readonly timing: SyncTiming = {},
    private readonly link: SyncLink | null = null,
  ) {}

  private get config(): SyncConfig | null {
    return this.session.unlocked ? this.session.vaultData.sync : null;
  }

  private get waiting(): number {
    return Object.keys(this.session.vaultData.unsynced).length;
  }

  /** Starts listening (unlock time); returns the stop (Lock). */
  start(): () => void {
    if (this.stops.length) {
      void this.syncNow();
      return () => this.stop();
    }
    const { session } = this;
    this.stops.push(
      session.changes.onSaved((origin) => {
        if (origin === 'local') this.soon();
      }),
    );
    const onVisible = () => document.visibilityState === 'visible' && void this.syncNow();
    const onOnline = () => void this.syncNow();
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', onVisible);
      window.addEventListener('online', onOnline);
      this.stops.push(() => document.removeEventListener('visibilitychange', onVisible));
      this.stops.push(() => window.removeEventListener('online', onOnline));
    }
    const timer = setInterval(() => {
      if (typeof document === 'undefined' || document.visibilityState === 'visible') void this.syncNow();
    }, this.timing.everyMs ?? EVERY_MS);
    this.stops.push(() => clearInterval(timer));
    void this.syncNow();
    return () => this.stop();
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    this.memory = newRoundMemory();
    this.link?.close();
    this.status.set({ kind: 'off' });
  }

  /** A change was made here: sync a moment later, once a burst of changes is over. */
  private soon(): void {
    if (!this.config) return;
    this.publishWaiting();
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.syncNow();
    }, this.timing.debounceMs ?? DEBOUNCE_MS);
  }

  private publishWaiting(): void {
    const current = this.status.value;
    if (current.kind !== 'off') this.status.set({ ...current, waiting: this.waiting });
  }

  /** Runs a round now (or right after the one running); settles when it is done, never rejects. */
  syncNow(): Promise<void> {
    if (!this.config) {
      this.status.set({ kind: 'off' });
      return Promise.resolve();
    }
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = null));
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.round();
    } while (this.again && this.config);
  }

  private async round(): Promise<void> {
    const config = this.config;
    if (!config) return;
    this.status.set({ kind: 'syncing', waiting: this.waiting, lastAt: this.lastAt, conditional: config.conditional });
    try {
      const storage = this.make(config);
      this.lastRound = await syncRound(
        storage,
        { changes: this.session.changes, header: () => this.session.header() },
        { ...config },
        this.memory,
      );
      this.lastAt = Date.now();
      if (!this.config) return;
      this.status.set({ kind: 'synced', waiting: this.waiting, lastAt: this.lastAt, conditional: config.conditional });
    } catch (error) {
      this.memory = newRoundMemory();
      if (!this.config) return;
      this.status.set({ kind: 'problem', waiting: this.waiting, lastAt: this.lastAt, ...describe(error) });
    }
  }

  /** Settings → Sync → Connect: checks the folder, stores the config (sealed) and syncs. */
  async connect(login: SyncLogin): Promise<void> {
    await connect(this.session, this.make, login);
    this.memory = newRoundMemory();
    this.start();
    await this.syncNow();
  }

  /** First run → Join a synced vault. */
  async join(login: SyncLogin, vaultPassword: string): Promise<void> {
    await join(this.session, this.make, login, vaultPassword);
    this.memory = newRoundMemory();
    this.start();
    await this.syncNow();
  }

  /** Turns sync off: both copies stay as they are; the credentials are forgotten here. */
  async disconnect(): Promise<void> {
    await this.session.changes.fromSync(() => ({
      change: { state: { sync: null }, counts: false },
      result: undefined,
    }));
    this.stop();
    await this.link?.forget();
  }
}

function describe(error: unknown): { problem: SyncProblem; message: string } {
  if (isSyncError(error)) return { problem: error.problem, message: error.message };
  if (isLatchkeyError(error, 'locked')) return { problem: 'offline', message: error.message };
  if (isLatchkeyError(error)) return { problem: 'server', message: error.message };
  return { problem: 'server', message: `Sync failed: ${String(error)}` };
}

/** Whether trying again later may get past it without the person doing anything. */
export const passes = (problem: SyncProblem) => PASSING.has(problem);
