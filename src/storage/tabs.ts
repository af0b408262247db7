/**
 * Cross-tab consistency: one Web Lock serialises vault writes across tabs, and a BroadcastChannel tells the other
 * tabs to re-read after a commit. Messages carry only what changed, never a secret or a label.
 */
export const LOCK_NAME = 'latchkey-vault';
export const CHANNEL_NAME = 'latchkey';

export type TabMessage = { type: 'records-changed' } | { type: 'header-changed' } | { type: 'settings-changed' };
export type TabMessageType = TabMessage['type'];

const TYPES: readonly TabMessageType[] = ['records-changed', 'header-changed', 'settings-changed'];

export function isTabMessage(value: unknown): value is TabMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    TYPES.includes((value as { type?: unknown }).type as TabMessageType)
  );
}

function defaultLocks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.locks;
}

/**
 * Runs `fn` while holding the vault lock in every tab of this origin. Web Locks are not re-entrant: never call
 * withVaultLock (or a VaultStore write, which takes it) from inside `fn`. Browsers without Web Locks (Safari
 * before 15.4) run `fn` directly; IndexedDB still serialises the transactions themselves.
 */
export async function withVaultLock<T>(fn: () => Promise<T> | T, locks = defaultLocks()): Promise<T> {
  if (!locks) return fn();
  return locks.request(LOCK_NAME, { mode: 'exclusive' }, async () => fn()) as Promise<T>;
}

/** This tab's one channel: a BroadcastChannel never receives its own messages, only other instances' ones. */
let channel: BroadcastChannel | null = null;
const listeners = new Set<(message: TabMessage) => void>();

function tabChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Anything else on the channel (an older or newer version's message) is ignored, never trusted.
    if (!isTabMessage(event.data)) return;
    const message: TabMessage = { type: event.data.type };
    for (const listener of listeners) listener(message);
  });
  return channel;
}

/** Tells the other tabs that a commit changed something; call after the transaction completed. */
export function announce(message: TabMessage): void {
  tabChannel()?.postMessage({ type: message.type });
}

/** Calls `listener` for each message from another tab; returns the unsubscribe function. */
export function onTabMessage(listener: (message: TabMessage) => void): () => void {
  tabChannel();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Closes this tab's channel (tests, and pages that are going away); it reopens on the next use. */
export function closeTabChannel(): void {
  channel?.close();
  channel = null;
  listeners.clear();
}
