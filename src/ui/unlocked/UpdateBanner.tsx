import { useState } from 'preact/hooks';
import { useStore } from '../components/useStore';
import { applyUpdate, updateStatus } from '../../platform/sw-bridge';
import './pwa-shell.css';
import { t } from '../i18n/t';

export interface UpdateBannerProps {
  /**
   * Asked before reloading when something could be lost, e.g. "Discard the account you are adding?" while a form
   * is open. Resolve false to stay. Without it, Reload applies the update at once.
   */
  confirmApply?: () => boolean | Promise<boolean>;
}

/**
 * "Update available · Reload", shown when a new version waits because the vault was open or a form was being
 * filled (src/platform/sw-bridge.ts applies it by itself when nothing is in use). The live region is always in
 * the DOM so screen readers announce the update when it appears.
 */
export function UpdateBanner({ confirmApply }: UpdateBannerProps) {
  const status = useStore(updateStatus);
  const [applying, setApplying] = useState(false);

  async function reload() {
    if (confirmApply && !(await confirmApply())) return;
    setApplying(true); // the page reloads as soon as the new version takes over
    applyUpdate();
  }

  return (
    <div class="update-banner" role="status">
      {status.updateAvailable && (
        <>
          <span>{t('update.available')}</span>
          <button type="button" onClick={() => void reload()} disabled={applying}>
            {t('common.reload')}
          </button>
        </>
      )}
    </div>
  );
}
