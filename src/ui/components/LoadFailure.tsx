import { wasUpdatedElsewhere } from '../../platform/update-seen';
import '../i18n/en-setup';

/**
 * A part of Latchkey that could not be loaded: after an update applied in another tab (its files are gone), or
 * with no connection before the app was ever stored offline. Says which, with the way on.
 */
export function LoadFailure({ onBack }: { onBack?: () => void }) {
  const updated = wasUpdatedElsewhere();
  return (
    <main class="screen narrow">
      <p role="alert" class="alert">
        {updated
          ? 'Latchkey was updated in another tab, so this tab cannot open this screen. Reload to use the new version; nothing you saved is lost.'
          : 'This part of Latchkey could not be loaded. Check your connection, then reload; after that it works offline.'}
      </p>
      <div class="actions">
        {onBack && (
          <button type="button" onClick={onBack}>
            Back
          </button>
        )}
        <button type="button" class="primary" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    </main>
  );
}
