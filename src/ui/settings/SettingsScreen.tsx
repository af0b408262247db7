import type { ComponentChildren } from 'preact';
import { AUTO_LOCK_CHOICES, type SortMode, type Theme } from '../../app/settings';
import type { Persistence } from '../../app/session/snapshot';
import { ChangePassword } from './ChangePassword';
import { PasskeysSection } from './PasskeysSection';
import { tellIfFails } from '../components/toast';
import { useSession, useSnapshot } from '../components/session-context';

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  granted: 'Persistent: the browser will not clear Latchkey’s data to free space.',
  denied:
    'Not persistent: the browser may clear Latchkey’s data when space runs low. Install Latchkey to the home screen and keep a backup.',
  unsupported: 'This browser cannot promise to keep the data. Keep a backup.',
  unknown: 'Checking…',
};

/** Preferences, security and moving data in and out. `children` carries the backup and import sections. */
export function SettingsScreen({ onBack, children }: { onBack(): void; children?: ComponentChildren }) {
  const session = useSession();
  const { settings, persistence } = useSnapshot();
  return (
    <main class="screen narrow">
      <h1>Settings</h1>
      <section class="card">
        <h2>Security</h2>
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
        <label class="check">
          <input
            type="checkbox"
            checked={settings.tapToReveal}
            onChange={(e) => tellIfFails(session.updateSettings({ tapToReveal: e.currentTarget.checked }))}
          />
          Hide codes until tapped
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.clearClipboard}
            onChange={(e) => tellIfFails(session.updateSettings({ clearClipboard: e.currentTarget.checked }))}
          />
          Clear the clipboard 30 seconds after copying
        </label>
      </section>
      <PasskeysSection />
      <section class="card">
        <h2>Display</h2>
        <label for="s-theme">Theme</label>
        <select
          id="s-theme"
          value={settings.theme}
          onChange={(e) => tellIfFails(session.updateSettings({ theme: e.currentTarget.value as Theme }))}
        >
          <option value="system">Same as the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        <label for="s-sort">Sort accounts by</label>
        <select
          id="s-sort"
          value={settings.sort}
          onChange={(e) => tellIfFails(session.updateSettings({ sort: e.currentTarget.value as SortMode }))}
        >
          <option value="custom">Custom order</option>
          <option value="issuer">Issuer</option>
          <option value="account">Account name</option>
          <option value="most-used">Most used</option>
          <option value="recent">Recently used</option>
        </select>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.showNextCode}
            onChange={(e) => tellIfFails(session.updateSettings({ showNextCode: e.currentTarget.checked }))}
          />
          Show the next code
        </label>
      </section>
      <section class="card">
        <h2>Storage</h2>
        <p id="persistence">{PERSISTENCE_TEXT[persistence]}</p>
      </section>
      {children}
      <ChangePassword />
      <button type="button" onClick={onBack}>
        Back
      </button>
    </main>
  );
}
