import { useState } from 'preact/hooks';
import { useStore } from '../components/useStore';
import { installWatcher } from '../../platform/install';
import { dismissIosHint, hintStorage, shouldShowIosHint } from '../../platform/install-hint';
import '../unlocked/pwa-shell.css';

// Start listening as soon as this module loads: Chromium may offer installation before the prompt is rendered.
if (typeof window !== 'undefined') installWatcher();

const WHY =
  'Installed, Latchkey opens from your home screen or app list and works offline. ' +
  'Browsers also clear the data of an installed app less readily than that of a website.';
const WHY_IOS =
  'Safari may erase the data of a website you have not opened for 7 days — your accounts with it. ' +
  'Apps on the Home Screen are kept. An encrypted backup (Settings) protects you either way.';

/** Offers installation: an Install button where the browser allows it, a one-time how-to on iPhone and iPad. */
export function InstallPrompt() {
  const watcher = installWatcher();
  const status = useStore(watcher.status);
  const [iosHint, setIosHint] = useState(() => shouldShowIosHint(window, hintStorage()));

  if (status.installed) return null;
  if (status.canPrompt) {
    return (
      <section class="install-prompt" aria-label="Install Latchkey">
        <p>{WHY}</p>
        <button type="button" onClick={() => void watcher.prompt()}>
          Install
        </button>
      </section>
    );
  }
  if (!iosHint) return null;
  return (
    <section class="install-prompt" aria-label="Add Latchkey to your Home Screen">
      <p>
        To install: tap Share <ShareGlyph /> in Safari, then <strong>Add to Home Screen</strong>.
      </p>
      <p>{WHY_IOS}</p>
      <button
        type="button"
        onClick={() => {
          dismissIosHint(hintStorage());
          setIosHint(false);
        }}
      >
        Dismiss
      </button>
    </section>
  );
}

/** Safari's Share symbol (a box with an arrow), so the tip matches what people see on screen. */
function ShareGlyph() {
  return (
    <svg class="share-glyph" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M12 3v12M7 8l5-5 5 5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      <path d="M5 11v9h14v-9" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
    </svg>
  );
}
