import { useEffect, useRef, useState } from 'preact/hooks';
import { tellIfFails } from '../components/toast';
import { useSession, useSnapshot } from '../components/session-context';
import { t } from '../i18n/t';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface BackupReminderState {
  visible: boolean;
  dismiss(): void;
}

/**
 * Accounts changed since the last verified backup: say so, at most once a week. `free` is false while another
 * banner holds the place (Banners.tsx): the reminder then waits, and is not counted as shown.
 */
export function useBackupReminder(free: boolean): BackupReminderState {
  const session = useSession();
  const { changesSinceBackup, accounts } = useSnapshot();
  const lastShown = session.vaultData.backupReminderShownAt;
  const due = changesSinceBackup > 0 && accounts.length > 0 && (lastShown === null || Date.now() - lastShown > WEEK_MS);
  const [visible, setVisible] = useState(false);
  // Shown once per visit: dismissed before the note that it was shown is stored, it must not come straight back.
  const shown = useRef(false);

  useEffect(() => {
    if (!due || !free || shown.current) return;
    shown.current = true;
    setVisible(true);
    tellIfFails(session.changes.markReminderShown());
  }, [due, free, session]);

  return { visible, dismiss: () => setVisible(false) };
}

export function BackupBanner({ reminder, onBackup }: { reminder: BackupReminderState; onBackup(): void }) {
  return (
    <div class="banner warning reminder" role="note" aria-label={t('reminder.label')}>
      <p>{t('reminder.text')}</p>
      <div class="actions">
        <button type="button" class="quiet" onClick={reminder.dismiss}>
          {t('reminder.dismiss')}
        </button>
        <button
          type="button"
          class="primary"
          onClick={() => {
            reminder.dismiss();
            onBackup();
          }}
        >
          {t('reminder.backUp')}
        </button>
      </div>
    </div>
  );
}
