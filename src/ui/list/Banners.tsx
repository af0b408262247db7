import { BackupBanner, useBackupReminder } from './BackupReminder';
import { ClockBanner, ClockNote, useClockCheck } from './ClockCheck';
import { InstallCard, useInstallOffer } from './InstallPrompt';

interface Props {
  appliedClockMs: number;
  onBackup(): void;
}

/**
 * What the list has to say, one banner at a time so the first code stays near the top: a wrong clock first (codes
 * fail now), then the backup reminder, then the offer to install.
 */
export function Banners({ appliedClockMs, onBackup }: Props) {
  const clock = useClockCheck(appliedClockMs);
  const reminder = useBackupReminder(!clock.warning);
  const install = useInstallOffer();
  // A polite live region that is always in the page, so a banner is announced when it appears. Not role="status":
  // the toast host owns that role, and one status per screen keeps it unambiguous.
  return (
    <div aria-live="polite" class="banners">
      {clock.warning ? (
        <ClockBanner clock={clock} />
      ) : reminder.visible ? (
        <BackupBanner reminder={reminder} onBackup={onBackup} />
      ) : (
        install.kind && <InstallCard offer={install} />
      )}
      {!clock.warning && <ClockNote clock={clock} appliedMs={appliedClockMs} />}
    </div>
  );
}
