import { wasUpdatedElsewhere } from '../../platform/update-seen';
import '../i18n/uses-setup';
import { t } from '../i18n/t';

/**
 * A part of Latchkey that could not be loaded: after an update applied in another tab (its files are gone), or
 * with no connection before the app was ever stored offline. Says which, with the way on.
 */
export function LoadFailure({ onBack }: { onBack?: () => void }) {
  const updated = wasUpdatedElsewhere();
  return (
    <main class="screen narrow">
      <p role="alert" class="alert">
        {updated ? t('common.updatedElsewhere') : t('common.screenNotLoaded')}
      </p>
      <div class="actions">
        {onBack && (
          <button type="button" onClick={onBack}>
            {t('common.back')}
          </button>
        )}
        <button type="button" class="primary" onClick={() => location.reload()}>
          {t('common.reload')}
        </button>
      </div>
    </main>
  );
}
