import type { SortMode, Theme } from '../../app/settings';
import { tellIfFails } from '../components/toast';
import { useSession, useSnapshot } from '../components/session-context';
import { Toggle } from './Toggle';

/** Settings → Appearance: the theme and how the list looks. */
export function AppearanceSettings() {
  const session = useSession();
  const { settings } = useSnapshot();
  return (
    <section class="card">
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
      <Toggle
        label="Show the next code"
        checked={settings.showNextCode}
        onChange={(on) => tellIfFails(session.updateSettings({ showNextCode: on }))}
      />
    </section>
  );
}
