import { AUTO_LOCK_CHOICES } from '../../app/settings';
import { tellIfFails } from '../components/toast';
import { useSession, useSnapshot } from '../components/session-context';
import { ChangePassword } from './ChangePassword';
import { Toggle } from './Toggle';

/** Settings → Security: when Latchkey locks, what it shows and leaves behind, and the password. */
export function SecuritySettings() {
  const session = useSession();
  const { settings } = useSnapshot();
  return (
    <>
      <section class="card">
        <label for="s-autolock">Lock after inactivity</label>
        <select
          id="s-autolock"
          value={String(settings.autoLockMinutes)}
          onChange={(e) => tellIfFails(session.updateSettings({ autoLockMinutes: Number(e.currentTarget.value) }))}
        >
          {AUTO_LOCK_CHOICES.map((m) => (
            <option key={m} value={String(m)}>
              {m === 0 ? 'Never' : m === 1 ? '1 minute' : `${m} minutes`}
            </option>
          ))}
        </select>
        <Toggle
          label="Hide codes until tapped"
          checked={settings.tapToReveal}
          onChange={(on) => tellIfFails(session.updateSettings({ tapToReveal: on }))}
        />
        <Toggle
          label="Clear the clipboard 30 seconds after copying"
          checked={settings.clearClipboard}
          onChange={(on) => tellIfFails(session.updateSettings({ clearClipboard: on }))}
        />
      </section>
      <ChangePassword />
    </>
  );
}
