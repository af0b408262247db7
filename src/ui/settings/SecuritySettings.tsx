import { AUTO_LOCK_CHOICES } from '../../app/settings';
import { tellIfFails } from '../components/toast';
import { useSession, useSnapshot } from '../components/session-context';
import { ChangePassword } from './ChangePassword';
import { PasskeysSection } from './PasskeysSection';
import { Toggle } from './Toggle';
import { t } from '../i18n/t';

/** Settings → Security: when Latchkey locks, what it shows and leaves behind, the passkeys and the password. */
export function SecuritySettings() {
  const session = useSession();
  const { settings } = useSnapshot();
  return (
    <>
      <section class="card">
        <label for="s-autolock">{t('security.autoLock')}</label>
        <select
          id="s-autolock"
          value={String(settings.autoLockMinutes)}
          onChange={(e) => tellIfFails(session.updateSettings({ autoLockMinutes: Number(e.currentTarget.value) }))}
        >
          {AUTO_LOCK_CHOICES.map((m) => (
            <option key={m} value={String(m)}>
              {m === 0 ? t('security.never') : t('security.minutes', { count: m })}
            </option>
          ))}
        </select>
        <Toggle
          label={t('security.tapToReveal')}
          checked={settings.tapToReveal}
          onChange={(on) => tellIfFails(session.updateSettings({ tapToReveal: on }))}
        />
        <Toggle
          label={t('security.clearClipboard')}
          checked={settings.clearClipboard}
          onChange={(on) => tellIfFails(session.updateSettings({ clearClipboard: on }))}
        />
      </section>
      <PasskeysSection />
      <ChangePassword />
    </>
  );
}
