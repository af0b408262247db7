import { useState } from 'preact/hooks';
import { useStore } from '../components/useStore';
import { installWatcher } from '../../platform/install';
import { declineOffer, hintStorage, offerDue, readDeclines, wantsIosHint } from '../../platform/install-hint';
import { Download, X } from '../components/icons';
import { t } from '../i18n/t';

// Start listening as soon as this module loads: Chromium may offer installation before the card is rendered.
if (typeof window !== 'undefined') installWatcher();

export interface InstallOffer {
  /** The browser's own dialog, or the iOS how-to; null when there is nothing to offer now. */
  kind: 'prompt' | 'ios' | null;
  install(): void;
  notNow(): void;
}

/** Whether to offer installation now: the browser allows it (or this is iOS Safari) and it was not put off. */
export function useInstallOffer(): InstallOffer {
  const watcher = installWatcher();
  const status = useStore(watcher.status);
  const [due, setDue] = useState(() => offerDue(readDeclines(hintStorage()), Date.now()));
  const kind = status.installed || !due ? null : status.canPrompt ? 'prompt' : wantsIosHint(window) ? 'ios' : null;
  return {
    kind,
    install: () => void watcher.prompt(),
    notNow: () => {
      declineOffer(hintStorage(), Date.now());
      setDue(false);
    },
  };
}

/** The install card: one line on why, Install (or how, on iOS), and Not now. */
export function InstallCard({ offer }: { offer: InstallOffer }) {
  const ios = offer.kind === 'ios';
  return (
    <section class="banner install-card" aria-label={ios ? t('install.iosLabel') : t('install.label')}>
      <p>
        {ios ? (
          <>
            {t('install.iosBefore')} <ShareGlyph />, {t('install.iosAfter', { action: t('install.iosAction') })}
          </>
        ) : (
          t('install.why')
        )}
      </p>
      <div class="actions">
        <button type="button" class="quiet" onClick={offer.notNow}>
          <X size={18} aria-hidden="true" /> {t('install.notNow')}
        </button>
        {!ios && (
          <button type="button" class="primary" onClick={offer.install}>
            <Download size={18} aria-hidden="true" /> {t('install.install')}
          </button>
        )}
      </div>
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
