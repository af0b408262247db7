/**
 * The door to sync from the unlocked app: everything behind it loads on demand (rule 7), and only for a vault
 * that syncs, or when Settings → Sync or Join is opened. One controller per session.
 */
import type { Session } from '../session/session';
import type { SyncController } from './controller';

let loaded: { session: Session; controller: Promise<SyncController> } | null = null;

export function loadSync(session: Session): Promise<SyncController> {
  if (loaded?.session !== session) {
    const controller = Promise.all([
      import('./controller'),
      import('./connect'),
      import('../../platform/sync-relay'),
    ]).then(
      ([{ SyncController }, { davStorage }, relay]) =>
        new SyncController(session, davStorage(relay.relayFetch), undefined, {
          close: relay.closeRelay,
          forget: async () => {
            relay.closeRelay();
            await relay.allowSyncOrigin('');
          },
        }),
    );
    loaded = { session, controller };
    controller.catch(() => (loaded = null));
  }
  return loaded.controller;
}

/** At unlock: starts sync if this vault syncs. Returns what stops it (at Lock). */
export function startSync(session: Session): () => void {
  let live = true;
  if (session.vaultData.sync) {
    void loadSync(session).then(
      (c) => live && c.start(),
      () => undefined,
    );
  }
  return () => {
    live = false;
    if (loaded?.session === session)
      void loaded.controller.then(
        (c) => c.stop(),
        () => undefined,
      );
  };
}
