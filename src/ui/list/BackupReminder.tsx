import { useEffect, useRef, useState } from 'preact/hooks';
import { tellIfFails } from '../components/toast';
import { useSession, useSnapshot } from '../components/session-context';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Accounts changed since the last verified backup: say so, at most once a week, and let the user dismiss it. */
export function BackupReminder({ onBackup }: { onBackup(): void }) {
  const session = useSession();
  const { changesSinceBackup, accounts } = useSnapshot();
  const lastShown = session.vaultData.backupReminderShownAt;
  const due = changesSinceBackup > 0 && accounts.length > 0 && (lastShown === null || Date.now() - lastShown > WEEK_MS);
  const [visible, setVisible] = useState(false);
  // Shown once per visit: dismissed before the note that it was shown is stored, it must not come straight back.
  const shown = useRef(false);

  useEffect(() => {
    if (!due || shown.current) return;
    shown.current = true;
    setVisible(true);
    tellIfFails(session.changes.markReminderShown());
  }, [due, session]);

  if (!visible) return null;
  return (
    <div class="warning reminder" role="note" aria-label="Backup reminder">
      <p>
        Your accounts changed since your last backup. A backup is the only way back if this device is lost or the
        browser clears its data.
      </p>
      <div class="actions">
        <button type="button" onClick={() => setVisible(false)}>
          Dismiss
        </button>
        <button
          type="button"
          class="primary"
          onClick={() => {
            setVisible(false);
            onBackup();
          }}
        >
          Back up now
        </button>
      </div>
    </div>
  );
}
