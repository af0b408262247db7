import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { t } from '../i18n/t';

/**
 * A screen that fails while it is drawn shows what happened and a way back, instead of blanking the whole app
 * until a reload. Keyed by the screen it wraps, so going back starts afresh.
 */
export function ScreenBoundary({ onBack, children }: { onBack(): void; children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((caught: unknown) => {
    console.warn('A screen failed to draw:', caught instanceof Error ? caught.name : typeof caught);
  });
  if (!error) return <>{children}</>;
  return (
    <main class="screen narrow">
      <p role="alert" class="alert">
        {t('boundary.fault')}
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => {
            reset();
            onBack();
          }}
        >
          {t('boundary.back')}
        </button>
      </div>
    </main>
  );
}
