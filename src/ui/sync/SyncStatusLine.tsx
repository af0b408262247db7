import { useEffect, useState } from 'preact/hooks';
import type { SyncController } from '../../app/sync/controller';
import { useStore } from '../components/useStore';
import { syncStatusText } from './status-text';

/** The sync status, said politely (role="status"): when it last synced, what waits, or what is wrong. */
export function SyncStatusLine({ controller }: { controller: SyncController }) {
  const status = useStore(controller.status);
  // "Synced 3 minutes ago" moves on by itself.
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => setNow(Date.now()), [status]);
  return (
    <p role="status" class={status.kind === 'problem' ? 'sync-status problem' : 'sync-status'}>
      {syncStatusText(status, now)}
    </p>
  );
}
